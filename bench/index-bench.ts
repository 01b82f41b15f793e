// npm run bench: indexing throughput and memory against `pdftotext -l 2` over the same files in
// the same run, and the unchanged rescan of 10,000 files. Prints a table, writes bench/results.json.
//   BENCH_DOCS (default 2000), BENCH_PAGES (3), BENCH_RUNS (3), BENCH_RESCAN_FILES (10000)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const WORK = path.join(REPO, 'bench', '.work');
const DOCS = Number(process.env['BENCH_DOCS'] ?? 2000);
const PAGES = Number(process.env['BENCH_PAGES'] ?? 3);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const RESCAN_FILES = Number(process.env['BENCH_RESCAN_FILES'] ?? 10_000);
const JS = path.join(REPO, 'dist', 'bench');

interface RunFigures {
  wallMs: number;
  scanMs: number;
  files: number;
  indexed: number;
  unchanged: number;
  errors: number;
  maxRssMb: number;
  numbers: number;
  dates: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

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

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  const dir = await corpus();
  const files = pdfFiles(dir);
  console.log(`Corpus: ${files.length} PDFs × ${PAGES} pages; ${os.availableParallelism()} cores; ${RUNS} runs each, medians reported.`);

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
  const last = ours[ours.length - 1] as RunFigures;

  const rescanRoot = rescanTree(files);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kiemchung-bench-rescan-'));
  const wsDir = path.join(ws, 'ws');
  console.log(`Rescan: first scan of ${RESCAN_FILES} files (copies by hard link)…`);
  await runChild('index-run.js', [wsDir, rescanRoot]);
  const rescans: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) rescans.push(JSON.parse(await runChild('index-run.js', [wsDir, rescanRoot, 'rescan'])) as RunFigures);
  fs.rmSync(ws, { recursive: true, force: true });

  const results = {
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version },
    index: {
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
    },
    rescan: {
      files: RESCAN_FILES,
      unchanged: rescans[0]?.unchanged ?? 0,
      scanS: median(rescans.map((r) => r.scanMs)) / 1000,
      processS: median(rescans.map((r) => r.wallMs)) / 1000,
      peakRssMb: median(rescans.map((r) => r.maxRssMb)),
    },
  };
  fs.writeFileSync(path.join(REPO, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const i = results.index;
  const r = results.rescan;
  console.log(`
| measure | value | target |
|---|---|---|
| indexing ${i.docs} docs × ${i.pages} pages, wall | ${i.kiemchungWallS.toFixed(1)} s | |
| \`pdftotext -l 2\` loop, same files, wall | ${i.pdftotextWallS.toFixed(1)} s | |
| ratio kiemchung / pdftotext | ${i.ratio.toFixed(2)}× | ≤ 1.5× |
| throughput | ${i.docsPerS.toFixed(0)} docs/s | |
| peak RSS while indexing | ${i.peakRssMb.toFixed(0)} MB | ≤ 400 MB |
| numbers / dates recognised | ${i.numbersRecognised} / ${i.datesRecognised} of ${i.docs} | |
| unchanged rescan of ${r.files} files (scan) | ${r.scanS.toFixed(2)} s | ≤ 2 s |
| same, whole CLI-like process | ${r.processS.toFixed(2)} s | |
| peak RSS of the rescan | ${r.peakRssMb.toFixed(0)} MB | |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
