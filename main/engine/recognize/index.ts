// Header recognizer: reads number, type, issuer, place, date and trích yếu from the text of the
// first pages of a Vietnamese official document (Nghị định 30/2020/NĐ-CP layout), falling back on
// the file name. Pure: no I/O, deterministic, never throws on odd input. Every field it fills gets
// a provenance entry with a confidence. Never a guess: a field whose confidence stays below its
// bar (ACCEPT) is left blank and its best reading kept as a suggestion (the confirmation queue
// pre-fills it). Before a value is accepted it is cross-checked: the day must exist in its month
// and lie neither after today nor after the document's last digital signature, the year must be
// the one printed in the number ("89/2026/QĐ-CT"), an OCR'd place must be a place.

import type { FieldProvenance, FieldSource, HeaderFieldName } from '../../../shared/types.js';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { findNumberCandidates, pickNumber, restoreTypeSegment, unglueCode, type ParsedNumber } from './doc-number.js';
import { findHeadings, typeNameOf, type Heading } from './doc-type.js';
import { fromFileName } from './file-name.js';
import { isAddressee, isStrongBodyStart, toHeaderLines, type HeaderLine, type TextSource } from './header-lines.js';
import { findIssuer } from './issuer.js';
import { findPlaceDates, pickPlaceDate } from './place-date.js';
import { knownPlace } from './places.js';
import { signingDay, splitSigning, type SignatureInfo } from '../pdf/signing.js';
import { findSubject, titleAfterHeading, titleFromSubject } from './title.js';

export interface RecognizeInput {
  text: string;
  fileName: string;
  source: 'text' | 'ocr';
  /** The document's digital signatures (signing/readSignatures): their times bound the date. */
  signatures?: readonly SignatureInfo[];
  /** YYYY-MM-DD; a date after it is impossible. Defaults to the current day. */
  today?: string;
}

/** A reading not good enough to fill its field, kept for a person to confirm. */
export interface FieldSuggestion {
  value: string;
  source: FieldSource;
  confidence: number;
  /** Why it was not accepted: "low confidence", "after the signing date 2025-09-18", … */
  reason: string;
}

/**
 * The bar a field's confidence must reach to be filled, measured on the corpus
 * (test/integration/header-accuracy.test.ts): every wrong number, date and place read there came
 * with less; types and issuers are read from printed headings and are seldom wrong.
 */
export const ACCEPT: Record<HeaderFieldName, number> = { number: 0.6, type: 0.4, issuer: 0.4, place: 0.6, date: 0.6, title: 0.4 };

export interface RecognizedHeader {
  number: string | null;
  type: string | null;
  typeName: string | null;
  issuer: string | null;
  issuerParent: string | null;
  place: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  title: string | null;
  /** Provenance and confidence of every filled field. */
  fields: Partial<Record<HeaderFieldName, FieldProvenance>>;
  /** Readings left out (blank field), best first per field. */
  suggestions: Partial<Record<HeaderFieldName, FieldSuggestion>>;
}

/** The header never runs this far; bounds the work on long first pages. */
const MAX_HEADER_LINES = 40;
/** The place-date line can sit below a tall issuer block or stamp, but not in the body. */
const MAX_DATE_LINES = 60;

// OCR text is noisier: the same evidence is worth less than in a born-digital text layer.
const OCR_FACTOR = 0.75;

function confidence(base: number, source: TextSource): number {
  return Math.round((source === 'ocr' ? base * OCR_FACTOR : base) * 100) / 100;
}

/**
 * End of the header zone: the first line that surely belongs to the body ("Căn cứ", "Kính gửi",
 * "1. …"). A bullet-like OCR speck ("- .") has too few letters to count as the body.
 */
function headerZoneEnd(lines: readonly HeaderLine[]): number {
  const limit = Math.min(lines.length, MAX_HEADER_LINES);
  for (let pos = 1; pos < limit; pos++) {
    const body = lines[pos]?.cells.some((c) => isStrongBodyStart(c) && c.text.replace(/[^\p{L}]/gu, '').length >= 6);
    if (body) return pos;
  }
  return limit;
}

interface TypeDecision {
  code: string | null;
  confidence: number;
  /** The text settled the question, even if on "no table type" (THƯ MỜI): the file name may not override. */
  decided: boolean;
}

function decideType(heading: Heading | null, num: ParsedNumber | null, subject: boolean, addressee: boolean): TypeDecision {
  const coded = num?.typeCode ?? null;
  if (heading?.code) {
    if (coded === heading.code) return { code: coded, confidence: 0.98, decided: true };
    // The printed type name outweighs a code that disagrees with it, but the conflict is shown.
    return { code: heading.code, confidence: coded ? 0.6 : 0.9, decided: true };
  }
  if (heading) return coded ? { code: coded, confidence: 0.6, decided: true } : { code: null, confidence: 0, decided: true };
  if (coded) return { code: coded, confidence: 0.85, decided: true };
  // No type code in the number (610/SYT-VP) and no heading: a công văn, if it reads like one.
  if (num && subject) return { code: 'CV', confidence: 0.85, decided: true };
  if (num && addressee) return { code: 'CV', confidence: 0.7, decided: true };
  if (subject) return { code: 'CV', confidence: 0.6, decided: true };
  return { code: null, confidence: 0, decided: false };
}

