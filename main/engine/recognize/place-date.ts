// The place-and-date line ("địa danh, ngày tháng năm"): `Trà Vinh, ngày 08 tháng 6 năm 2023`.
// Matching runs on the folded key so OCR's "ngay 08 thang 6 narn 2023" and the extractor's
// "ngày11tháng 5" both parse; the place is cut from the printed text at the same offsets. Other
// dates in the header are distractors: an incoming-mail stamp ("CÔNG VĂN ĐẾN … ngày 05 tháng 9"),
// a signature stamp ("Thời gian ký: 16.04.2019"), citations in the body ("Căn cứ … ngày …").
// Only the "ngày … tháng … năm" form (or "ngày dd/mm/yyyy" after a place) is read, and a
// candidate with a place before it beats one without.

import { isMotto, makeCell, nearStamp, type Cell, type HeaderLine } from './header-lines.js';

export interface PlaceDate {
  pos: number;
  place: string | null;
  /** ISO date, or null when the day (or anything else) is blank or unreadable. */
  date: string | null;
  /**
   * Readings a glued token leaves open: a signing system that stamps its month over the printed
   * one extracts as "tháng 54" (5 over 4); both months are kept for a cross-check to settle.
   */
  alternatives: string[];
  score: number;
}

// "ngay" + day + "thang" + month + optional "nam" + year. Tokens are captured loosely so a blank
// or garbled day ("ngày   tháng 6", OCR "ngayLf") is seen as present-but-unreadable.
const WORDED = /(^|[^a-z])ngay\s*(\S*?)\s*thang\s*(\S*?)\s*(?:n[aă](?:m|rn)\s*(\S*))?(?=\s|$|[;,.])/;
const NUMERIC = /(^|[^a-z])ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
// A signing system that inserts day and month in one box lands both before the printed word:
// "ngày 14 11 tháng năm 2025".
const BOXED = /(^|[^a-z])ngay\s*(\d{1,2})\s+(\d{1,2})\s*thang\s*n[aă](?:m|rn)\s*(\d{4})(?!\d)/;
// Words that name another document before a date: "Căn cứ Luật … ngày 16 tháng 6 năm 2025".
const CITATION = /(^|\s)(can cu|luat|nghi dinh|quyet dinh|thong tu|cong van|chi thi|nghi quyet|to trinh|van ban|ke hoach)(\s|$)/;

function isoDate(d: string, m: string, y: string): string | null {
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Strip sentence punctuation OCR glues onto a day, month or year ("2017." → "2017"). */
function yearToken(t: string | undefined): string {
  return (t ?? '').replace(/[.,;:)]+$/, '');
}

/**
 * The place printed before ", ngày": the run of words that ends there, stopped by anything that is
 * not a word (the number "Số: /KH-SYT" on the same line, a motto). The run must start with a
 * capital; lower-case inner words are allowed ("Thành phố Hồ Chí Minh").
 */
export function placeBefore(prefix: string): string | null {
  const words = prefix.replace(/[,\s]+$/, '').split(/\s+/).filter(Boolean);
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0 && run.length < 6; i--) {
    const w = words[i] ?? '';
    if (!/^\p{L}+\.?$/u.test(w)) break;
    run.unshift(w);
  }
  while (run.length > 0 && !/^\p{Lu}/u.test(run[0] ?? '')) run.shift();
  return run.length > 0 ? run.join(' ') : null;
}

/** "54" where a month belongs: the two digits as two one-digit months, when both are months. */
function splitMonths(m: string): string[] {
  return /^[1-9][1-9]$/.test(m) && Number(m) > 12 ? [m.slice(0, 1), m.slice(1)] : [];
}

function parseCell(cell: Cell): { place: string | null; date: string | null; alternatives: string[]; comma: boolean; citation: boolean } | null {
  const numeric = NUMERIC.exec(cell.key);
  const boxed = numeric ? null : BOXED.exec(cell.key);
  const worded = numeric || boxed ? null : WORDED.exec(cell.key);
  const m = numeric ?? boxed ?? worded;
  if (!m) return null;
  const start = m.index + (m[1] ?? '').length;
  let prefix = cell.text.slice(0, start);
  let prefixKey = cell.key.slice(0, start);
  // A motto glued onto the same cell is not part of the place.
  const motto = /h[a4]nh ph[uy]c/.exec(prefixKey);
  if (motto) {
    prefix = prefix.slice(motto.index + motto[0].length);
    prefixKey = prefixKey.slice(motto.index + motto[0].length);
  }
  const year = yearToken(m[4]);
  // OCR glues a stop or colon to the day or month ("tháng 5: năm 2026") as it does to the year.
  const day = yearToken(m[2]);
  const month = yearToken(m[3]);
  const date = isoDate(day, month, year);
  const alternatives =
    date === null ? splitMonths(month).flatMap((mm) => isoDate(day, mm, year) ?? []) : [];
  return { place: placeBefore(prefix), date, alternatives, comma: /,\s*$/.test(prefix), citation: CITATION.test(prefixKey) };
}

/**
 * The cell that holds "ngày", with the rest of its line: a number inserted by an e-office signing
 * widget can arrive as its own cell ("Lào Cai, ngày" | "11" | "tháng 5 năm 2026"). A place left
 * alone in the previous cell ("Lào Cai," | "ngày …") is joined back too.
 */
function joinedFrom(cells: readonly Cell[], i: number): Cell | null {
  const cell = cells[i];
  if (!cell || !/(^|[^a-z])ngay/.test(cell.key)) return null;
  if (isMotto(cell) && !/ngay\s*\S*\s*thang/.test(cell.key)) return null;
  const parts = cells.slice(i).map((c) => c.text);
  const prev = cells[i - 1];
  if (prev && /^ngay/.test(cell.key) && /,\s*$/.test(prev.text)) parts.unshift(prev.text);
  return parts.length === 1 ? cell : makeCell(parts.join(' '));
}

/**
 * Scored place-date candidates in lines [0, end). `zoneEnd` marks the end of the header: dates
 * after it are citations unless nothing better exists.
 */
export function findPlaceDates(lines: readonly HeaderLine[], end: number, zoneEnd: number): PlaceDate[] {
  const out: PlaceDate[] = [];
  for (let pos = 0; pos < Math.min(end, lines.length); pos++) {
    const line = lines[pos];
    if (!line) continue;
    for (let i = 0; i < line.cells.length; i++) {
      const cell = joinedFrom(line.cells, i);
      if (!cell) continue;
      const parsed = parseCell(cell);
      if (!parsed) continue;
      // A date after the name of another document is that document's ("Căn cứ Luật … ngày …").
      if (parsed.citation && (pos >= zoneEnd || /(^|\s)(can cu|luat)\s/.test(cell.key))) continue;
      let score = 0;
      if (parsed.place) score += 3;
      if (parsed.comma) score += 1;
      if (pos < zoneEnd) score += 2;
      if (nearStamp(lines, pos, 3)) score -= 5;
      // A date with no place after the header is a citation in the body; drop it.
      if (!parsed.place && pos >= zoneEnd) continue;
      out.push({ pos, place: parsed.place, date: parsed.date, alternatives: parsed.alternatives, score });
    }
  }
  return out;
}

export function pickPlaceDate(candidates: readonly PlaceDate[]): PlaceDate | null {
  let best: PlaceDate | null = null;
  for (const c of candidates) if (best === null || c.score > best.score) best = c;
  return best;
}
