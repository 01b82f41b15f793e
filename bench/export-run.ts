// Child process of bench/export-bench.ts: one export of a workspace, timed from process start,
// printing {wallMs, exportMs, maxRssMb, bytes, entries} as JSON on stdout.
import { exportBundle } from '../main/engine/bundle/index.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const [wsDir, out] = process.argv.slice(2);
if (!wsDir || !out) throw new Error('usage: export-run WS OUT.zip');
const t0 = Date.now();
const ws = Workspace.open(wsDir);
try {
  const r = await exportBundle(ws, { out });
  // maxRSS covers the whole process lifetime: the peak, not the end state.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ exportMs: r.durationMs, wallMs: Date.now() - t0, maxRssMb, bytes: r.bytes, entries: r.entries })}\n`);
} finally {
  ws.close();
}
