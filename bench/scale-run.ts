// Child process entry for bench:scale: open the workspace WS and measure status, a two-word
// search, the documents of one criterion, the whole documents list and unchanged rescans; print
// the figures as JSON. Its own process, so its peak RSS is what these cost.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { computeStatus } from '../main/engine/completeness/status.js';
import { listDocuments } from '../main/engine/query/documents.js';
import { forgetKept } from '../main/engine/query/kept.js';
import { search } from '../main/engine/search/search.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const [wsDir] = process.argv.slice(2);
if (!wsDir) {
  console.error('usage: scale-run WS');
  process.exit(2);
}
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const QUERY = 'thủ tục';

function timed<T>(f: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

const ws = Workspace.open(wsDir);
// Anchors measured in the same run (the machine is shared: its speed changes by the minute):
// the engine reading every document's keys (one row each, four columns), and `find` stating
// every file of the 150 roots.
const rowsMs: number[] = [];
const findMs: number[] = [];
const roots = ws.reader.roots.list().map((r) => r.path);
const anchors = (): void => {
  rowsMs.push(timed(() => ws.reader.documents.duplicateKeys().length).ms);
  const t = process.hrtime.bigint();
  const r = spawnSync('find', [...roots, '-type', 'f', '-printf', '%s %T@\n'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`find failed: ${r.stderr}`);
  findMs.push(Number(process.hrtime.bigint() - t) / 1e6);
};
anchors();
const statusMs: number[] = [];
let documents = 0;
let criterion = '';
// The first call after a write computes (what is kept is dropped first: a write does the same);
// the calls until the next write get the kept value (query/kept.ts).
const statusKeptMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  forgetKept(ws);
  const r = timed(() => computeStatus(ws));
  statusMs.push(r.ms);
  statusKeptMs.push(timed(() => computeStatus(ws)).ms);
  documents = r.value.summary.documents;
  // The leaf criterion holding the most documents.
  criterion = [...r.value.criteria].filter((c) => c.slots.length > 0).sort((a, b) => b.documents.length - a.documents.length)[0]?.code ?? '';
}
const searchMs: number[] = [];
let searchHits = 0;
for (let i = 0; i < RUNS; i++) {
  const r = timed(() => search(ws, QUERY));
  searchMs.push(r.ms);
  searchHits = r.value.length;
}
const criterionMs: number[] = [];
let criterionDocs = 0;
const criterionKeptMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  forgetKept(ws);
  const r = timed(() => listDocuments(ws, { criterion }));
  criterionMs.push(r.ms);
  criterionKeptMs.push(timed(() => listDocuments(ws, { criterion })).ms);
  criterionDocs = r.value.length;
}
const allDocumentsMs: number[] = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) allDocumentsMs.push(timed(() => listDocuments(ws).length).ms);
const rescanS: number[] = [];
let rescanUnchanged = 0;
let rescanClassification = '';
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const t = performance.now();
  const report = await scanWorkspace(ws, { ocr: false });
  rescanS.push((performance.now() - t) / 1000);
  rescanUnchanged = report.unchanged;
  const c = report.classification;
  rescanClassification = c && 'mode' in c ? String(c.mode) : 'done';
  anchors();
}
ws.close();
const dbMb = fs
  .readdirSync(wsDir)
  .filter((f) => /\.(db|sqlite)(-wal)?$/.test(f) || f.endsWith('.db-wal'))
  .reduce((n, f) => n + fs.statSync(path.join(wsDir, f)).size, 0) / 1024 / 1024;
process.stdout.write(
  JSON.stringify({
    documents,
    rowsMs,
    findMs,
    statusMs,
    statusKeptMs,
    searchMs,
    searchHits,
    query: QUERY,
    criterionMs,
    criterionKeptMs,
    criterion,
    criterionDocs,
    allDocumentsMs,
    rescanS,
    rescanUnchanged,
    rescanClassification,
    dbMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
