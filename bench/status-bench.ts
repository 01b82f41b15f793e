// npm run bench:status: completeness (`status --json`) on a workspace of 2,000 documents filed
// under the built-in pack's criteria, in process and through the CLI (with Node's own start-up
// measured in the same run as the baseline). Target: ≤ 300 ms.
//   BENCH_STATUS_DOCS (default 2000), BENCH_RUNS (default 15)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leafCriteria } from '../shared/pack.js';
import { computeStatus } from '../main/engine/completeness/status.js';
import { getPack } from '../main/engine/packs/library.js';
import { generateDocument } from '../main/engine/sample/generate-pdfs.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const WORK = path.join(REPO, 'bench', '.work');
const DOCS = Number(process.env['BENCH_STATUS_DOCS'] ?? 2000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const PACK_ID = 'binh-dinh-so-y-te-2023';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** One-page documents filed in "TC <code>" folders round-robin; every tenth one left unfiled. */
async function evidence(codes: string[]): Promise<string> {
  const dir = path.join(WORK, `status-v1-${DOCS}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Generating ${DOCS} one-page documents in ${dir} (once)…`);
  for (let i = 0; i < DOCS; i++) {
    const { bytes } = await generateDocument(i + 1, 1);
    const folder = i % 10 === 9 ? 'Chưa phân loại' : `TC ${codes[i % codes.length] as string}`;
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, `TLKC ${String(i).padStart(5, '0')}.pdf`), bytes);
  }
  fs.writeFileSync(done, '');
  return dir;
}

function timeProcess(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const pack = await getPack(PACK_ID);
  const dir = await evidence(leafCriteria(pack).map((c) => c.code));
  const wsDir = path.join(WORK, `status-ws-${DOCS}`);
  fs.rmSync(wsDir, { recursive: true, force: true });
  const ws = Workspace.create(wsDir, { pack, year: 2023 });
  ws.setSetting('ocr', false);
  addRoot(ws, dir);
  const scan = await scanWorkspace(ws);
  console.log(`Scanned ${scan.files} files in ${(scan.durationMs / 1000).toFixed(1)} s; ${scan.classification?.linked ?? 0} linked.`);

  const inProcess: number[] = [];
  let documents = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    documents = computeStatus(ws).summary.documents;
    inProcess.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ws.close();

  const bin = path.join(REPO, 'bin', 'kiemchung.js');
  const cli: number[] = [];
  const nodeStart: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    nodeStart.push(timeProcess(['-e', '']));
    cli.push(timeProcess([bin, 'status', wsDir, '--json']));
  }
  const figures = {
    documents,
    statusInProcessMs: Math.round(median(inProcess) * 10) / 10,
    statusCliMs: Math.round(median(cli)),
    nodeStartMs: Math.round(median(nodeStart)),
    targetMs: 300,
  };
  console.table(figures);
  fs.writeFileSync(path.join(WORK, 'status-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
