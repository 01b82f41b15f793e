// npm run bench:ocr: OCR of the scanned documents of test/fixtures/corpus/real through the real scan
// pipeline (index, then the OCR phase in its worker pool: header band of page 1, then every page),
// against Debian's `tesseract` CLI (apt tesseract-ocr tesseract-ocr-vie) on the SAME page images.
//
// 1. The pipeline as it ships: a scan page that is one full-page image is read from that image
//    (page-pixels.ts). CPU seconds of every thread of the process, per page and per document;
//    pages per minute (wall, and per CPU minute); header fields right.
// 2. The same with every page rendered by pdf.js (the way before: directImages false).
// 3. The images the pipeline fed Tesseract (computed here the same way, written as PGM): the CLI
//    reads each (one thread, OMP_THREAD_LIMIT=1, its CPU time from the kernel's child counters),
//    and the ratio pipeline CPU ÷ CLI CPU is the figure the issue bounds (≤ 1.0×).
// 4. Word accuracy on the pages transcribed by hand in test/fixtures/ocr-truth (both engines on
//    the same image).
// Medians of BENCH_OCR_RUNS runs (default 3) of 1 and 3; 2 runs once. Figures go to
// bench/results.json (section `ocr`), details to bench/.work/ocr/ocr-results.json.
//   BENCH_OCR_WORKERS (default: the engine's default), BENCH_OCR_RUNS, BENCH_OCR_RENDER=0 skips 2,
//   BENCH_OCR_DOCS=N only the first N scans (a quick try; results.json is written all the same).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../main/engine/ocr/ocr-jobs.js';
import { defaultOcrWorkers, DEFAULT_MAX_PAGES } from '../main/engine/ocr/ocr-phase.js';
import { toPgm, type GrayImage } from '../main/engine/ocr/page-image.js';
import { forOcr, grayOf, MAX_IMAGE_PIXELS, pageRaster } from '../main/engine/ocr/page-pixels.js';
import { TesseractEngine } from '../main/engine/ocr/tesseract-engine.js';
import { getPack } from '../main/engine/packs/library.js';
import { listDocuments } from '../main/engine/query/documents.js';
import { ocrStage } from '../main/engine/scan/stages.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';
import { readTruthBoxes } from './digit-boxes.js';
import { median, REPO, withSpread, writeSection } from './results.js';
import { readTranscriptions, wordAccuracy } from './word-accuracy.js';

const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpus');
const REAL = path.join(CORPUS, 'real');
const TRUTH_DIR = path.join(REPO, 'test', 'fixtures', 'ocr-truth');
const WORK = path.join(REPO, 'bench', '.work', 'ocr');
const WORKERS = Number(process.env['BENCH_OCR_WORKERS'] ?? defaultOcrWorkers());
const RUNS = Math.max(1, Number(process.env['BENCH_OCR_RUNS'] ?? 3));

interface Truth {
  file: string;
  scanned?: boolean;
  pages?: number;
  number: string | null;
  type: string | null;
  date: string | null;
  place?: string | null;
}

const truth = (JSON.parse(fs.readFileSync(path.join(REAL, 'truth.json'), 'utf8')) as Truth[])
  .filter((t) => t.scanned === true)
  .slice(0, Number(process.env['BENCH_OCR_DOCS'] ?? Infinity));

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

const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

interface PipelineRun {
  directImages: boolean;
  pages: number;
  headerCpuS: number;
  wholeCpuS: number;
  headerWallS: number;
  wholeWallS: number;
  right: Record<string, number>;
}

async function pipeline(directImages: boolean, run: number): Promise<PipelineRun> {
  const ws = await freshWorkspace(`pipeline-${directImages ? 'image' : 'render'}-${run}`);
  let headerCpuS = 0;
  let headerWallS = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await ocrStage(ws, {
    enabled: true,
    workers: WORKERS,
    settings: { directImages },
    onProgress: (p) => {
      if (p.phase !== 'ocr-header' || p.current !== p.total) return;
      headerCpuS = cpuSince(c0);
      headerWallS = (performance.now() - t0) / 1000;
    },
  });
  const wholeCpuS = cpuSince(c0);
  const wholeWallS = (performance.now() - t0) / 1000;
  const right = fieldsRight(ws);
  ws.close();
  if (report.failed.length) throw new Error(`OCR failed: ${JSON.stringify(report.failed)}`);
  return { directImages, pages: report.pages, headerCpuS, wholeCpuS, headerWallS, wholeWallS, right };
}

