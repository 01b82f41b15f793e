// npm run bench:scale: a workspace of 60,000 documents, laid out as 150 units' evidence folders
// (one root per unit, named as its office, documents in "TC <code>" criterion folders and one in
// ten unfiled), measured in process: status, a two-word search, the documents of one criterion,
// the whole documents list, an unchanged rescan of the 60,000 real files, database size and
// peak RSS (measures in a child process of their own: scale-run.ts).
//
// The files are real PDFs on disk: BENCH_SCALE_BASE generated documents (pdf-lib, one page),
// each copied into many units with a line of its own after %%EOF (so every file has its own
// bytes and sha256). Indexing 60,000 files would take this 2-core machine about half an hour, so
// only the base documents are indexed for real (scanWorkspace); the 60,000 documents' rows are
// written through the engine's own writer (writer.saveFile, the call the indexer makes) with
// the base document's analysed content, the variant's own size, mtime and sha256, and the
// header recognised from it (headerOf); each file's number is made its own in that text (but
// for one in twenty, kept as a province-wide document every unit files). Classification then
// runs for real over all of them.
// The unchanged rescan walks and stats the real files.
//   BENCH_SCALE_UNITS (150), BENCH_SCALE_PER_UNIT (400), BENCH_SCALE_BASE (400), BENCH_RUNS (5),
//   BENCH_SCALE_REBUILD=1 (write the workspace again; it is kept between runs)
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { leafCriteria } from '../shared/pack.js';
import { classifyPending } from '../main/engine/classify/state.js';
import type { ContentRow } from '../main/engine/db/stores/contents.js';
import { getPack } from '../main/engine/packs/library.js';
import { headerOf } from '../main/engine/recognize/header-of.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { walkRoot } from '../main/engine/scan/walk.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';
import { REPO, withSpread, writeSection } from './results.js';

const UNITS = Number(process.env['BENCH_SCALE_UNITS'] ?? 150);
const PER_UNIT = Number(process.env['BENCH_SCALE_PER_UNIT'] ?? 400);
const BASE = Number(process.env['BENCH_SCALE_BASE'] ?? 400);
const DOCS = UNITS * PER_UNIT;
export const PACK_ID = 'binh-dinh-so-y-te-2023';
const WORK = path.join(REPO, 'bench', '.work', `scale-v1-${UNITS}x${PER_UNIT}-${BASE}`);
/** Bump when the workspace the bench writes changes (a kept one is written again). */
const WS_VERSION = 2;
const JS = path.join(REPO, 'dist', 'bench');

