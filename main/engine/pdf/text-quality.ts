// Decides whether a PDF's text layer can be trusted. Two kinds of bad layers are common in
// Vietnamese evidence: Ghostscript "mojibake" (fonts without a usable ToUnicode map, so Vietnamese
// letters come out as Cyrillic, Armenian or control characters) and scanner OCR layers that
// lost every diacritic ("CONG HOA XA HOI CHU NGHIA"). Both extract as text, neither can be
// recognised or searched reliably, so both count as unusable (and are candidates for OCR).
//
// Before the letters are weighed, a page is judged by what its text covers. Signed scans carry
// a few lines of text only inside the digital-signature box ("Ký bởi: Sở …, Thời gian ký: …");
// scanners lay a hidden OCR layer over the page image. Neither makes the page born-digital: the
// page's own text is what lies outside signature widgets and stamp lines, and on a page that is
// mostly an image it counts only when it is plentiful and drawn visibly on top of the image (a
// born-digital page on a background picture). Otherwise the page is a scan, and its quality is
// that of its OCR layer: `ocr-layer` when the layer reads as good Vietnamese, else the same
// kinds as any layer (none, sparse, mojibake, no-diacritics). All of these are OCR'd.

import type { TextQuality } from '../../../shared/types.js';
import { VIETNAMESE_MARKED_LETTERS } from '../../../shared/vietnamese.js';

const MARKED = new Set(VIETNAMESE_MARKED_LETTERS + VIETNAMESE_MARKED_LETTERS.toUpperCase());

export interface TextQualityReport {
  quality: TextQuality;
  letters: number;
  foreignRatio: number;
  markedRatio: number;
}

function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** Lines of signature stamps flattened into the page: signer, organisation, e-mail, time. */
const STAMP_LINE =
  /^(?:(?:được )?ký bởi|người ký|thời gian ký|ngày ký|ngày giờ ký|signed by|digitally signed|signature valid|(?:cơ quan(?: phát hành)?|e-?mail|địa chỉ|chức vụ|date|reason|location)\s*:)(?![\p{L}\p{N}])/iu;
const COPY_LINE = /^(?:sao y|bản sao|sao lục)(?![\p{L}\p{N}])/iu;

export function isStampLine(line: string): boolean {
  const s = line.normalize('NFC').trim();
  return STAMP_LINE.test(s) || COPY_LINE.test(s);
}

/** An image covering this share of the page makes it "mostly an image". */
export const IMAGE_PAGE_COVER = 0.5;
/**
 * Letters of own text a page that is mostly an image must show, visibly on top, to count as
 * born-digital. The thickest text a signed scan carried in the corpus was its signature box
 * (~160 letters); a born-digital page over a background picture carries a whole header (>800).
 */
export const MIN_TEXT_OVER_IMAGE = 300;

export interface PageCoverage {
  /** Share of the page covered by images, or null when not measured (no image in the file). */
  imageCover: number | null;
  /** Glyphs of the page content drawn visibly on top vs hidden (invisible mode, under an image). */
  glyphs: { visible: number; hidden: number };
}

export type PageKind = 'text' | 'scan' | 'empty';

/** Letters in `text`. */
export function letterCount(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/**
 * Whether a page is born-digital text, a scan (an image with at most a signature box, a stamp or
 * a hidden OCR layer on it), or empty. `ownText` is the page's text outside signature widgets
 * and stamp lines.
 */
export function pageKind(ownText: string, coverage: PageCoverage): PageKind {
  const letters = letterCount(ownText);
  const imageCover = coverage.imageCover ?? 0;
  if (imageCover < IMAGE_PAGE_COVER) return letters > 0 ? 'text' : 'empty';
  if (letters < MIN_TEXT_OVER_IMAGE) return 'scan';
  const { visible, hidden } = coverage.glyphs;
  return visible > hidden ? 'text' : 'scan';
}

/** The quality of a scanned page's text layer: the same kinds, and `ocr-layer` where it reads well. */
export function scanLayerQuality(ownText: string): TextQuality {
  const q = assessTextQuality(ownText).quality;
  return q === 'usable' ? 'ocr-layer' : q;
}

export function assessTextQuality(text: string): TextQualityReport {
  const s = text.normalize('NFC');
  let letters = 0;
  let foreign = 0;
  let marked = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
      foreign++;
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (!isLatinLetter(code)) foreign++;
    else if (MARKED.has(ch)) marked++;
  }
  const foreignRatio = letters === 0 ? 0 : foreign / letters;
  const markedRatio = letters === 0 ? 0 : marked / letters;
  let quality: TextQuality;
  if (letters === 0) quality = 'none';
  else if (letters < 40) quality = 'sparse';
  else if (foreignRatio > 0.03) quality = 'mojibake';
  // Vietnamese prose has roughly one marked letter in six; an OCR layer that lost its marks has
  // almost none. 1.5% leaves room for documents quoting English or codes.
  else if (markedRatio < 0.015) quality = 'no-diacritics';
  else quality = 'usable';
  return { quality, letters, foreignRatio, markedRatio };
}
