// The document number ("số, ký hiệu"): `Số: 78/KH-SYT`, `Số: 07/2023/QĐ-UBND`, `Số 12-CTr/TU`,
// a blank draft `Số:      /KH-UBND`, or OCR noise `So: 78 / KH SYT`, `S6-4gL(O /QD-UBND`.
// The header can hold other numbers (an incoming-mail stamp's "Số: 4010", an issuer named after a
// decision "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT"), so every "Số" that opens a cell in the
// header zone becomes a scored candidate and the caller keeps the best.

import { nfc } from '../../../shared/vietnamese.js';
import { typeCodeOf } from './doc-type.js';
import { nearStamp, type HeaderLine, type TextSource } from './header-lines.js';

export interface ParsedNumber {
  /** Normalised number, or null when the digits are blank (draft) or unreadable (OCR). */
  number: string | null;
  /** The part after the slash: "KH-SYT", "UBND-XD". */
  code: string;
  /** Canonical type code of the code's first segment, or null (công văn style "SYT-VP"). */
  typeCode: string | null;
  /** The digits were left blank ("Số: /KH-UBND"), as opposed to unreadable. */
  blank: boolean;
}

export interface NumberCandidate extends ParsedNumber {
  pos: number;
  score: number;
  /** Printed with a colon and title-case "Số:", the standard form. */
  standard: boolean;
  /** The digits came from a line of their own below a blank "Số: /CODE" (a signing system's lowered field). */
  lowered?: boolean;
}

/**
 * Digits a signing system inserted below the printed "Số:   /CĐ-VPCP" line: a line (one of the
 * next two) that is nothing but a 1–6 digit number.
 */
function loweredDigits(lines: readonly HeaderLine[], pos: number): string | null {
  for (let i = pos + 1; i <= pos + 2 && i < lines.length; i++) {
    const cells = lines[i]?.cells ?? [];
    const m = cells.length === 1 ? /^(\d{1,6})$/.exec(cells[0]?.text ?? '') : null;
    if (m?.[1]) return m[1];
  }
  return null;
}

