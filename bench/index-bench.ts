// npm run bench: indexing throughput and memory against `pdftotext -l 2` over the same files in
// the same run, and the unchanged rescan of 10,000 files against `find -printf` listing and
// stating the same tree (and against a rescan that re-links everything, as every rescan did
// before classification learnt to skip). Prints a table, writes its section of bench/results.json.
//   BENCH_DOCS (default 2000), BENCH_PAGES (3), BENCH_RUNS (3), BENCH_RESCAN_FILES (10000),
//   BENCH_ONLY=rescan (only the rescan; the indexing figures already in results.json are kept)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, readResults, withSpread, writeSection, type TableRow } from './results.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const WORK = path.join(REPO, 'bench', '.work');
const DOCS = Number(process.env['BENCH_DOCS'] ?? 2000);
const PAGES = Number(process.env['BENCH_PAGES'] ?? 3);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const RESCAN_FILES = Number(process.env['BENCH_RESCAN_FILES'] ?? 10_000);
const JS = path.join(REPO, 'dist', 'bench');
const ONLY_RESCAN = process.env['BENCH_ONLY'] === 'rescan';

interface RunFigures {
  wallMs: number;
  scanMs: number;
  files: number;
  indexed: number;
  unchanged: number;
  errors: number;
  maxRssMb: number;
  relinked: number | null;
  numbers: number;
  dates: number;
}

function runChild(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(JS, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function corpus(): Promise<string> {
  // Bump the suffix whenever generate-pdfs.ts changes what it draws, so stale corpora are rebuilt.
  const dir = path.join(WORK, `corpus-v2-${DOCS}x${PAGES}`);
  const manifest = path.join(dir, 'generated.json');
  if (fs.existsSync(manifest)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const lanes = Math.max(1, os.availableParallelism());
  const per = Math.ceil(DOCS / lanes);
  console.log(`Generating ${DOCS} documents of ${PAGES} pages in ${dir} (${lanes} processes, once)…`);
  const parts = await Promise.all(
    Array.from({ length: lanes }, (_, i) => runChild('generate-cli.js', [dir, String(i * per), String(Math.min(DOCS, (i + 1) * per)), String(PAGES)])),
  );
  fs.writeFileSync(manifest, JSON.stringify(parts.flatMap((p) => JSON.parse(p) as unknown[])));
  return dir;
}

function pdfFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f)).sort();
}

