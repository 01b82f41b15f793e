// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy (a usable text layer, else the OCR of the top of page 1), and from its file name in
// any case (a rename can change what the name says). On scans, the handwritten number and day
// read from their slots (ocr/handwritten-slots.ts) complete or correct what the page OCR read.
import path from 'node:path';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { splitHandwriting, type HandwrittenReading, type SlotReading } from '../ocr/handwritten-slots.js';
import { fromFileName } from '../recognize/file-name.js';
import { recognizeHeader } from '../recognize/index.js';
import type { ContentRow, HeaderValues } from './document-store.js';

/** Handwriting read by a model trained on print: shown as less sure than printed text. */
const HANDWRITTEN_CONFIDENCE = 0.5;
/** The handwritten digits and the file name's agree: two independent sources. */
const AGREED_CONFIDENCE = 0.6;
/** The file name's digits kept against an OCR reading that says otherwise. */
const DISPUTED_CONFIDENCE = 0.4;

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const ocrRead = content.error_kind === null && (content.ocr_status === 'header' || content.ocr_status === 'done');
  const ocr = splitHandwriting(content.ocr_header_text ?? '');
  const text = usable ? content.header_text : ocrRead ? ocr.text : '';
  const fileName = path.posix.basename(relPath);
  const { typeName: _typeName, ...header } = recognizeHeader({ text, fileName, source: !usable && ocrRead ? 'ocr' : 'text' });
  if (!ocrRead || usable) return header;
  applyNumber(header, ocr.handwritten?.number ?? null, fileName, text);
  if (ocr.handwritten) applyDate(header, ocr.handwritten);
  if (header.number !== null) header.number = printedCode(header.number, text);
  return header;
}

const digitsOf = (number: string): string => number.slice(0, Math.max(0, number.indexOf('/')));
const codeOf = (number: string): string => number.slice(number.indexOf('/') + 1);
const sameCode = (a: string, b: string): boolean => foldForMatch(a).replace(/[^a-z0-9]/g, '') === foldForMatch(b).replace(/[^a-z0-9]/g, '');
/**
 * A reading most versions agree on, surely. On corpus/real the wrong readings that came closest
 * were a majority of 0.5 at confidence 57 (a "2" for a handwritten 10) and the right ones 0.83+
 * at 86+: the bar sits between them.
 */
const strong = (r: SlotReading | null | undefined, support = 0.67, confidence = 70): r is SlotReading =>
  !!r && r.support >= support && r.confidence >= confidence;

/**
 * The number of a scan is written by hand into "Số: ___/KH-UBND". Offices name the file after it,
 * so the name's digits are the check: the handwriting read that agrees with them confirms them;
 * one that disagrees (OCR of handwriting is often wrong) leaves the name's digits, less sure.
 * Without a name to check against, a clear reading of the slot is taken with the printed code.
 */
function applyNumber(header: HeaderValues, slot: SlotReading | null, fileName: string, text: string): void {
  const name = fromFileName(fileName);
  const nameDigits = name.number ? digitsOf(name.number) : '';
  const current = header.number;
  if (nameDigits && name.code) {
    const nameCode = codeOf(name.number ?? '');
    const code = current && sameCode(codeOf(current), nameCode) ? codeOf(current) : current === null ? nameCode : null;
    if (code === null) return; // the text shows another code: not the named document's number
    const textDigits = current && header.fields.number?.source === 'ocr' ? digitsOf(current) : null;
    if (textDigits !== null && textDigits !== nameDigits && textDigits !== '') {
      header.number = `${nameDigits}/${code}`;
      header.fields.number = { source: 'filename', confidence: DISPUTED_CONFIDENCE };
    } else if (current === null) {
      header.number = `${nameDigits}/${code}`;
      header.fields.number = { source: 'filename', confidence: 0.5 };
    }
    if (slot?.digits === nameDigits) header.fields.number = { source: 'ocr', confidence: AGREED_CONFIDENCE };
    else if (strong(slot) && header.fields.number) {
      header.fields.number = { ...header.fields.number, confidence: Math.min(header.fields.number.confidence, DISPUTED_CONFIDENCE) };
    }
    return;
  }
  if (!strong(slot)) return;
  if (current !== null) {
    // The page OCR read digits there too; a clear slot reading that disagrees makes them doubtful.
    if (digitsOf(current) !== slot.digits && header.fields.number) header.fields.number = { ...header.fields.number, confidence: DISPUTED_CONFIDENCE };
    return;
  }
  const code = printedNumberCode(text);
  if (code === null) return;
  header.number = `${slot.digits}/${code}`;
  header.fields.number = { source: 'ocr', confidence: HANDWRITTEN_CONFIDENCE };
}

/** The printed code of the "Số: ___/KH-UBND" line, when the page OCR read it. */
function printedNumberCode(text: string): string | null {
  const m = /(?:^|\s)S[ốoô6é][:;.]?[^/\n]{0,12}\/((?:\d{4}\/)?[\p{Lu}Đ][\p{Lu}Đ0-9&]*(?:[-–][\p{Lu}Đ0-9&]+)+)/u.exec(text);
  return m?.[1]?.replace(/–/g, '-') ?? null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date of a scan: month and year are printed, the day (sometimes the month) handwritten. A
 * clear reading of the slot, valid for that month and not in the future, fills a date the page
 * OCR left blank, or replaces a day the page OCR made of the handwriting ("ngày 2" for a 5).
 */
function applyDate(header: HeaderValues, hw: HandwrittenReading): void {
  const monthRead = strong(hw.month) ? Number(hw.month.digits) : null;
  const month = hw.printedMonth ?? (monthRead !== null && monthRead >= 1 && monthRead <= 12 ? monthRead : null);
  const year = hw.year;
  if (month === null || year === null || !strong(hw.day)) return;
  const day = Number(hw.day.digits);
  if (day < 1 || day > daysIn(year, month)) return;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (iso > new Date().toISOString().slice(0, 10)) return;
  if (header.date === iso) return;
  const sameMonth = header.date?.startsWith(iso.slice(0, 8)) ?? false;
  // A printed day is read well by the page pass: only a very clear slot overrides it.
  if (header.date !== null && !(sameMonth && strong(hw.day, 0.8, 80))) return;
  header.date = iso;
  header.fields.date = { source: 'ocr', confidence: HANDWRITTEN_CONFIDENCE };
}

/**
 * Scans usually carry a handwritten number that OCR cannot read, so the number comes from the
 * file name, which cannot spell Đ ("212-KH-BGDDT"). When the OCR'd header prints the same code
 * ("Số: ##4/KH-BGDĐT"), keep the name's digits and the printed spelling of the code.
 */
function printedCode(number: string, text: string): string {
  const slash = number.indexOf('/');
  if (slash < 0) return number;
  const code = number.slice(slash + 1);
  const want = foldForMatch(code);
  for (const m of text.matchAll(/\/\s*([\p{Lu}\d]+(?:[-–][\p{Lu}\d]+)+)/gu)) {
    const printed = (m[1] ?? '').replace(/–/g, '-');
    if (printed !== code && foldForMatch(printed) === want) return `${number.slice(0, slash + 1)}${printed}`;
  }
  return number;
}
