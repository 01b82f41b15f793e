// npm run bench:ocr: OCR of the scanned documents of ../shared/corpus/real through the real scan
// pipeline (index, then the OCR phase in its worker pool). Reports seconds per scanned document
// for the header pass and for the whole document (CPU seconds of every thread ÷ documents =
// seconds per document per core; wall time × workers ÷ documents also shown), peak RSS of the process (main + index and OCR workers + tesseract), the
// header pass with and without the handwritten slots (number and day read from their crops), the
// two Vietnamese models side by side (header time and fields right), and the Tesseract CLI on the
// same header bands as a yardstick. Writes bench/ocr-results.json (ignored: bench/.work/).
//   BENCH_OCR_WORKERS (default: the engine's default), BENCH_OCR_MODELS=0 skips the model comparison
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OCR_SETTINGS } from '../main/engine/ocr/ocr-jobs.js';
import { defaultOcrWorkers, runOcrPhase } from '../main/engine/ocr/ocr-phase.js';
import type { OcrModel } from '../main/engine/ocr/tesseract-engine.js';
import { getPack } from '../main/engine/packs/library.js';
import { listDocuments } from '../main/engine/query/documents.js';
import { DocumentStore } from '../main/engine/scan/document-store.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const REAL = path.resolve(REPO, '../shared/corpus/real');
const WORK = path.join(REPO, 'bench', '.work', 'ocr');
const WORKERS = Number(process.env['BENCH_OCR_WORKERS'] ?? defaultOcrWorkers());

interface Truth {
  file: string;
  scanned?: boolean;
  pages?: number;
  number: string | null;
  type: string | null;
  date: string | null;
  place?: string | null;
}

const truth = (JSON.parse(fs.readFileSync(path.join(REAL, 'truth.json'), 'utf8')) as Truth[]).filter((t) => t.scanned === true);

async function freshWorkspace(name: string): Promise<Workspace> {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const evidence = path.join(dir, 'evidence');
  fs.mkdirSync(evidence, { recursive: true });
  for (const t of truth) fs.copyFileSync(path.join(REAL, t.file), path.join(evidence, t.file));
  const ws = Workspace.create(path.join(dir, 'ws'), { pack: await getPack('tra-vinh-so-y-te-2023'), year: 2023 });
  addRoot(ws, evidence);
  await scanWorkspace(ws, { ocr: false });
  return ws;
}

function fieldsRight(ws: Workspace): Record<string, number> {
  const docs = new Map(listDocuments(ws).map((d) => [d.relPath, d]));
  const out: Record<string, number> = { number: 0, type: 0, date: 0, place: 0 };
  for (const t of truth) {
    const d = docs.get(t.file);
    if (!d) continue;
    for (const f of ['number', 'type', 'date', 'place'] as const) if ((d[f] ?? null) === (t[f] ?? null)) out[f] = (out[f] ?? 0) + 1;
  }
  return out;
}

const perDocPerCore = (ms: number, docs: number): number => (ms / 1000) * WORKERS / docs;

async function fullRun(): Promise<Record<string, unknown>> {
  const ws = await freshWorkspace('full');
  const marks: Record<string, number> = {};
  const cpuMarks: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const cpuS = (): number => {
    const c = process.cpuUsage(cpu0);
    return (c.user + c.system) / 1e6;
  };
  const t0 = Date.now();
  const report = await runOcrPhase(new DocumentStore(ws.db), {
    enabled: true,
    workers: WORKERS,
    onProgress: (p) => {
      if (p.current !== p.total) return;
      marks[p.phase] = Date.now() - t0;
      cpuMarks[p.phase] = cpuS();
    },
  });
  const headerMs = marks['ocr-header'] ?? report.durationMs;
  const headerCpu = cpuMarks['ocr-header'] ?? cpuS();
  const wholeCpu = cpuS();
  const right = fieldsRight(ws);
  ws.close();
  return {
    documents: truth.length,
    pages: report.pages,
    workers: WORKERS,
    headerWallS: headerMs / 1000,
    wholeWallS: report.durationMs / 1000,
    headerSPerDocPerCore: perDocPerCore(headerMs, truth.length),
    wholeSPerDocPerCore: perDocPerCore(report.durationMs, truth.length),
    pageSPerCore: perDocPerCore(report.durationMs - headerMs, report.pages),
    // CPU seconds of the whole process (every thread): what a document costs a core, whatever
    // else the machine was doing.
    headerCpuSPerDoc: headerCpu / truth.length,
    wholeCpuSPerDoc: wholeCpu / truth.length,
    right,
  };
}