/** Compare codes read from different places, ignoring case, marks and OCR punctuation. */
function sameCode(a: string, b: string): boolean {
  const norm = (s: string): string => foldForMatch(s).replace(/[^a-z0-9]/g, '');
  return norm(a) === norm(b);
}

/** Recognise and settle: cross-checks, then fields below their bar become suggestions. */
export function recognizeHeader(input: RecognizeInput): RecognizedHeader {
  const own = withSigning(input);
  return settle(recognizeRaw(own), own);
}

/** An extractor's header text carries the signing readings as a trailer: take them off. */
function withSigning(input: RecognizeInput): RecognizeInput {
  const { text, signatures } = splitSigning(input.text);
  return signatures.length === 0 ? input : { ...input, text, signatures: [...(input.signatures ?? []), ...signatures] };
}

/** The readings with their confidences, before cross-checks and the bar (header-of completes them first). */
export function recognizeRaw(given: RecognizeInput): RecognizedHeader {
  const input = withSigning(given);
  const source = input.source;
  const lines = toHeaderLines(input.text);
  const zoneEnd = headerZoneEnd(lines);
  const fields: Partial<Record<HeaderFieldName, FieldProvenance>> = {};

  const headings = findHeadings(lines, zoneEnd, source);
  const headingCodes = headings.flatMap((h) => (h.code ? [h.code] : []));
  const candidate = pickNumber(findNumberCandidates(lines, zoneEnd, source, headingCodes));
  // The type heading sits under the number; one above it belongs to the issuer block.
  const heading = (candidate ? headings.find((h) => h.pos > candidate.pos) : undefined) ?? headings[0] ?? null;
  let num: ParsedNumber | null = candidate ? unglueCode(candidate, heading?.code ?? null) : null;
  if (num && source === 'ocr') num = restoreTypeSegment(num);

  const placeDate = pickPlaceDate(findPlaceDates(lines, MAX_DATE_LINES, zoneEnd));

  const anchor = candidate?.pos ?? placeDate?.pos ?? heading?.pos ?? null;
  const issuerBlock = anchor === null ? { issuer: null, parent: null } : findIssuer(lines, anchor, source);

  const subjectPos = heading ? null : findSubject(lines, candidate?.pos ?? 0, zoneEnd + 1);
  const addressee = lines.slice(0, MAX_HEADER_LINES).some((l) => l.cells.some(isAddressee));
  const type = decideType(heading, num, subjectPos !== null, addressee);

  let title: string | null = null;
  if (heading) title = titleAfterHeading(lines, heading.pos, lines.length, source);
  else if (subjectPos !== null) title = titleFromSubject(lines, subjectPos, lines.length, source);

  let number = num?.number ?? null;
  if (number !== null) {
    const base = candidate?.lowered ? 0.8 : candidate?.standard ? 0.95 : (candidate?.score ?? 0) >= 2 ? 0.85 : 0.7;
    fields.number = { source, confidence: confidence(base, source) };
  }
  let typeCode = type.code;
  if (typeCode !== null) fields.type = { source, confidence: confidence(type.confidence, source) };

  // The file name fills only what the text left open, and never contradicts a code the text shows.
  // A name's number is taken only where the text prints the same code (it then gives the digits
  // the text left blank or unreadable); a name alone is a suggestion.
  const hints = fromFileName(input.fileName);
  if (number === null && hints.number !== null && hints.code !== null && (num === null || sameCode(num.code, hints.code))) {
    number = hints.number;
    fields.number = { source: 'filename', confidence: num === null ? 0.45 : 0.65 };
  } else if (source === 'ocr' && number !== null && fields.number && hints.number !== null && !sameCode(number, hints.number)) {
    // The text still wins, but a name that says otherwise (often a handwritten number misread by
    // OCR: "22/TM-SYT" in the scan, "43-TM-SYT" in the name) makes it doubtful.
    fields.number = { ...fields.number, confidence: Math.round(fields.number.confidence * 50) / 100 };
  }
  if (typeCode === null && !type.decided && hints.typeCode !== null) {
    typeCode = hints.typeCode;
    fields.type = { source: 'filename', confidence: hints.typeFromName ? 0.4 : 0.45 };
  }

  const inZone = placeDate !== null && placeDate.pos < zoneEnd;
  const suggestions: Partial<Record<HeaderFieldName, FieldSuggestion>> = {};
  let date = placeDate?.date ?? null;
  // A date line read below the header is more likely a citation than the document's own.
  if (date !== null) fields.date = { source, confidence: confidence(placeDate?.place ? (inZone ? 0.95 : 0.55) : 0.6, source) };
  else if (placeDate && placeDate.alternatives.length > 0) {
    const alt = pickAlternative(placeDate.alternatives, input);
    if (alt.date !== null) {
      date = alt.date;
      fields.date = { source, confidence: confidence(alt.confidence, source) };
    } else {
      const value = placeDate.alternatives[placeDate.alternatives.length - 1] ?? '';
      suggestions.date = { value, source, confidence: 0.3, reason: `glued month: ${placeDate.alternatives.join(' or ')}` };
    }
  }
  const place = placeDate?.place ?? null;
  const issuer = issuerBlock.issuer;
  if (place !== null) {
    // An OCR'd place that is no known place nor named by the issuer block is likely misread.
    const checked = source === 'text' || knownPlace(place, [issuer, issuerBlock.parent]) ? 1 : 0.6;
    fields.place = { source, confidence: confidence((inZone ? 0.9 : 0.7) * checked, source) };
  }
  if (issuer !== null) fields.issuer = { source, confidence: confidence(candidate ? 0.8 : 0.6, source) };
  if (title !== null) fields.title = { source, confidence: confidence(0.85, source) };

  return {
    number,
    type: typeCode,
    typeName: typeNameOf(typeCode),
    issuer,
    issuerParent: issuer === null ? null : issuerBlock.parent,
    place,
    date,
    title,
    fields,
    suggestions,
  };
}