/** CPU seconds of the children this process has waited for (the kernel's cutime + cstime). */
function childCpuS(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const hasCli = (): boolean => spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.split('\n').includes('vie') ?? false;

function cli(img: GrayImage, dpi: number, file: string): { text: string; cpuS: number } {
  fs.writeFileSync(file, toPgm(img));
  const c0 = childCpuS();
  const r = spawnSync('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(Math.round(dpi))], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`tesseract ${file}: ${r.stderr}`);
  return { text: r.stdout, cpuS: childCpuS() - c0 };
}

interface PageImage {
  file: string;
  page: number;
  header: boolean;
  img: GrayImage;
  dpi: number;
  source: string;
}

/** The images the OCR worker feeds Tesseract for a document: page 1's header band, then every page. */
async function imagesOf(file: string, settings: OcrSettings, pages?: readonly number[]): Promise<PageImage[]> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const lib = await PdfLibDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }).catch(() => null);
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0, maxImageSize: MAX_IMAGE_PIXELS }).promise;
  const out: PageImage[] = [];
  try {
    const wanted = pages ?? [0, ...Array.from({ length: Math.min(doc.numPages, DEFAULT_MAX_PAGES) }, (_, i) => i + 1)];
    for (const p of wanted) {
      const header = p === 0;
      const page = header ? 1 : p;
      const raster = await pageRaster(doc, lib, page, {
        renderDpi: header ? settings.headerDpi : settings.pageDpi,
        topFraction: header ? settings.headerFraction : 1,
        direct: settings.directImages,
      });
      const r = forOcr(raster, header, settings);
      out.push({ file, page, header, img: grayOf(r, settings.dropRed), dpi: r.dpi, source: r.source });
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

async function cliOnPipelineImages(): Promise<{ headerCpuS: number; wholeCpuS: number; pages: number; bySource: Record<string, number> }> {
  const dir = path.join(WORK, 'images');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let headerCpuS = 0;
  let wholeCpuS = 0;
  let pages = 0;
  const bySource: Record<string, number> = {};
  for (const [i, t] of truth.entries()) {
    for (const im of await imagesOf(path.join(REAL, t.file), DEFAULT_OCR_SETTINGS)) {
      const r = cli(im.img, im.dpi, path.join(dir, `d${i}-${im.header ? 'header' : `p${im.page}`}.pgm`));
      wholeCpuS += r.cpuS;
      if (im.header) headerCpuS += r.cpuS;
      else pages++;
      bySource[im.source] = (bySource[im.source] ?? 0) + 1;
    }
  }
  return { headerCpuS, wholeCpuS, pages, bySource };
}

async function accuracy(): Promise<{ file: string; page: number; words: number; engine: number; cli: number | null; engineCpuS: number; cliCpuS: number | null }[]> {
  const out = [];
  const engine = new TesseractEngine(DEFAULT_OCR_SETTINGS.model);
  const dir = path.join(WORK, 'accuracy');
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const t of readTranscriptions(TRUTH_DIR)) {
      const [im] = await imagesOf(path.join(CORPUS, t.file), DEFAULT_OCR_SETTINGS, [t.page]);
      if (!im) continue;
      const c0 = process.cpuUsage();
      const ours = await engine.recognize(im.img, im.dpi);
      const engineCpuS = cpuSince(c0);
      const native = hasCli() ? cli(im.img, im.dpi, path.join(dir, `${path.basename(t.file, '.pdf')}-p${t.page}.pgm`)) : null;
      out.push({
        file: t.file,
        page: t.page,
        words: wordAccuracy(t.text, '').total,
        engine: wordAccuracy(t.text, ours.text).rate,
        cli: native ? wordAccuracy(t.text, native.text).rate : null,
        engineCpuS,
        cliCpuS: native?.cpuS ?? null,
      });
    }
  } finally {
    await engine.close();
  }
  return out;
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const load = os.loadavg();
  const direct: PipelineRun[] = [];
  for (let r = 0; r < RUNS; r++) direct.push(await pipeline(true, r));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const rendered = process.env['BENCH_OCR_RENDER'] === '0' ? null : await pipeline(false, 0);
  const native: Awaited<ReturnType<typeof cliOnPipelineImages>>[] = [];
  if (hasCli()) for (let r = 0; r < RUNS; r++) native.push(await cliOnPipelineImages());
  const acc = await accuracy();
  // The digit model on the handwritten boxes of the dev set (truth.json), read as slots.
  const digitBoxes = await readTruthBoxes([path.join(REPO, 'test', 'fixtures', 'corpus', 'dev')]);

  const first = direct[0] as PipelineRun;
  const docs = truth.length;
  const pages = first.pages;
  const wholeCpu = direct.map((d) => d.wholeCpuS);
  const headerCpu = direct.map((d) => d.headerCpuS);
  const cliWhole = native.map((n) => n.wholeCpuS);
  const cliHeader = native.map((n) => n.headerCpuS);
  const ratio = cliWhole.length ? median(wholeCpu) / median(cliWhole) : null;
  const headerRatio = cliHeader.length ? median(headerCpu) / median(cliHeader) : null;
  const pagesPerCpuMin = (pages * 60) / median(wholeCpu.map((c, i) => c - (headerCpu[i] as number)));
  const pagesPerMinWall = (pages * 60) / median(direct.map((d) => d.wholeWallS - d.headerWallS));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const figures = {
    documents: docs,
    pages,
    workers: WORKERS,
    runs: RUNS,
    direct,
    rendered,
    native,
    accuracy: acc,
    digitBoxes: { boxes: digitBoxes.boxes, perField: digitBoxes.perField, total: digitBoxes.total, msPerBox: digitBoxes.msPerBox },
    peakRssMb,
    ratioWholeCpuToCli: ratio,
    ratioHeaderCpuToCli: headerRatio,
    pagesPerCpuMinute: pagesPerCpuMin,
    pagesPerMinuteWall: pagesPerMinWall,
  };
  fs.writeFileSync(path.join(WORK, 'ocr-results.json'), `${JSON.stringify({ machine: { cores: os.availableParallelism(), load, node: process.version }, ...figures }, null, 2)}\n`);

  const f2 = (n: number | null | undefined): string => (typeof n === 'number' ? n.toFixed(2) : '–');
  const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`);
  const rows = [
    {
      measure: `whole-document OCR (header band + every page) of ${docs} scans / ${pages} pages, CPU of all threads vs Debian \`tesseract\` 5 CLI (1 thread) on the same images`,
      value: ratio === null ? 'CLI not installed' : `**${f2(ratio)}×** (${withSpread(wholeCpu, 1, 's')} vs ${withSpread(cliWhole, 1, 's')})`,
      target: '≤ 1.0×',
    },
    {
      measure: 'header pass alone, CPU per scanned document (vs the CLI on the same header bands)',
      value: `${f2(median(headerCpu) / docs)} s${headerRatio === null ? '' : ` (${f2(headerRatio)}× the CLI's ${f2(median(cliHeader) / docs)} s)`}`,
      target: '≤ 3 s',
    },
    {
      measure: `body pages per minute, ${WORKERS} OCR worker(s)`,
      value: `${pagesPerMinWall.toFixed(1)} pages/min wall, ${pagesPerCpuMin.toFixed(1)} pages per CPU minute; peak RSS ${peakRssMb} MB`,
      target: '',
    },
    ...(rendered
      ? [
          {
            measure: 'the same pipeline rendering every page with pdf.js (before: no image taken directly), CPU',
            value: `${f2(rendered.wholeCpuS)} s (${f2(rendered.wholeCpuS / median(wholeCpu))}× the direct images'); fields right ${JSON.stringify(rendered.right)} vs ${JSON.stringify(first.right)}`,
            target: '',
          },
        ]
      : []),
    {
      measure: `digit model on the ${digitBoxes.boxes} handwritten boxes of the dev set (${digitBoxes.documents} scans), right / blank / wrong`,
      value: `${digitBoxes.total.right} / ${digitBoxes.total.blank} / ${digitBoxes.total.wrong} (${Object.entries(digitBoxes.perField)
        .map(([f, t]) => `${f} ${t.right}/${t.blank}/${t.wrong}`)
        .join(', ')}), ${digitBoxes.msPerBox.toFixed(0)} ms per box`,
      target: 'wrong 0',
    },
    ...(acc.length
      ? [
          {
            measure: `words right on ${acc.length} hand-transcribed pages (${acc.reduce((n, a) => n + a.words, 0)} words, test/fixtures/ocr-truth), ours vs the CLI`,
            value: `${pct(mean(acc.map((a) => a.engine)))} vs ${pct(acc.every((a) => a.cli !== null) ? mean(acc.map((a) => a.cli as number)) : null)} (${acc.map((a) => `${pct(a.engine)}/${pct(a.cli)}`).join(', ')})`,
            target: 'same or better',
          },
        ]
      : []),
  ];
  writeSection('ocr', {
    command: '`npm run bench:ocr`',
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, load: load.map((l) => Math.round(l * 100) / 100) },
    rows,
    figures,
  });
  console.log(
    [
      `OCR bench: ${docs} scanned documents of corpus/real, ${pages} pages, ${WORKERS} OCR worker(s), ${os.availableParallelism()} cores (load ${load.map((l) => l.toFixed(1)).join(' ')} at start), ${RUNS} run(s)`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} |`),
      '',
      `images the CLI read: ${JSON.stringify(native[0]?.bySource ?? {})}; fields right ${JSON.stringify(first.right)}`,
    ].join('\n'),
  );
}

await main();