// "Số" opening a cell: folded "so"; OCR reads it as "s6", "se", "s0", "so'".
const KEYWORD = /^s[o0e6]['’`]?(?=[\s:.;,-]|\d|$)\s*([:.;,-]?)\s*/;

// A code segment printed without its hyphen ("78/KH SYT"): capitals and digits only, so a place
// name after the number on the same line ("/KH-SYT Bình Định") is not swallowed.
const LOOSE_SEGMENT = /^[A-ZĐ][A-ZĐ0-9&]{1,11}$/u;
// A joint document's code lists its issuers with commas, no space: "154/CTPH-LĐLĐ-SVH,TT,DL".
const CODE_CHARS = /^[\p{L}\p{N}&.-]+(?:,[\p{Lu}Đ][\p{L}\p{N}&.-]*)*/u;

/** Drop the spaces OCR and sloppy typing put around "/" and "-" ("78 / KH - SYT"). */
function tightenSeparators(s: string): string {
  return s.replace(/\s*\/\s*/g, '/').replace(/(\S)\s*-\s*(?=[\p{L}\p{N}])/gu, '$1-');
}

/** Digits of a number as printed; blank when only leader dots/underscores; null when unreadable. */
function readDigits(raw: string, source: TextSource): { digits: string | null; blank: boolean } {
  // A stop after the digits ("Số: 466. /PC-VPUBND") is OCR noise or a typing slip, not a digit.
  const t = raw.trim().replace(/(?<=\d)[.,]$/, '');
  if (/^[._…\s-]*$/.test(t)) return { digits: null, blank: true };
  if (/^\d{1,7}$/.test(t)) return { digits: t, blank: false };
  // "12a/QĐ-…" exists in born-digital text; in OCR a trailing letter is more likely noise.
  if (source === 'text' && /^\d{1,6}[a-z]$/.test(t)) return { digits: t, blank: false };
  return { digits: null, blank: false };
}

function finishCode(code: string, rest: string): string {
  let out = code.replace(/[.-]+$/, '');
  // Re-attach segments that lost their hyphen: "KH SYT" → "KH-SYT".
  let tail = rest;
  while (!out.includes('-')) {
    const m = /^\s+(\S+)/.exec(tail);
    const seg = m?.[1]?.replace(/[.,;:]+$/, '');
    if (!m || !seg || !LOOSE_SEGMENT.test(seg)) break;
    out = `${out}-${seg}`;
    tail = tail.slice(m[0].length);
  }
  return out;
}

/**
 * Parse what follows the "Số" keyword. Returns null when there is no "/CODE" part: a bare
 * "Số: 4010" is a register or stamp number, never a document number.
 */
export function parseNumberText(after: string, source: TextSource): ParsedNumber | null {
  const s = tightenSeparators(nfc(after)).trim();

  // Party form "12-CTr/TU": the type code sits before the slash.
  const party = /^(\d{1,6})-([\p{L}]{1,4})\/([\p{L}\p{N}&.-]+)/u.exec(s);
  if (party?.[1] && party[2] && party[3]) {
    const typeCode = typeCodeOf(party[2]);
    if (typeCode) {
      const issuer = party[3].replace(/[.-]+$/, '');
      return { number: `${party[1]}-${party[2]}/${issuer}`, code: `${party[2]}/${issuer}`, typeCode, blank: false };
    }
  }

  const m = /^([^/]{0,12}?)\/(?:(\d{4})\/)?/.exec(s);
  if (!m) return null;
  const afterSlash = s.slice(m[0].length);
  const codeMatch = CODE_CHARS.exec(afterSlash);
  if (!codeMatch || !/^\p{L}/u.test(codeMatch[0])) return null;
  const code = finishCode(codeMatch[0], afterSlash.slice(codeMatch[0].length));
  const first = code.split('-')[0] ?? '';
  const typeCode = typeCodeOf(first);
  const { digits, blank } = readDigits(m[1] ?? '', source);
  const year = m[2] ? `/${m[2]}` : '';
  return { number: digits === null ? null : `${digits}${year}/${code}`, code, typeCode, blank };
}

/**
 * Put the hyphen back into a code glued together ("78/KHSYT") when the printed heading says which
 * type it starts with; without that evidence the split would be a guess ("SYTVP" starts with SY).
 */
export function unglueCode(parsed: ParsedNumber, headingCode: string | null): ParsedNumber {
  if (parsed.typeCode !== null || headingCode === null || parsed.code.includes('-')) return parsed;
  if (!parsed.code.startsWith(headingCode)) return parsed;
  const rest = parsed.code.slice(headingCode.length);
  if (!/^[A-ZĐ][A-ZĐ0-9]+$/u.test(rest)) return parsed;
  const code = `${headingCode}-${rest}`;
  const number = parsed.number === null ? null : parsed.number.replace(/[^/]+$/, code);
  return { ...parsed, code, typeCode: headingCode, number };
}

/**
 * In OCR text a lost Đ is an artifact, not what was printed: give the type segment its canonical
 * form ("QD" → "QĐ"). The issuer part ("BGDDT") stays as read; its Đ cannot be known.
 */
export function restoreTypeSegment(parsed: ParsedNumber): ParsedNumber {
  const first = parsed.code.split(/[-/]/)[0] ?? '';
  if (parsed.typeCode === null || first === parsed.typeCode) return parsed;
  const code = parsed.typeCode + parsed.code.slice(first.length);
  const number =
    parsed.number !== null && parsed.number.endsWith(parsed.code)
      ? parsed.number.slice(0, parsed.number.length - parsed.code.length) + code
      : parsed.number;
  return { ...parsed, code, number };
}

const MIN_SCORE = -1;

// "… THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": a number continuing a line that names a document is a
// citation (an issuer named after a decision, a wrapped subject), not the document's number.
const CITING_END = /(quyet dinh|ke hoach|cong van|thong bao|nghi quyet|chi thi|huong dan|to trinh|theo|cua|va|tai)$/;

function citesAbove(lines: readonly HeaderLine[], pos: number): boolean {
  const above = lines[pos - 1]?.cells[0];
  return above !== undefined && CITING_END.test(above.key.replace(/[\s,:;.-]+$/, ''));
}

/** Every "Số …/CODE" opening a cell in lines [0, end), scored. */
export function findNumberCandidates(
  lines: readonly HeaderLine[],
  end: number,
  source: TextSource,
  headingCodes: readonly string[],
): NumberCandidate[] {
  const out: NumberCandidate[] = [];
  for (let pos = 0; pos < Math.min(end, lines.length); pos++) {
    const line = lines[pos];
    if (!line) continue;
    for (let ci = 0; ci < line.cells.length; ci++) {
      const cell = line.cells[ci];
      if (!cell) continue;
      const kw = KEYWORD.exec(cell.key);
      if (!kw) continue;
      let after = cell.text.slice(kw[0].length);
      let parsed = parseNumberText(after, source);
      // "Số:6791" with its "/UBND-XD" pushed into the next cell by the inserted field's width.
      const next = line.cells[ci + 1];
      // A blank "Số:" whose "/CĐ-VPCP" the gap of the missing digits split off, likewise.
      if (!parsed && /^[._…\s]*\d{0,6}$/.test(after) && next && /^\//.test(next.text)) {
        after = `${after.trim()}${next.text}`;
        parsed = parseNumberText(after, source);
      }
      if (!parsed) continue;
      let lowered = false;
      if (parsed.blank && source === 'text') {
        const digits = loweredDigits(lines, pos);
        const filled = digits === null ? null : parseNumberText(`${digits}${after.trim().replace(/^[._…\s]+/, '')}`, source);
        if (filled?.number) {
          parsed = filled;
          lowered = true;
        }
      }
      const printedKeyword = cell.text.slice(0, 2);
      const colon = kw[1] === ':';
      const titleCase = /^S[^\p{Lu}]/u.test(printedKeyword);
      let score = 0;
      if (colon) score += 2;
      if (titleCase) score += 1;
      // The issuer block is printed in capitals: an upper-case "SỐ" there names another document.
      if (/^S\p{Lu}/u.test(printedKeyword) && !colon) score -= 2;
      if (source === 'text' && /^s/.test(printedKeyword)) score -= 2;
      if (parsed.typeCode !== null || parsed.code.includes('-')) score += 1;
      if (parsed.typeCode !== null && headingCodes.length > 0) {
        score += headingCodes.includes(parsed.typeCode) ? 2 : -1;
      }
      if (nearStamp(lines, pos)) score -= 5;
      if (citesAbove(lines, pos)) score -= 4;
      // Too little like the document's own number: better none than another document's.
      if (score < MIN_SCORE) continue;
      out.push({ ...parsed, pos, score, standard: colon && titleCase, ...(lowered ? { lowered } : {}) });
    }
  }
  return out;
}

/** Highest score; on a tie the earlier line (the header comes before anything it cites). */
export function pickNumber(candidates: readonly NumberCandidate[]): NumberCandidate | null {
  let best: NumberCandidate | null = null;
  for (const c of candidates) if (best === null || c.score > best.score) best = c;
  return best;
}