/**
 * "tháng 54": one of the two months is the document's. Only a signing time settles it: the
 * month(s) whose day does not lie after the last signature; when both do, the later one (a
 * stamped month is the correction of a printed one).
 */
function pickAlternative(alternatives: readonly string[], input: RecognizeInput): { date: string | null; confidence: number } {
  const last = lastSigningDay(input.signatures ?? []);
  if (last === null) return { date: null, confidence: 0 };
  const fit = alternatives.filter((d) => d <= last).sort();
  const best = fit[fit.length - 1];
  return best ? { date: best, confidence: fit.length === 1 ? 0.8 : 0.65 } : { date: null, confidence: 0 };
}

function lastSigningDay(signatures: readonly SignatureInfo[]): string | null {
  let last: string | null = null;
  for (const s of signatures) {
    const d = signingDay(s);
    if (d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d) && (last === null || d > last)) last = d;
  }
  return last;
}

/** Organisation names of the signers ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI<…> đã ký…", "CN=…"). */
function signerNames(signatures: readonly SignatureInfo[]): string[] {
  const out: string[] = [];
  for (const s of signatures) {
    if (s.name) out.push(s.name);
    const cn = /(?:^|[,\s])CN=([^,]+)/.exec(s.reason ?? '');
    if (cn?.[1]) out.push(cn[1]);
    const before = /^([^<]{3,120})</.exec(s.reason ?? '');
    if (before?.[1]) out.push(before[1]);
  }
  return out.map((n) => n.trim()).filter(Boolean);
}

const HEADER_FIELDS: readonly HeaderFieldName[] = ['number', 'type', 'issuer', 'place', 'date', 'title'];

/**
 * Cross-check the readings, then blank every field below its bar and keep it as a suggestion.
 * Mutates and returns `header`.
 */
export function settle(header: RecognizedHeader, input: Pick<RecognizeInput, 'signatures' | 'today'>): RecognizedHeader {
  header.suggestions ??= {};
  const reasons: Partial<Record<HeaderFieldName, string>> = {};
  const demote = (field: HeaderFieldName, confidence: number, reason: string): void => {
    const p = header.fields[field];
    if (!p) return;
    header.fields[field] = { ...p, confidence: Math.min(p.confidence, confidence) };
    reasons[field] = reason;
  };
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const signatures = input.signatures ?? [];
  if (header.date !== null) {
    const last = lastSigningDay(signatures);
    const printedYear = /\/((?:19|20)\d\d)\//.exec(header.number ?? '')?.[1] ?? null;
    if (header.date > today) demote('date', 0.2, `after today (${today})`);
    else if (last !== null && header.date > last) demote('date', 0.3, `after the last signature (${last})`);
    else if (printedYear !== null && header.date.slice(0, 4) !== printedYear) demote('date', 0.3, `not in the year of the number (${printedYear})`);
  }
  if (header.issuer !== null && header.fields.issuer) {
    // An organisation signature naming the issuer confirms it.
    const issuer = foldForMatch(header.issuer);
    if (signerNames(signatures).some((n) => foldForMatch(n) === issuer)) header.fields.issuer = { ...header.fields.issuer, confidence: Math.max(header.fields.issuer.confidence, 0.9) };
  }
  for (const field of HEADER_FIELDS) {
    const p = header.fields[field];
    const value = header[field];
    if (!p || value === null || p.confidence >= ACCEPT[field]) continue;
    header.suggestions[field] = { value, source: p.source, confidence: p.confidence, reason: reasons[field] ?? 'low confidence' };
    header[field] = null;
    delete header.fields[field];
    if (field === 'type') header.typeName = null;
    if (field === 'issuer') header.issuerParent = null;
  }
  return header;
}
