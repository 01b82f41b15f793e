// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy (a usable text layer, else the OCR of the top of page 1), and from its file name in
// any case (a rename can change what the name says). On scans, the handwritten number and day
// read from their slots (ocr/handwritten-slots.ts) complete or correct what the page OCR read.
// On a scan the page OCR reads handwriting with a model trained on print: its digits are taken
// only when a second reading (the slot's, or a file name printing the same code) agrees; alone
// they are a suggestion. The signing times stored with the header text bound the date.
import path from 'node:path';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { splitHandwriting, type HandwrittenReading, type SlotReading } from '../ocr/handwritten-slots.js';
import { fromFileName } from './file-name.js';
import { recognizeRaw, settle } from './index.js';
import { splitSigning } from '../pdf/signing.js';
import type { ContentRow } from '../db/stores/contents.js';
import type { HeaderValues } from '../db/stores/documents.js';

/** A clear reading of the handwritten slot alone (no other reading says otherwise). */
const HANDWRITTEN_CONFIDENCE = 0.65;
/** Two independent readings agree (page OCR and slot, or either and the file name). */
const AGREED_CONFIDENCE = 0.85;
/** The page OCR's digits alone: on the corpus a third of them were handwriting misread. */
const PAGE_ONLY_CONFIDENCE = 0.55;
/** A reading another one contradicts. */
const DISPUTED_CONFIDENCE = 0.4;
/** A file name's number whose code the page does not show: nothing checks its digits. */
const NAME_ONLY_CONFIDENCE = 0.45;

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const ocrRead = content.error_kind === null && (content.ocr_status === 'header' || content.ocr_status === 'done');
  const ocr = splitHandwriting(content.ocr_header_text ?? '');
  const layer = splitSigning(content.header_text ?? '');
  const text = usable ? layer.text : ocrRead ? ocr.text : '';
  const fileName = path.posix.basename(relPath);
  const input = { text, fileName, source: !usable && ocrRead ? ('ocr' as const) : ('text' as const), signatures: layer.signatures };
  const raw = recognizeRaw(input);
  if (ocrRead && !usable) {
    applyNumber(raw, ocr.handwritten?.number ?? null, fileName, text);
    applyDate(raw, ocr.handwritten);
    if (raw.number !== null) raw.number = printedCode(raw.number, text);
    if (content.text_quality === 'mojibake') confirmByLayer(raw, layer.text);
  }
  const { typeName: _typeName, ...header } = settle(raw, input);
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
 * The number of a scan is written by hand into "Số: ___/KH-UBND"; the page OCR's digits there
 * are a print model's reading of handwriting. They are taken when the slot reading agrees, or
 * the file name's digits do (offices name files after the number) and the page prints the
 * name's code; a clear slot reading alone fills a number the page OCR left blank. Anything less
 * is kept at a confidence below the bar (a suggestion). A file-name number never replaces a
 * printed code segment: it is used only with the code the page prints, or, when the page shows
 * none, as a suggestion.
 */
function applyNumber(header: HeaderValues, slot: SlotReading | null, fileName: string, text: string): void {
  const name = fromFileName(fileName);
  const nameDigits = name.number ? digitsOf(name.number) : '';
  const nameCode = name.number ? codeOf(name.number) : null;
  const current = header.number;
  const pageDigits = current && header.fields.number?.source === 'ocr' ? digitsOf(current) : '';
  const printed = current !== null ? codeOf(current) : printedNumberCode(text);
  const set = (digits: string, code: string, source: 'ocr' | 'filename', confidence: number): void => {
    header.number = `${digits}/${code}`;
    header.fields.number = { source, confidence };
  };
  if (nameDigits && nameCode) {
    if (printed !== null && !sameCode(printed, nameCode)) {
      // The page prints another code: the name is not this document's number.
      if (current !== null) scorePage(header, pageDigits, slot);
      return;
    }
    const agreed = slot?.digits === nameDigits || pageDigits === nameDigits;
    // The page OCR's digits are a print model's reading of handwriting: only a clear slot reading
    // can dispute the name's (on corpus/real the page digits that differed were all misreadings).
    const disputed = strong(slot) && slot.digits !== nameDigits;
    const confidence = printed === null ? NAME_ONLY_CONFIDENCE : agreed ? AGREED_CONFIDENCE : disputed ? DISPUTED_CONFIDENCE : 0.65;
    set(nameDigits, printed ?? nameCode, agreed ? 'ocr' : 'filename', confidence);
    return;
  }
  if (current !== null) {
    scorePage(header, pageDigits, slot);
    return;
  }
  if (!strong(slot)) return;
  const code = printedNumberCode(text);
  if (code !== null) set(slot.digits, code, 'ocr', HANDWRITTEN_CONFIDENCE);
}

