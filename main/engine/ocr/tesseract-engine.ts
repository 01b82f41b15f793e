// One tesseract.js worker with the Vietnamese model shipped in @tesseract.js-data/vie. Everything
// is read from node_modules: `langPath` is a local folder and `cacheMethod: 'none'` keeps
// tesseract.js from writing a cache file or ever fetching a model from its CDN.
import { createRequire } from 'node:module';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { buildLines, type PositionedText } from '../pdf/pdf-text.js';
import { toPgm, type GrayImage } from './page-image.js';

/** Bump when the OCR output changes enough that cached results should be read again. */
// 2: the header also carries the handwritten number and day read from their slots.
// 3: slots found in each line's characters, the retrained digit model, the printed day told apart.
export const OCR_VERSION = 3;

/** `4.0.0` (tessdata "fast"-style integer model) or `4.0.0_best_int`; see bench/ocr-bench.ts. */
export type OcrModel = '4.0.0' | '4.0.0_best_int';
export const DEFAULT_MODEL: OcrModel = '4.0.0';

const require = createRequire(import.meta.url);

export function langPathOf(model: OcrModel): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), model);
}

export interface OcrText {
  /** Lines top to bottom; blocks side by side on one baseline are joined by the column gap. */
  text: string;
  /** Tesseract's mean word confidence, 0..100. */
  confidence: number;
  /** Tesseract's page: words and symbols with their boxes (the handwritten slots are found from them). */
  page: Tesseract.Page;
}

export class TesseractEngine {
  private worker: Promise<Tesseract.Worker> | null = null;

  constructor(private readonly model: OcrModel = DEFAULT_MODEL) {}

  private get(): Promise<Tesseract.Worker> {
    this.worker ??= Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
      langPath: langPathOf(this.model),
      cacheMethod: 'none',
      gzip: true,
    });
    return this.worker;
  }

  async recognize(img: GrayImage, dpi: number): Promise<OcrText> {
    const worker = await this.get();
    // debug_file: tesseract's diagnostics ("Detected 161 diacritics") would otherwise reach stderr.
    await worker.setParameters({
      tessedit_pageseg_mode: Tesseract.PSM.AUTO,
      user_defined_dpi: String(Math.round(dpi)),
      debug_file: '/dev/null',
      tessedit_char_whitelist: '',
    });
    // A Buffer, never a string: tesseract.js would read a string as a path or fetch it as a URL.
    const { data } = await worker.recognize(Buffer.from(toPgm(img)), {}, { text: true, blocks: true });
    return { text: linesOf(data), confidence: data.confidence, page: data };
  }

  /** One line of digits only (a handwritten slot): whitelist 0-9, page segmentation "single line". */
  async recognizeDigits(img: GrayImage): Promise<{ text: string; confidence: number }> {
    const worker = await this.get();
    await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_LINE, tessedit_char_whitelist: '0123456789', debug_file: '/dev/null' });
    const { data } = await worker.recognize(Buffer.from(toPgm(img)), {}, { text: true });
    return { text: data.text.trim(), confidence: data.confidence };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w).terminate();
  }
}

/**
 * Tesseract reads the two header columns (issuer | motto, number | place-date) as separate
 * blocks. Its lines are laid out again with the text-layer line builder, so OCR text has the
 * same shape as a born-digital layer: one line per baseline, columns apart.
 */
function linesOf(page: Tesseract.Page): string {
  const items: PositionedText[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const str = line.text.replace(/\s+/g, ' ').trim();
        if (!str) continue;
        const height = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
        // buildLines works in PDF space (y up): flip the image's y.
        items.push({ str, x: line.bbox.x0, y: -line.baseline.y0, width: line.bbox.x1 - line.bbox.x0, height });
      }
    }
  }
  return buildLines(items).join('\n');
}