function runChild(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(JS, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** The base documents, generated once (bench/generate-cli.ts in one process per core). */
async function baseCorpus(): Promise<string> {
  const dir = path.join(WORK, 'base');
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const lanes = Math.max(1, os.availableParallelism());
  const per = Math.ceil(BASE / lanes);
  console.log(`Generating ${BASE} base documents in ${dir} (once)…`);
  await Promise.all(Array.from({ length: lanes }, (_, i) => runChild('generate-cli.js', [dir, String(i * per), String(Math.min(BASE, (i + 1) * per)), '1'])));
  fs.writeFileSync(done, '');
  return dir;
}

const unitName = (u: number): string => `Đơn vị ${String(u + 1).padStart(3, '0')}`;

/** 150 units' folders of real files: each a base document with a line of its own after %%EOF. */
function unitTree(baseFiles: readonly string[], codes: readonly string[]): string {
  const dir = path.join(WORK, 'units');
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Writing ${DOCS} files in ${UNITS} unit folders in ${dir} (once)…`);
  const bases = baseFiles.map((f) => fs.readFileSync(f));
  for (let u = 0; u < UNITS; u++) {
    for (let i = 0; i < PER_UNIT; i++) {
      const n = u * PER_UNIT + i;
      const folder = i % 10 === 9 ? 'Chưa phân loại' : `TC ${codes[(u * 7 + i) % codes.length] as string}`;
      const target = path.join(dir, unitName(u), folder);
      fs.mkdirSync(target, { recursive: true });
      const base = bases[(n * 7919) % bases.length] as Buffer;
      fs.writeFileSync(path.join(target, `VB ${String(i + 1).padStart(4, '0')}.pdf`), Buffer.concat([base, Buffer.from(`\n% ${unitName(u)} ${n}\n`)]));
    }
  }
  fs.writeFileSync(done, '');
  return dir;
}

/** The base documents analysed for real, in a scratch workspace: content rows by base bytes' size + prefix. */
async function analysedBases(baseDir: string): Promise<Map<string, ContentRow>> {
  const scratch = path.join(WORK, 'base-ws');
  fs.rmSync(scratch, { recursive: true, force: true });
  const ws = Workspace.create(scratch, { pack: await getPack(PACK_ID), year: 2023 });
  addRoot(ws, baseDir);
  const report = await scanWorkspace(ws, { ocr: false });
  const out = new Map<string, ContentRow>();
  for (const d of ws.reader.documents.duplicateKeys()) {
    const c = ws.reader.contents.get(d.sha256);
    if (c) out.set(d.sha256, c);
  }
  ws.close();
  console.log(`Indexed ${report.indexed} base documents for real in ${(report.durationMs / 1000).toFixed(1)} s.`);
  return out;
}

const sha256Of = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function buildWorkspace(wsDir: string): Promise<{ buildS: number; classifyS: number; linked: number }> {
  const pack = await getPack(PACK_ID);
  const codes = leafCriteria(pack).map((c) => c.code);
  const baseDir = await baseCorpus();
  const baseFiles: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.pdf')) baseFiles.push(path.join(d, e.name));
    }
  };
  walk(baseDir);
  const units = unitTree(baseFiles, codes);
  const contents = await analysedBases(baseDir);
  /** A variant's bytes start with its base's: the base is found by the hash of that prefix. */
  const baseBySize = new Map<number, { bytes: Buffer; sha256: string }[]>();
  for (const f of baseFiles) {
    const bytes = fs.readFileSync(f);
    const list = baseBySize.get(bytes.length) ?? [];
    list.push({ bytes, sha256: sha256Of(bytes) });
    baseBySize.set(bytes.length, list);
  }
  const sizes = [...baseBySize.keys()];

  fs.rmSync(wsDir, { recursive: true, force: true });
  const t0 = performance.now();
  const ws = Workspace.create(wsDir, { pack, year: 2023 });
  ws.setSetting('ocr', false);
  let n = 0;
  for (let u = 0; u < UNITS; u++) {
    const rootDir = path.join(units, unitName(u));
    const root = addRoot(ws, rootDir, { office: unitName(u) });
    const { files } = await walkRoot(rootDir);
    ws.writer.transaction(() => {
      for (const file of files) {
        const bytes = fs.readFileSync(path.join(rootDir, ...file.relPath.split('/')));
        // The base is the one whose bytes begin this file (the suffix is a short comment line).
        const base = sizes
          .filter((s) => s < bytes.length && bytes.length - s < 64)
          .flatMap((s) => baseBySize.get(s) ?? [])
          .find((b) => bytes.subarray(0, b.bytes.length).equals(b.bytes));
        const content = base ? contents.get(base.sha256) : undefined;
        if (!content) throw new Error(`no base document for ${file.relPath}`);
        // A unit's own documents carry their own number; one in twenty is a province-wide
        // document every unit files (the same number and date: a duplicate group across units).
        n++;
        const number = (t: string): string => (n % 20 === 0 ? t : t.replace(/Số:\s*\d+\//u, `Số: ${n}/`));
        const row: ContentRow = { ...content, sha256: sha256Of(bytes), size: bytes.length, header_text: number(content.header_text), full_text: number(content.full_text) };
        ws.writer.saveFile({ rootId: root.id, relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs, sha256: row.sha256 }, headerOf(row, file.relPath), row, true);
      }
    });
  }
  const buildS = (performance.now() - t0) / 1000;
  const c0 = performance.now();
  const classified = classifyPending(ws);
  const classifyS = (performance.now() - c0) / 1000;
  ws.close();
  return { buildS, classifyS, linked: classified.linked };
}

/** The workspace is built once and kept (measuring reads it, and an unchanged rescan changes nothing); BENCH_SCALE_REBUILD=1 builds it again. */
async function workspace(wsDir: string): Promise<{ buildS: number; classifyS: number; linked: number }> {
  const marker = path.join(WORK, `ws-built-v${WS_VERSION}.json`);
  if (fs.existsSync(marker) && fs.existsSync(wsDir) && process.env['BENCH_SCALE_REBUILD'] !== '1') return JSON.parse(fs.readFileSync(marker, 'utf8')) as Awaited<ReturnType<typeof buildWorkspace>>;
  fs.rmSync(marker, { force: true });
  const built = await buildWorkspace(wsDir);
  fs.writeFileSync(marker, JSON.stringify(built));
  return built;
}

async function main(): Promise<void> {
  const wsDir = path.join(WORK, 'ws');
  const load = os.loadavg();
  const built = await workspace(wsDir);
  console.log(`Workspace of ${DOCS} documents written in ${built.buildS.toFixed(1)} s; classified in ${built.classifyS.toFixed(1)} s (${built.linked} linked).`);
  const m = JSON.parse(await runChild('scale-run.js', [wsDir])) as {
    documents: number;
    rowsMs: number[];
    findMs: number[];
    statusMs: number[];
    statusKeptMs: number[];
    criterionKeptMs: number[];
    searchMs: number[];
    searchHits: number;
    criterionMs: number[];
    criterion: string;
    criterionDocs: number;
    allDocumentsMs: number[];
    rescanS: number[];
    rescanUnchanged: number;
    rescanClassification: string;
    dbMb: number;
    peakRssMb: number;
    query: string;
  };
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const verdict = (x: number, limit: number): string => (x <= limit ? '' : ' (not met)');
  const rowsMs = med(m.rowsMs);
  const vsRows = (xs: number[]): string => `, ${(med(xs) / rowsMs).toFixed(1)}× reading every document's keys`;
  const rows = [
    { measure: `\`status\` of ${m.documents.toLocaleString('en')} documents in ${UNITS} units' folders, in process, first call after a write`, value: `**${withSpread(m.statusMs, 0, 'ms')}**${verdict(med(m.statusMs), 300)}${vsRows(m.statusMs)}`, target: '≤ 300 ms' },
    { measure: '`status` again until the next write (kept: query/kept.ts)', value: `**${withSpread(m.statusKeptMs, 1, 'ms')}**${verdict(med(m.statusKeptMs), 300)}`, target: '≤ 300 ms' },
    { measure: `\`search\` for a two-word query ("${m.query}", ${m.searchHits} hits shown)`, value: `**${withSpread(m.searchMs, 1, 'ms')}**${verdict(med(m.searchMs), 200)}${vsRows(m.searchMs)}`, target: '≤ 200 ms' },
    { measure: `documents of one criterion (${m.criterion}: ${m.criterionDocs} documents), first call after a write`, value: `**${withSpread(m.criterionMs, 0, 'ms')}**${verdict(med(m.criterionMs), 100)}${vsRows(m.criterionMs)}`, target: '≤ 100 ms' },
    { measure: "the same criterion's documents again until the next write (kept)", value: `**${withSpread(m.criterionKeptMs, 1, 'ms')}**${verdict(med(m.criterionKeptMs), 100)}`, target: '≤ 100 ms' },
    { measure: 'the whole documents list (every document as JSON)', value: `${withSpread(m.allDocumentsMs, 0, 'ms')}${vsRows(m.allDocumentsMs)}`, target: '' },
    { measure: "anchor: the engine reading every document's keys (60,000 rows, 4 columns), in the same run", value: withSpread(m.rowsMs, 0, 'ms'), target: '' },
    { measure: `unchanged rescan of the ${m.documents.toLocaleString('en')} real files (classification ${m.rescanClassification})`, value: `**${withSpread(m.rescanS, 2, 's')}**${verdict(med(m.rescanS), 5)}, ${((med(m.rescanS) * 1000) / med(m.findMs)).toFixed(1)}× \`find -printf\` stating the same files (${withSpread(m.findMs.map((x) => x / 1000), 2, 's')})`, target: '≤ 5 s' },
    { measure: 'database size; peak RSS of the measuring process (open, queries, rescans)', value: `${m.dbMb.toFixed(0)} MB; ${m.peakRssMb.toFixed(0)} MB`, target: '' },
  ];
  writeSection('scale', {
    command: '`npm run bench:scale`',
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, load: load.map((l) => Math.round(l * 100) / 100) },
    rows,
    figures: { units: UNITS, perUnit: PER_UNIT, baseDocuments: BASE, ...built, ...m },
  });
  console.log(
    [
      `Scale bench: ${DOCS} documents (${UNITS} units × ${PER_UNIT}; rows written through the engine's writer from ${BASE} documents indexed for real), load ${load.map((l) => l.toFixed(1)).join(' ')} at start`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} |`),
    ].join('\n'),
  );
}

await main();
