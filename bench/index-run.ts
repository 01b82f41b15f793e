// Child process entry for the bench: index ROOT into a fresh workspace WS (no OCR) and print
// figures as JSON. Run as its own process so its peak RSS is its own.
import { getPack } from '../main/engine/packs/library.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const [wsDir, root, mode] = process.argv.slice(2);
if (!wsDir || !root) {
  console.error('usage: index-run WS ROOT [rescan|rescan-full]');
  process.exit(2);
}
const started = performance.now();
let ws: Workspace;
if (mode === 'rescan' || mode === 'rescan-full') {
  ws = Workspace.open(wsDir);
  // What every rescan did before classification learnt to skip: re-link every document.
  if (mode === 'rescan-full') ws.writer.classifyState.markAllDirty();
} else {
  ws = Workspace.create(wsDir, { pack: await getPack('tra-vinh-so-y-te-2023'), year: 2023 });
  addRoot(ws, root);
}
const report = await scanWorkspace(ws);
const docs = ws.reader.documents.duplicateKeys();
ws.close();
process.stdout.write(
  JSON.stringify({
    wallMs: performance.now() - started,
    scanMs: report.durationMs,
    files: report.files,
    indexed: report.indexed,
    unchanged: report.unchanged,
    relinked: report.classification && 'relinked' in report.classification ? report.classification.relinked : null,
    errors: report.errors.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    numbers: docs.filter((d) => d.number !== null).length,
    dates: docs.filter((d) => d.date !== null).length,
  }),
);
