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
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  model: '4.0.0',
  headerDpi: 300,
  headerFraction: 0.45,
  pageDpi: 200,
  dropRed: false,
  handwriting: true,
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
      renderMs: number;
      ocrMs: number;
      /** Header jobs: the handwritten slots' digits, and the time spent reading them. */
      handwritten?: HandwrittenReading;
      slotsMs?: number;
    };
