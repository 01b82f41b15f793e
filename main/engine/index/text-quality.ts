// Decides whether a PDF's text layer can be trusted. Two kinds of bad layers are common in
// Vietnamese evidence: Ghostscript "mojibake" (fonts without a usable ToUnicode map, so Vietnamese
// letters come out as Cyrillic, Armenian or control characters) and scanner OCR layers that
// lost every diacritic ("CONG HOA XA HOI CHU NGHIA"). Both extract as text, neither can be
// recognised or searched reliably, so both count as unusable (and are candidates for OCR).

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