async function headerRun(model: OcrModel, handwriting = true): Promise<Record<string, unknown>> {
  const ws = await freshWorkspace(`model-${model}${handwriting ? '' : '-no-slots'}`);
  const cpu0 = process.cpuUsage();
  const report = await runOcrPhase(new DocumentStore(ws.db), { enabled: true, workers: WORKERS, maxPages: 0, settings: { model, handwriting } });
  const right = fieldsRight(ws);
  ws.close();
  const cpu = process.cpuUsage(cpu0);
  return { model, handwriting, headerSPerDocPerCore: perDocPerCore(report.durationMs, truth.length), cpuSPerDoc: (cpu.user + cpu.system) / 1e6 / truth.length, right };
}

/** Tesseract CLI (if installed) on the same header bands, rendered by pdftoppm: a yardstick only. */
function cliYardstick(): Record<string, unknown> | null {
  if (spawnSync('tesseract', ['--version']).status !== 0) return null;
  const dir = path.join(WORK, 'cli');
  fs.mkdirSync(dir, { recursive: true });
  const dpi = DEFAULT_OCR_SETTINGS.headerDpi;
  let ms = 0;
  for (const [i, t] of truth.entries()) {
    const base = path.join(dir, `h${i}`);
    const s = Date.now();
    // A4 height at this dpi × the header band.
    const h = Math.round((842 / 72) * dpi * DEFAULT_OCR_SETTINGS.headerFraction);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-gray', '-x', '0', '-y', '0', '-W', '4000', '-H', String(h), '-singlefile', '-png', path.join(REAL, t.file), base]);
    execFileSync('tesseract', [`${base}.png`, 'stdout', '-l', 'vie', '--psm', '3'], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    ms += Date.now() - s;
  }
  return { headerSPerDoc: ms / 1000 / truth.length, note: 'one process at a time, OMP_THREAD_LIMIT=1' };
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const load = os.loadavg()[0];
  const full = await fullRun();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // The handwritten slots' cost: the same header pass with and without them.
  const slots = [await headerRun('4.0.0', true), await headerRun('4.0.0', false)];
  const models = process.env['BENCH_OCR_MODELS'] === '0' ? [] : [slots[0] as Record<string, unknown>, await headerRun('4.0.0_best_int')];
  const cli = cliYardstick();
  const results = { machine: { cores: os.availableParallelism(), loadAvg1mAtStart: load, node: process.version }, full, peakRssMb, slots, models, cli };
  fs.writeFileSync(path.join(WORK, 'ocr-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const f = (n: unknown): string => (typeof n === 'number' ? n.toFixed(2) : String(n));
  const lines = [
    `OCR bench: ${truth.length} scanned documents of corpus/real, ${f(full['pages'])} pages, ${WORKERS} OCR worker(s), ${os.availableParallelism()} cores (load ${f(load)} at start)`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| header pass, wall | ${f(full['headerWallS'])} s | |`,
    `| header, wall s × workers per document | ${f(full['headerSPerDocPerCore'])} s | |`,
    `| header, CPU s per document (all threads) | **${f(full['headerCpuSPerDoc'])} s** | ≤ 3 s per core |`,
    `| whole document (header + every page), wall | ${f(full['wholeWallS'])} s | |`,
    `| whole document, wall s × workers per document | ${f(full['wholeSPerDocPerCore'])} s | |`,
    `| whole document, CPU s per document (all threads) | **${f(full['wholeCpuSPerDoc'])} s** | |`,
    `| body page, s per page per core | ${f(full['pageSPerCore'])} s | |`,
    `| peak RSS (main + index and OCR workers) | **${peakRssMb} MB** | |`,
    `| fields right (number/type/date/place of ${truth.length}) | ${JSON.stringify(full['right'])} | |`,
  ];
  for (const m of slots) {
    lines.push(`| header ${m['handwriting'] ? 'with' : 'without'} the handwritten slots: CPU s/doc, wall s × workers/doc, fields right | ${f(m['cpuSPerDoc'])} s, ${f(m['headerSPerDocPerCore'])} s, ${JSON.stringify(m['right'])} | |`);
  }
  for (const m of models) lines.push(`| model ${String(m['model'])}: header CPU s/doc, wall s × workers/doc, fields right | ${f(m['cpuSPerDoc'])} s, ${f(m['headerSPerDocPerCore'])} s, ${JSON.stringify(m['right'])} | |`);
  if (cli) lines.push(`| tesseract CLI 1 thread, same header bands (incl. pdftoppm) | ${f(cli['headerSPerDoc'])} s per document | yardstick |`);
  console.log(lines.join('\n'));
}

await main();
