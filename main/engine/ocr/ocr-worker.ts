// Worker-thread entry for OCR: renders pages with pdf.js and reads them with tesseract.js (which
// runs its WebAssembly in a nested worker owned by this one, so terminating this worker after a
// time-out or crash also ends it). The last opened PDF is kept, since page jobs for one document
// arrive one after another.
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sha256Bytes } from '../index/file-hash.js';
import type { OcrJob, OcrJobResult } from './ocr-jobs.js';
import { readHandwriting } from './read-handwriting.js';
import { renderPageRgba, toGray } from './page-image.js';
import { TesseractEngine, type OcrModel } from './tesseract-engine.js';

let engine: { model: OcrModel; engine: TesseractEngine } | null = null;
let open: { path: string; sha256: string; doc: PDFDocumentProxy } | null = null;

function engineFor(model: OcrModel): TesseractEngine {
  if (engine?.model !== model) {
    void engine?.engine.close();
    engine = { model, engine: new TesseractEngine(model) };
  }
  return engine.engine;
}

async function documentFor(job: OcrJob): Promise<PDFDocumentProxy | null> {
  if (open?.path === job.path && open.sha256 === job.sha256) return open.doc;
  if (open) {
    const old = open.doc;
    open = null;
    await old.destroy();
  }
  const bytes = new Uint8Array(await fs.readFile(job.path));
  if (sha256Bytes(bytes) !== job.sha256) return null;
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  open = { path: job.path, sha256: job.sha256, doc };
  return doc;
}

async function handle(job: OcrJob): Promise<OcrJobResult> {
  const doc = await documentFor(job);
  if (!doc) return { changed: true };
  const s = job.settings;
  const header = job.type === 'header';
  const dpi = header ? s.headerDpi : s.pageDpi;
  const t0 = performance.now();
  const rgba = await renderPageRgba(doc, job.page, { dpi, topFraction: header ? s.headerFraction : 1 });
  const img = { width: rgba.width, height: rgba.height, data: toGray(rgba.data, s.dropRed) };
  const t1 = performance.now();
  const tess = engineFor(s.model);
  const out = await tess.recognize(img, dpi);
  const t2 = performance.now();
  const result = { changed: false as const, text: out.text, confidence: out.confidence, renderMs: t1 - t0, ocrMs: t2 - t1 };
  if (!header || !s.handwriting) return result;
  const handwritten = await readHandwriting(tess, out.page, rgba);
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
