// The trích yếu (subject): the line(s) under the type heading ("KẾ HOẠCH" / "Cải cách hành chính
// …"), or the "V/v …" block under the number in a công văn. It can wrap over several lines, so
// lines are taken until something that is clearly not subject text: the body ("Căn cứ …",
// "Kính gửi: …"), an authority line in capitals ("BỘ TRƯỞNG BỘ XÂY DỰNG"), a numbered item.
// The subject may itself quote other numbers and dates ("Công văn số 01/TTr-CT05 ngày 07/5/2026");
// they belong to the title and are never read as the document's own.

import {
  isAddressee,
  isBodyStart,
  isMotto,
  isStrongBodyStart,
  isUpperCell,
  startsUpper,
  type Cell,
  type HeaderLine,
  type TextSource,
} from './header-lines.js';

const MAX_LINES = 8;
const MAX_CHARS = 600;

const SUBJECT_START = /^["“'‘(«\s]*(v\s*[/.]\s*v|ve viec)(?=[\s:.]|$)/;

function isStop(cell: Cell, taken: number, source: TextSource): boolean {
  if (isAddressee(cell) || isMotto(cell)) return true;
  if (taken === 0 ? isStrongBodyStart(cell) : isBodyStart(cell)) return true;
  // An authority line or the "QUYẾT ĐỊNH:" clause, printed in capitals.
  if (isUpperCell(cell.text, source) && cell.text.replace(/[^\p{L}]/gu, '').length >= 6) return true;
  // Page and footnote numbers, rules, a stray "Số:" or date line.
  if (!/\p{L}{2}/u.test(cell.text) || /^s[o0e6]\s*:/.test(cell.key) || /ngay\s*\S*\s*thang/.test(cell.key)) return true;
  return false;
}

/**
 * The previous line closed the subject: it ends a sentence, closes the quote the subject opened,
 * or is the short last line of a centred block. Used only when the next line starts a capital,
 * so a wrapped subject ("… thuộc Chỉ số PAR Index," / "và những năm tiếp theo") runs on.
 */
function endsBlock(prev: string, firstPart: string, longest: number): boolean {
  if (/[.;]$/.test(prev)) return true;
  if (/^["“'‘«]/.test(firstPart) && /["”'’»]$/.test(prev)) return true;
  return longest >= 40 && prev.length < longest * 0.6;
}

/** Join wrapped lines; a code cut after its hyphen ("5886/QĐ-" + "BGDĐT") is glued back. */
function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (out === '') out = p;
    else if (/\S-$/.test(out) && /^\p{Lu}/u.test(p)) out += p;
    else out += ` ${p}`;
  }
  return out;
}

/** Remove quotes wrapping the whole subject (“ V/v … cử tri”), keep inner quotes. */
export function unquote(s: string): string {
  const m = /^["“'‘«]\s*([\s\S]*?)\s*["”'’»]$/.exec(s);
  // “A” và “B” starts and ends with quotes without being wrapped by one pair.
  if (m?.[1] !== undefined && !/["“”«»]/.test(m[1])) return m[1];
  // An opening quote whose closing one was lost (OCR, or a subject cut at MAX_LINES).
  return s.replace(/^["“«]\s*(?=[^"“”«»]*$)/, '');
}

function collect(lines: readonly HeaderLine[], from: number, end: number, source: TextSource, first?: Cell): string | null {
  const parts: string[] = first ? [first.text] : [];
  let longest = first?.text.length ?? 0;
  for (let pos = from; pos < Math.min(end, lines.length) && parts.length < MAX_LINES; pos++) {
    const cell = lines[pos]?.cells[0];
    if (!cell || isStop(cell, parts.length, source)) break;
    const prev = parts[parts.length - 1];
    if (prev !== undefined && endsBlock(prev, parts[0] ?? '', longest) && startsUpper(cell.text)) break;
    parts.push(cell.text);
    longest = Math.max(longest, cell.text.length);
  }
  const title = unquote(joinLines(parts).replace(/\s+/g, ' ').trim());
  if (!/\p{L}{2}/u.test(title)) return null;
  return title.length > MAX_CHARS ? title.slice(0, MAX_CHARS).replace(/\s+\S*$/, '') : title;
}

/** Title printed under a type heading at `headingPos`. */
export function titleAfterHeading(lines: readonly HeaderLine[], headingPos: number, end: number, source: TextSource): string | null {
  return collect(lines, headingPos + 1, end, source);
}

/** The "V/v" (or "Về việc") subject of a công văn within lines [from, end): its line, or null. */
export function findSubject(lines: readonly HeaderLine[], from: number, end: number): number | null {
  for (let pos = Math.max(0, from); pos < Math.min(end, lines.length); pos++) {
    const cell = lines[pos]?.cells[0];
    if (cell && SUBJECT_START.test(cell.key)) return pos;
  }
  return null;
}

/** Title of a công văn: the subject block starting at `pos`, "V/v" included as printed. */
export function titleFromSubject(lines: readonly HeaderLine[], pos: number, end: number, source: TextSource): string | null {
  const first = lines[pos]?.cells[0];
  if (!first) return null;
  return collect(lines, pos + 1, end, source, first);
}