/** The native baseline: one `pdftotext -l 2` process per file, sequentially, as a shell loop would. */
function pdftotextLoop(files: string[]): number {
  const listFile = path.join(WORK, 'files.lst');
  fs.writeFileSync(listFile, files.join('\0'));
  const started = performance.now();
  const r = spawnSync('bash', ['-c', `xargs -0 -I{} pdftotext -q -l 2 {} - < "${listFile}" > /dev/null`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('pdftotext loop failed (is poppler-utils installed?)');
  return performance.now() - started;
}

async function indexOnce(root: string): Promise<RunFigures> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kiemchung-bench-ws-'));
  const started = performance.now();
  const out = JSON.parse(await runChild('index-run.js', [path.join(ws, 'ws'), root])) as RunFigures;
  out.wallMs = performance.now() - started; // whole process: start-up, database, scan, exit
  fs.rmSync(ws, { recursive: true, force: true });
  return out;
}

/** ROOT with RESCAN_FILES files: hard links to the generated PDFs (same bytes, no extra disk). */
function rescanTree(src: string[]): string {
  const dir = path.join(WORK, `rescan-${RESCAN_FILES}`);
  if (fs.existsSync(dir) && pdfFiles(dir).length === RESCAN_FILES) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < RESCAN_FILES; i++) {
    const target = path.join(dir, String(Math.floor(i / 500)), `f${i}.pdf`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.linkSync(src[i % src.length] as string, target);
  }
  return dir;
}

/** The native anchor of a rescan: list and stat every file of the tree (`find -printf`). */
function findStat(dir: string): number {
  const started = performance.now();
  const r = spawnSync('find', [dir, '-type', 'f', '-printf', '%s %T@ %p\n'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('find failed');
  return performance.now() - started;
}

async function indexFigures(dir: string, files: string[]): Promise<{ rows: TableRow[]; figures: Record<string, unknown> }> {
  pdftotextLoop(files); // warm the page cache for both contenders
  const baseline: number[] = [];
  const ours: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(pdftotextLoop(files));
    ours.push(await indexOnce(dir));
    console.log(`  run ${i + 1}: pdftotext ${(baseline[i]! / 1000).toFixed(1)} s, kiemchung ${(ours[i]!.wallMs / 1000).toFixed(1)} s, peak RSS ${ours[i]!.maxRssMb.toFixed(0)} MB`);
  }
  const ourWall = median(ours.map((o) => o.wallMs));
  const baseWall = median(baseline);
  const ratios = ours.map((o, i) => o.wallMs / (baseline[i] as number));
  const last = ours[ours.length - 1] as RunFigures;
  const index = {
    docs: files.length,
    pages: PAGES,
    kiemchungWallS: ourWall / 1000,
    pdftotextWallS: baseWall / 1000,
    ratio: ourWall / baseWall,
    docsPerS: files.length / (ourWall / 1000),
    peakRssMb: median(ours.map((o) => o.maxRssMb)),
    errors: last.errors,
    numbersRecognised: last.numbers,
    datesRecognised: last.dates,
  };
  const row: TableRow = {
    measure: `indexing ${files.length.toLocaleString('en')} docs × ${PAGES} pages vs a \`pdftotext -l 2\` loop`,
    value: `${withSpread(ratios, 2, '×')} (${index.docsPerS.toFixed(0)} docs/s), peak RSS ${index.peakRssMb.toFixed(0)} MB`,
    target: '≤ 1.5×, ≤ 400 MB',
  };
  return { rows: [row], figures: { index } };
}

async function rescanFigures(files: string[]): Promise<{ rows: TableRow[]; figures: Record<string, unknown> }> {
  const rescanRoot = rescanTree(files);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kiemchung-bench-rescan-'));
  const wsDir = path.join(ws, 'ws');
  console.log(`Rescan: first scan of ${RESCAN_FILES} files (copies by hard link)…`);
  await runChild('index-run.js', [wsDir, rescanRoot]);
  const rescans: RunFigures[] = [];
  const full: RunFigures[] = [];
  const native: number[] = [];
  findStat(rescanRoot); // warm the inode cache for both
  for (let i = 0; i < RUNS; i++) {
    native.push(findStat(rescanRoot));
    rescans.push(JSON.parse(await runChild('index-run.js', [wsDir, rescanRoot, 'rescan'])) as RunFigures);
    full.push(JSON.parse(await runChild('index-run.js', [wsDir, rescanRoot, 'rescan-full'])) as RunFigures);
    const r = rescans[i] as RunFigures;
    const f = full[i] as RunFigures;
    console.log(`  run ${i + 1}: find ${(native[i]! / 1000).toFixed(2)} s, rescan ${(r.scanMs / 1000).toFixed(2)} s / ${r.maxRssMb.toFixed(0)} MB (re-linked ${r.relinked}), re-linking all ${(f.scanMs / 1000).toFixed(2)} s / ${f.maxRssMb.toFixed(0)} MB`);
  }
  fs.rmSync(ws, { recursive: true, force: true });
  const scanS = rescans.map((r) => r.scanMs / 1000);
  const rescan = {
    files: RESCAN_FILES,
    unchanged: rescans[0]?.unchanged ?? 0,
    relinked: rescans[0]?.relinked ?? null,
    scanS: median(scanS),
    scanRunsS: scanS,
    processS: median(rescans.map((r) => r.wallMs)) / 1000,
    peakRssMb: median(rescans.map((r) => r.maxRssMb)),
    peakRssRunsMb: rescans.map((r) => r.maxRssMb),
    findS: median(native) / 1000,
    ratioToFind: median(rescans.map((r, i) => r.scanMs / (native[i] as number))),
    relinkAllScanS: median(full.map((r) => r.scanMs)) / 1000,
    relinkAllPeakRssMb: median(full.map((r) => r.maxRssMb)),
  };
  const n = RESCAN_FILES.toLocaleString('en');
  const rows: TableRow[] = [
    {
      measure: `unchanged rescan of ${n} files (classification skipped) vs \`find -printf\` stating them`,
      value: `${withSpread(scanS, 2, 's')}, ${rescan.ratioToFind.toFixed(1)}× find (${rescan.findS.toFixed(2)} s), peak RSS ${withSpread(rescan.peakRssRunsMb, 0, 'MB')}`,
      target: '≤ 1 s, ≤ 200 MB',
    },
    {
      measure: `the same rescan re-linking all ${n} documents (every rescan before)`,
      value: `${withSpread(full.map((r) => r.scanMs / 1000), 2, 's')}, peak RSS ${rescan.relinkAllPeakRssMb.toFixed(0)} MB`,
      target: '',
    },
  ];
  return { rows, figures: { rescan } };
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  const dir = await corpus();
  const files = pdfFiles(dir);
  console.log(`Corpus: ${files.length} PDFs × ${PAGES} pages; ${os.availableParallelism()} cores; ${RUNS} runs each, medians reported.`);
  const before = readResults()['index'];
  const indexed = ONLY_RESCAN && before ? { rows: before.rows.slice(0, 1), figures: { index: before.figures['index'] } } : await indexFigures(dir, files);
  const rescanned = await rescanFigures(files);
  const rows = [...indexed.rows, ...rescanned.rows];
  writeSection('index', {
    command: '`npm run bench`',
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, load: os.loadavg() },
    rows,
    figures: { ...indexed.figures, ...rescanned.figures },
  });
  console.log(['', '| measure | value | target |', '|---|---|---|', ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} |`)].join('\n'));
  console.log('\nWritten to bench/results.json; npm run bench:readme puts it in the README.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
