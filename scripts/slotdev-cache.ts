// DEV TOOL (not shipped): caches page 1's header OCR of every scan in the corpus, through the
// same pixels the OCR worker reads (the page's own image when it is the whole page, else a
// render; ocr-worker.ts), so that the slot finder and the digit reader can be iterated on
// without re-running Tesseract. `npx tsx scripts/slotdev-cache.ts [outDir]`; then
// `npx tsx scripts/slotdev-eval.ts [filter] [-v] [--crops]`.
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import { DEFAULT_OCR_SETTINGS } from '../main/engine/ocr/ocr-jobs.js';
import { forOcr, grayOf, MAX_IMAGE_PIXELS, pageRaster, rgbaOf } from '../main/engine/ocr/page-pixels.js';
import { TesseractEngine } from '../main/engine/ocr/tesseract-engine.js';

const OUT = process.argv[2] ?? '/tmp/slotdev/cache';
fs.mkdirSync(OUT, { recursive: true });
const CORPUS = path.resolve('test/fixtures/corpus');
const engine = new TesseractEngine();
for (const sub of ['dev', 'real', 'seeds']) {
  const dir = path.join(CORPUS, sub);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { file: string; scanned?: boolean }[];
  for (const e of truth.filter((t) => t.scanned === true || /mojibake/.test(String((t as { textLayerKind?: string }).textLayerKind)))) {
    const key = `${sub}__${e.file}`;
    if (fs.existsSync(path.join(OUT, `${key}.json`))) continue;
    const data = new Uint8Array(fs.readFileSync(path.join(dir, e.file)));
    const lib = await PdfLibDocument.load(data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }).catch(() => null);
    const doc = await getDocument({ data: data.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0, maxImageSize: MAX_IMAGE_PIXELS }).promise;
    const s = DEFAULT_OCR_SETTINGS;
    const raster = forOcr(await pageRaster(doc, lib, 1, { renderDpi: s.headerDpi, topFraction: s.headerFraction, direct: s.directImages }), true, s);
    await doc.destroy();
    const rgba = rgbaOf(raster);
    const out = await engine.recognize(grayOf(raster, s.dropRed), raster.dpi);
    const page = {
      blocks: (out.page.blocks ?? []).map((b) => ({
        paragraphs: b.paragraphs.map((p) => ({
          lines: p.lines.map((l) => ({ text: l.text, bbox: l.bbox, words: l.words.map((w) => ({ text: w.text, bbox: w.bbox, confidence: w.confidence, symbols: (w.symbols ?? []).map((s) => ({ text: s.text, bbox: s.bbox })) })) })),
        })),
      })),
    };
    fs.writeFileSync(path.join(OUT, `${key}.json`), JSON.stringify({ file: e.file, sub, text: out.text, width: rgba.width, height: rgba.height, dpi: raster.dpi, page }));
    const c = createCanvas(rgba.width, rgba.height);
    const ctx = c.getContext('2d');
    const id = ctx.createImageData(rgba.width, rgba.height);
    id.data.set(rgba.data);
    ctx.putImageData(id, 0, 0);
    fs.writeFileSync(path.join(OUT, `${key}.png`), c.toBuffer('image/png'));
    console.log(key);
  }
}
await engine.close();
