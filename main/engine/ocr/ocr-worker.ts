// Worker-thread entry for OCR: takes a page's pixels (its scanned image as decoded, or pdf.js's
// rendering, page-pixels.ts) and reads them with tesseract.js (which runs its WebAssembly in a
// nested worker owned by this one, so terminating this worker after a time-out or crash also
// ends it). The last opened PDF is kept, since page jobs for one document arrive one after
// another, and so is the last page image: the header band is cut from the same decoded pixels
// the whole-page pass reads.
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sha256Bytes } from '../pdf/file-hash.js';
import type { OcrJob, OcrJobResult } from './ocr-jobs.js';
import { forOcr, grayOf, MAX_IMAGE_PIXELS, pageRaster, rgbaOf, type PageRaster } from './page-pixels.js';
import { readHandwriting } from './read-handwriting.js';
import { TesseractEngine, type OcrModel } from './tesseract-engine.js';

let engine: { model: OcrModel; engine: TesseractEngine } | null = null;
let open: { path: string; sha256: string; doc: PDFDocumentProxy; lib: PdfLibDocument | null } | null = null;
/** The last page image taken whole (never a rendered band). */
let last: { key: string; raster: PageRaster } | null = null;

function engineFor(model: OcrModel): TesseractEngine {
  if (engine?.model !== model) {
    void engine?.engine.close();
    engine = { model, engine: new TesseractEngine(model) };
  }
  return engine.engine;
}

async function documentFor(job: OcrJob): Promise<{ doc: PDFDocumentProxy; lib: PdfLibDocument | null } | null> {
  if (open?.path === job.path && open.sha256 === job.sha256) return open;
  if (open) {
    const old = open.doc;
    open = null;
    last = null;
    await old.destroy();
  }
  const bytes = new Uint8Array(await fs.readFile(job.path));
  if (sha256Bytes(bytes) !== job.sha256) return null;
  // pdf-lib reads the image sizes before pdf.js decodes anything (an image bomb is refused); a
  // file it cannot parse is still read, pdf.js's maxImageSize standing guard alone.
  const lib = await PdfLibDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }).catch(() => null);
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0, maxImageSize: MAX_IMAGE_PIXELS }).promise;
  open = { path: job.path, sha256: job.sha256, doc, lib };
  return open;
}

/** The pixels a job reads, at the resolution the settings ask for this kind of page. */
async function pixelsFor(job: OcrJob, d: { doc: PDFDocumentProxy; lib: PdfLibDocument | null }): Promise<{ raster: PageRaster; from: 'image' | 'render' | 'cached' }> {
  const s = job.settings;
  const header = job.type === 'header';
  const key = `${job.sha256}#${job.page}`;
  let raster: PageRaster;
  let from: 'image' | 'render' | 'cached';
  if (last?.key === key) [raster, from] = [last.raster, 'cached'];
  else {
    raster = await pageRaster(d.doc, d.lib, job.page, {
      renderDpi: header ? s.headerDpi : s.pageDpi,
      topFraction: header ? s.headerFraction : 1,
      direct: s.directImages,
    });
    from = raster.source;
    if (raster.source === 'image') last = { key, raster };
  }
  return { raster: forOcr(raster, header, s), from };
}

async function handle(job: OcrJob): Promise<OcrJobResult> {
  const d = await documentFor(job);
  if (!d) return { changed: true };
  const s = job.settings;
  const header = job.type === 'header';
  const t0 = performance.now();
  const { raster, from } = await pixelsFor(job, d);
  const img = grayOf(raster, s.dropRed);
  const t1 = performance.now();
  const tess = engineFor(s.model);
  const out = await tess.recognize(img, raster.dpi);
  const t2 = performance.now();
  const result = {
    changed: false as const,
    text: out.text,
    confidence: out.confidence,
    renderMs: t1 - t0,
    pixels: from,
    width: raster.width,
    height: raster.height,
    dpi: raster.dpi,
    ocrMs: t2 - t1,
  };
  if (!header || !s.handwriting) return result;
  const handwritten = await readHandwriting(tess, out.page, rgbaOf(raster));
  return { ...result, handwritten, slotsMs: performance.now() - t2 };
}

const port = parentPort;
if (!port) throw new Error('ocr-worker must run in a worker thread');
port.on('message', (msg: { id: number; req: OcrJob }) => {
  handle(msg.req).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value }),
    (e: unknown) => port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
