// Header recognizer: reads number, type, issuer, place, date and trích yếu from the text of the
// first pages of a Vietnamese official document (Nghị định 30/2020/NĐ-CP layout), falling back on
// the file name. Pure: no I/O, deterministic, never throws on odd input. Every field it fills gets
// a provenance entry; what it cannot read stays null rather than guessed.

import type { FieldProvenance, HeaderFieldName } from '../../../shared/types.js';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { findNumberCandidates, pickNumber, restoreTypeSegment, unglueCode, type ParsedNumber } from './doc-number.js';
import { findHeadings, typeNameOf, type Heading } from './doc-type.js';
import { fromFileName } from './file-name.js';
import { isAddressee, isStrongBodyStart, toHeaderLines, type HeaderLine, type TextSource } from './header-lines.js';
import { findIssuer } from './issuer.js';
import { findPlaceDates, pickPlaceDate } from './place-date.js';
import { findSubject, titleAfterHeading, titleFromSubject } from './title.js';

export interface RecognizeInput {
  text: string;
  fileName: string;
  source: 'text' | 'ocr';
}

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
  fields: Partial<Record<HeaderFieldName, FieldProvenance>>;
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

export function recognizeHeader(input: RecognizeInput): RecognizedHeader {
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
    fields.number = { source, confidence: confidence(candidate?.standard ? 0.95 : (candidate?.score ?? 0) >= 2 ? 0.85 : 0.7, source) };
  }
  let typeCode = type.code;
  if (typeCode !== null) fields.type = { source, confidence: confidence(type.confidence, source) };

  // The file name fills only what the text left open, and never contradicts a code the text shows.
  const hints = fromFileName(input.fileName);
  if (number === null && hints.number !== null && hints.code !== null && (num === null || sameCode(num.code, hints.code))) {
    number = hints.number;
    fields.number = { source: 'filename', confidence: 0.5 };
  } else if (number !== null && fields.number && hints.number !== null && !sameCode(number, hints.number)) {
    // The text still wins, but a name that says otherwise (often a handwritten number misread by
    // OCR: "22/TM-SYT" in the scan, "43-TM-SYT" in the name) makes it doubtful.
    fields.number = { ...fields.number, confidence: Math.round(fields.number.confidence * 50) / 100 };
  }
  if (typeCode === null && !type.decided && hints.typeCode !== null) {
    typeCode = hints.typeCode;
    fields.type = { source: 'filename', confidence: hints.typeFromName ? 0.4 : 0.45 };
  }

  const inZone = placeDate !== null && placeDate.pos < zoneEnd;
  const date = placeDate?.date ?? null;
  if (date !== null) fields.date = { source, confidence: confidence(placeDate?.place ? (inZone ? 0.95 : 0.7) : 0.6, source) };
  const place = placeDate?.place ?? null;
  if (place !== null) fields.place = { source, confidence: confidence(inZone ? 0.9 : 0.7, source) };
  const issuer = issuerBlock.issuer;
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
  };
}
