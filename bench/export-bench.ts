// npm run bench:export: exporting a bundle of 2,000 files / ~1 GB against `zip -0 -r` of the same
// files in the same run (medians), the CPU time of both (user + system, all threads, from
// /usr/bin/time: a load-independent second figure on a shared machine), and the export's peak RSS.
// Prints a table and writes bench/.work/export-results.json.
//   BENCH_EXPORT_FILES (default 2000), BENCH_EXPORT_KB (per file, default 500), BENCH_RUNS (3)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { getPack } from '../main/engine/packs/library.js';
import { listDocuments } from '../main/engine/query/documents.js';
import { assignDocument } from '../main/engine/review/review.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const FILES = Number(process.env['BENCH_EXPORT_FILES'] ?? 2000);
const KB = Number(process.env['BENCH_EXPORT_KB'] ?? 500);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const WORK = path.join(REPO, 'bench', '.work', `export-${FILES}x${KB}k`);
const EVIDENCE = path.join(WORK, 'evidence');
const WS = path.join(WORK, 'ws');
const OUT = path.join(WORK, 'out');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** A one-page PDF carrying ~KB of incompressible data (like a scan's image), built once. */
async function makePdf(i: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(`TLKC ${i}`, { x: 60, y: 780, size: 14, font });
  const blob = doc.context.register(doc.context.stream(randomBytes(KB * 1024), {}));
  doc.catalog.set(PDFName.of('BenchPayload'), blob);
  return doc.save();
}

async function prepare(): Promise<void> {
  const done = path.join(WORK, 'ready');
  if (fs.existsSync(done)) return;
  fs.rmSync(WORK, { recursive: true, force: true });
  console.log(`Generating ${FILES} PDFs of ~${KB} KB in ${EVIDENCE} (once)…`);
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(EVIDENCE, `Phòng ${String(Math.floor(i / 200)).padStart(2, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `Tài liệu ${String(i).padStart(5, '0')}.pdf`), await makePdf(i));
  }
  console.log('Indexing and linking them to the criteria (once)…');
  const ws = Workspace.create(WS, { pack: await getPack('tra-vinh-so-y-te-2023'), year: 2023, unit: 'Sở Y tế tỉnh Trà Vinh' });
  try {
    addRoot(ws, EVIDENCE);
    await scanWorkspace(ws, { ocr: false });
    const leaves = ws.pack().criteria.filter((c) => !ws.pack().criteria.some((k) => k.parent === c.code)).map((c) => c.code);
    listDocuments(ws).forEach((d, i) => {
      if (!d.criteria.length) assignDocument(ws, d.id, leaves[i % leaves.length] as string);
    });
  } finally {
    ws.close();
  }
  fs.writeFileSync(done, '');
}

function timed(cmd: string, args: string[], cwd: string): Promise<{ ms: number; cpuMs: number; stdout: string }> {
  const timeFile = path.join(OUT, 'time.txt');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, cmd, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const [user, sys] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
      if (code === 0) resolve({ ms, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, stdout });
      else reject(new Error(`${cmd} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  await prepare();
  const bytes = Number(execFileSync('du', ['-sb', EVIDENCE], { encoding: 'utf8' }).split('\t')[0]);
  fs.mkdirSync(OUT, { recursive: true });
  const zipMs: number[] = [];
  const zipCpuMs: number[] = [];
  const ours: { wallMs: number; cpuMs: number; exportMs: number; maxRssMb: number; bytes: number; entries: number }[] = [];
  // Warm the page cache once so neither side pays for the first cold read.
  execFileSync('sh', ['-c', `find "${EVIDENCE}" -type f -exec cat {} + > /dev/null`]);
  for (let r = 0; r < RUNS; r++) {
    const zipOut = path.join(OUT, 'zip.zip');
    const ourOut = path.join(OUT, 'kiemchung.zip');
    fs.rmSync(zipOut, { force: true });
    fs.rmSync(ourOut, { force: true });
    // Alternate the order so neither tool always runs on a warmer or busier machine.
    const runZip = async (): Promise<void> => {
      const t = await timed('zip', ['-0', '-r', '-q', zipOut, '.'], EVIDENCE);
      zipMs.push(t.ms);
      zipCpuMs.push(t.cpuMs);
    };
    const runOurs = async (): Promise<void> => {
      const t = await timed(process.execPath, [path.join(HERE, 'export-run.js'), WS, ourOut], REPO);
      ours.push({ ...(JSON.parse(t.stdout) as (typeof ours)[number]), cpuMs: t.cpuMs });
    };
    if (r % 2 === 0) {
      await runZip();
      await runOurs();
    } else {
      await runOurs();
      await runZip();
    }
    console.log(`  run ${r + 1}: zip -0 -r ${((zipMs[r] ?? 0) / 1000).toFixed(2)} s, kiemchung export ${((ours[r]?.wallMs ?? 0) / 1000).toFixed(2)} s (export itself ${((ours[r]?.exportMs ?? 0) / 1000).toFixed(2)} s), CPU zip ${((zipCpuMs[r] ?? 0) / 1000).toFixed(2)} s / export ${((ours[r]?.cpuMs ?? 0) / 1000).toFixed(2)} s, peak RSS ${(ours[r]?.maxRssMb ?? 0).toFixed(0)} MB`);
  }
  const zipMedian = median(zipMs);
  const ourMedian = median(ours.map((o) => o.wallMs));
  const results = {
    files: FILES,
    evidenceBytes: bytes,
    runs: RUNS,
    zipMs: zipMedian,
    exportWallMs: ourMedian,
    exportMs: median(ours.map((o) => o.exportMs)),
    ratio: ourMedian / zipMedian,
    ratios: ours.map((o, i) => o.wallMs / (zipMs[i] ?? 1)),
    zipCpuMs: median(zipCpuMs),
    exportCpuMs: median(ours.map((o) => o.cpuMs)),
    cpuRatio: median(ours.map((o) => o.cpuMs)) / median(zipCpuMs),
    peakRssMb: Math.max(...ours.map((o) => o.maxRssMb)),
    bundleBytes: ours[0]?.bytes,
    entries: ours[0]?.entries,
    measuredAt: new Date().toISOString(),
  };
  console.log('');
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(`| files / evidence size | ${FILES} / ${(bytes / 1e9).toFixed(2)} GB | |`);
  console.log(`| \`zip -0 -r\`, median wall | ${(zipMedian / 1000).toFixed(2)} s | |`);
  console.log(`| kiemchung export, median wall (whole process) | ${(ourMedian / 1000).toFixed(2)} s | |`);
  console.log(`| ratio export / zip | **${results.ratio.toFixed(2)}×** (runs: ${results.ratios.map((x) => `${x.toFixed(2)}×`).join(', ')}) | ≤ 1.4× |`);
  console.log(`| CPU time (user + sys), median: zip / export | ${(results.zipCpuMs / 1000).toFixed(2)} s / ${(results.exportCpuMs / 1000).toFixed(2)} s (**${results.cpuRatio.toFixed(2)}×**) | |`);
  console.log(`| peak RSS of the export | **${results.peakRssMb.toFixed(0)} MB** | ≤ 300 MB |`);
  fs.writeFileSync(path.join(REPO, 'bench', '.work', 'export-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