/**
 * A born-digital page whose text layer is mojibake (a font without a Unicode map) is read by OCR,
 * but its digits are print, and the layer keeps ASCII digits intact ("6ӕ 466 /PC-VPUBND", "ngày
 * 12 tháng 5 QăP 2026"): a number or date the OCR read is sure when the layer holds the same
 * digits in the same order, the page OCR's read of print agreeing with the file's own text.
 */
function confirmByLayer(header: HeaderValues, layerText: string): void {
  const digits = layerText.replace(/[^0-9]+/g, ' ');
  const holds = (seq: readonly string[]): boolean => new RegExp(`(^| )${seq.join(' ')}( |$)`).test(digits);
  const n = header.fields.number;
  if (header.number !== null && n?.source === 'ocr') {
    const d = digitsOf(header.number);
    if (d && holds([d])) header.fields.number = { ...n, confidence: Math.max(n.confidence, AGREED_CONFIDENCE) };
  }
  const f = header.fields.date;
  if (header.date !== null && f?.source === 'ocr') {
    const [y, m, d] = header.date.split('-').map((v) => String(Number(v)));
    if (y && m && d && holds([`0?${d}`, `0?${m}`, y])) header.fields.date = { ...f, confidence: Math.max(f.confidence, AGREED_CONFIDENCE) };
  }
}

/**
 * Page OCR digits: sure when the slot reads the same, else alone. When a clear slot reading
 * differs, the slot's digits win (the digit model reads handwriting, the page pass reads it with
 * a print model: dev/ag-154's "154" was "454" to the page, dev/ttg-932's "932" was "332"): taken
 * when very clear, else kept as the suggestion.
 */
function scorePage(header: HeaderValues, pageDigits: string, slot: SlotReading | null): void {
  const p = header.fields.number;
  if (!p || p.source !== 'ocr' || pageDigits === '' || header.number === null) return;
  if (slot && strong(slot) && slot.digits !== pageDigits) {
    header.number = `${slot.digits}${header.number.slice(header.number.indexOf('/'))}`;
    header.fields.number = { ...p, confidence: strong(slot, 0.8, VERY_CLEAR) ? HANDWRITTEN_CONFIDENCE : DISPUTED_CONFIDENCE };
    return;
  }
  const confidence = slot?.digits === pageDigits ? AGREED_CONFIDENCE : slot ? 0.5 : PAGE_ONLY_CONFIDENCE;
  header.fields.number = { ...p, confidence };
}

/** A slot reading whose least sure digit is this sure (0..100) overrides the page OCR's digits. */
const VERY_CLEAR = 90;

/** The printed code of the "Số: ___/KH-UBND" line, when the page OCR read it. */
function printedNumberCode(text: string): string | null {
  // Segments start with a capital and may hold small letters ("QĐ-TTg", "TTg-CĐS") and, in a
  // joint document's code, commas ("CTPH-LĐLĐ-SVH,TT,DL").
  const seg = '[\\p{Lu}Đ][\\p{L}0-9&]*(?:,[\\p{Lu}Đ][\\p{L}0-9&]*)*';
  const m = new RegExp(`(?:^|\\s)S[ốoô6éá][:;.]?[^/\\n]{0,12}\\/((?:\\d{4}\\/)?${seg}(?:[-–]${seg})+)`, 'u').exec(text);
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
function applyDate(header: HeaderValues, hw: HandwrittenReading | null): void {
  const p = header.fields.date;
  if (header.date !== null && p?.source === 'ocr') {
    // The page read a day: sure when the slot reads it too, doubtful when a clear slot reading differs.
    const day = String(Number(header.date.slice(8, 10)));
    const slotDay = hw?.day ? String(Number(hw.day.digits)) : null;
    // A day the slot finder saw handwritten (no printed digits between "ngày" and "tháng") is,
    // in the page OCR, a print model's reading of ink: alone it is a suggestion, like the number.
    const alone = hw?.printedDay === null ? PAGE_ONLY_CONFIDENCE : Math.min(p.confidence, 0.65);
    const confidence = slotDay === day ? AGREED_CONFIDENCE : strong(hw?.day) ? DISPUTED_CONFIDENCE : alone;
    header.fields.date = { ...p, confidence };
  }
  if (!hw) return;
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
