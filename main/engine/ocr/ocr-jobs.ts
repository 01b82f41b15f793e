// Messages between the OCR phase and the OCR workers.
import type { HandwrittenReading } from './handwritten-slots.js';
import type { OcrModel } from './tesseract-engine.js';

export interface OcrSettings {
  model: OcrModel;
  /**
   * Resolution and band of page 1 read for the header. 200 dpi is ~40% faster than 300 and read
   * the same fields with a 0.40 band, but with this 0.45 band it lost a number and a place on
   * corpus/real (see the OCR report): 300 dpi stays until more scans say otherwise.
   */
  headerDpi: number;
  headerFraction: number;
  /** Resolution of the pages read for search. */
  pageDpi: number;
  dropRed: boolean;
  /** Read the handwritten number and day of the header from their slots (handwritten-slots.ts). */
  handwriting: boolean;
  /**
   * Take a page that is one full-page image (a scan) as that image, at its own resolution,
   * instead of rendering it (page-pixels.ts). false: render every page at headerDpi / pageDpi.
   */
  directImages: boolean;
  /**
   * A header image below this resolution is enlarged to headerDpi (0: never). Read at its own
   * 200 dpi, the header lost 2 dates and 4 places of 31 scans (header-accuracy.test.ts); enlarged
   * to 300 it reads as many fields as the 300 dpi rendering did, or more.
   */
  headerMinDpi: number;
  /**
   * A page image below pageMinDpi (a 100 dpi scan) is enlarged to pageDpi, one above pageMaxDpi
   * shrunk to it (0: never). Shrinking a 300 dpi scan to 200 cost 13-44% less CPU and changed
   * the words read right by -1.0, 0 and +0.4 points on the hand-transcribed pages
   * (test/fixtures/ocr-truth; 150 dpi read even more right, on 3 pages only: not taken).
   */
  pageMinDpi: number;
  pageMaxDpi: number;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  model: '4.0.0',
  headerDpi: 300,
  headerFraction: 0.45,
  pageDpi: 200,
  dropRed: false,
  handwriting: true,
  directImages: true,
  headerMinDpi: 280,
  pageMinDpi: 150,
  pageMaxDpi: 250,
};

export interface OcrJob {
  /** 'header': the top band of page 1 at header resolution; 'page': one whole page. */
  type: 'header' | 'page';
  path: string;
  /** The bytes the caller expects; a file that changed since indexing is not read. */
  sha256: string;
  page: number;
  settings: OcrSettings;
}

export type OcrJobResult =
  | { changed: true }
  | {
      changed: false;
      text: string;
      confidence: number;
      /** Decoding (or rendering) the page; 'image': the page's own image was taken, 'render': it was drawn. */
      renderMs: number;
      pixels: 'image' | 'render' | 'cached';
      width: number;
      height: number;
      dpi: number;
      ocrMs: number;
      /** Header jobs: the handwritten slots' digits, and the time spent reading them. */
      handwritten?: HandwrittenReading;
      slotsMs?: number;
    };
