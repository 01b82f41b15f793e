// DEV TOOL (not shipped): caches page 1's header OCR of every scan in the corpus so that the slot
// finder can be iterated on without re-running Tesseract.
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
import { renderPageRgba, toGray } from '../main/engine/ocr/page-image.js';
import { TesseractEngine } from '../main/engine/ocr/tesseract-engine.js';

const OUT = process.argv[2] ?? '/tmp/slotdev/cache';
const CORPUS = path.resolve('test/fixtures/corpus');
const engine = new TesseractEngine();
for (const sub of ['dev', 'real', 'seeds']) {
  const dir = path.join(CORPUS, sub);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { file: string; scanned?: boolean }[];
  for (const e of truth.filter((t) => t.scanned === true || /mojibake/.test(String((t as { textLayerKind?: string }).textLayerKind)))) {
    const key = `${sub}__${e.file}`;
    if (fs.existsSync(path.join(OUT, `${key}.json`))) continue;
    const data = new Uint8Array(fs.readFileSync(path.join(dir, e.file)));
    const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    const rgba = await renderPageRgba(doc, 1, { dpi: 300, topFraction: 0.45 });
    await doc.destroy();
    const out = await engine.recognize({ width: rgba.width, height: rgba.height, data: toGray(rgba.data, false) }, 300);
    const page = {
      blocks: (out.page.blocks ?? []).map((b) => ({
        paragraphs: b.paragraphs.map((p) => ({
          lines: p.lines.map((l) => ({ text: l.text, bbox: l.bbox, words: l.words.map((w) => ({ text: w.text, bbox: w.bbox, confidence: w.confidence, symbols: (w.symbols ?? []).map((s) => ({ text: s.text, bbox: s.bbox })) })) })),
        })),
      })),
    };
    fs.writeFileSync(path.join(OUT, `${key}.json`), JSON.stringify({ file: e.file, sub, text: out.text, width: rgba.width, height: rgba.height, page }));
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
