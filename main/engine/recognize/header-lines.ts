// The line model every recognizer works on. The extractor gives lines top-to-bottom with the two
// header columns (issuer | motto, number | place-date) on one baseline separated by a wide-gap
// marker of three spaces. Each line is split into cells at that marker, and each cell carries a
// matching key: diacritics folded and lower-cased with exactly one UTF-16 unit per unit of the
// text, so an offset found by a regex on the key cuts the same span out of the printed text.
// Folding makes keywords match OCR output that lost its diacritics ("ngay 08 thang 6 nam 2023").

import { foldPreservingOffsets, nfc } from '../../../shared/vietnamese.js';

export type TextSource = 'text' | 'ocr';

export interface Cell {
  /** Printed text, NFC, whitespace runs collapsed to one space. */
  text: string;
  /** Folded, lower-cased, same length as `text`. */
  key: string;
}

export interface HeaderLine {
  /** 0-based position among the input lines. */
  index: number;
  cells: Cell[];
}

/** Fold + lower-case, one unit per unit (toLowerCase can change the length of a few letters). */
export function matchKey(s: string): string {
  const folded = foldPreservingOffsets(s);
  let out = '';
  for (const ch of folded) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export function makeCell(text: string): Cell {
  // OCR and some fonts give the number's slash as a fraction or full-width slash ("1105⁄KH-ĐKT").
  const clean = nfc(text).replace(/[⁄∕／]/g, '/').replace(/\s+/g, ' ').trim();
  return { text: clean, key: matchKey(clean) };
}

// The national motto sometimes lands in the same cell as the issuer when the extractor found no
// wide gap ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), and OCR joins columns with a
// single space: cut the cell where the motto starts. OCR may garble a word of it ("CỘNG HOÀ 3 XÃ
// HỘI"), so "cộng hòa" counts when the rest of the line still reads like the motto.
const MOTTO_REST = /(x[a4] h[o0]i|ngh[i1l]a|v[i1l][e]t nam)/;
const MOTTO_START = new RegExp(`(?:^|\\s)(c[o0]ng h[o0]a\\b(?=.*${MOTTO_REST.source})|d[o0]c l[a4]p\\s*[-–—~]\\s*t)`);

function splitGluedMotto(cell: Cell): Cell[] {
  const m = MOTTO_START.exec(cell.key);
  if (!m || m.index === 0) return [cell];
  const at = m.index + (m[0].startsWith(' ') ? 1 : 0);
  const left = makeCell(cell.text.slice(0, at));
  const right = makeCell(cell.text.slice(at));
  return left.text && right.text ? [left, right] : [cell];
}

/** Split the extractor's text into lines of cells; empty lines are dropped but keep numbering. */
export function toHeaderLines(text: string): HeaderLine[] {
  const out: HeaderLine[] = [];
  const raw = nfc(text).replace(/\r\n?/g, '\n').split('\n');
  raw.forEach((line, index) => {
    const cells = line
      .split(/\t| {3,}/)
      .map(makeCell)
      .filter((c) => c.text.length > 0)
      .flatMap(splitGluedMotto);
    if (cells.length > 0) out.push({ index, cells });
  });
  return out;
}

/** True for the national motto lines that sit in the right column of every header. */
export function isMotto(cell: Cell): boolean {
  const k = cell.key;
  return (
    (/c[o0]ng h[o0]a\b/.test(k) && MOTTO_REST.test(k)) ||
    /chu nghia viet nam/.test(k) ||
    /d[o0]c l[a4]p\s*[-–—]/.test(k) ||
    /h[a4]nh ph[uy]c/.test(k) ||
    /^[-–—_=.*\s]+$/.test(k)
  );
}

/** Letters of a string and how many of them are upper case (Vietnamese-aware via \p{L}). */
export function caseProfile(s: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (const ch of s) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Lu}/u.test(ch)) upper++;
  }
  return { letters, upper };
}

/**
 * Whether a cell is printed in capitals (issuer blocks, type headings, authority lines). OCR mixes
 * cases inside words ("TiNH HA GIANG"), so it gets a looser threshold.
 */
export function isUpperCell(text: string, source: TextSource): boolean {
  const { letters, upper } = caseProfile(text);
  if (letters < 2) return false;
  return upper / letters >= (source === 'ocr' ? 0.7 : 0.9);
}

/** First letter of the printed text is a capital (body paragraphs start with one). */
export function startsUpper(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m !== null && /\p{Lu}/u.test(m[0]);
}

// Words that open the body of a document (the text after the header and the trích yếu). "Thực
// hiện" and the like can also open a trích yếu ("Thực hiện cải thiện, nâng cao…"), so they only end
// a title that has begun; the strong ones below also bound the header zone.
const BODY_STARTERS = ['thuc hien', 'tren co so', 'theo de nghi', 'xet de nghi', 'xet ', 'de ', 'nham ', 'sau khi', 'hien nay', 'qua '];
const STRONG_STARTERS = /^(can c\S*\s|kinh g\S*|dieu 1\b|noi nhan|([ivx]+|\d{1,2})\.\s|[a-z]\)\s|[-+•]\s)/;

/** The cell surely opens the body: "Căn cứ", "Kính gửi", "Điều 1", a numbered item, a bullet. */
export function isStrongBodyStart(cell: Cell): boolean {
  if (!STRONG_STARTERS.test(cell.key)) return false;
  // "Căn cứ", "Điều 1" are printed with a capital; numbering and bullets have no letter to check.
  return !/^\p{L}/u.test(cell.text) || startsUpper(cell.text) || /^kinh g/.test(cell.key);
}

/** The cell opens a body paragraph (printed with a capital), a numbered item or a bullet. */
export function isBodyStart(cell: Cell): boolean {
  if (isStrongBodyStart(cell)) return true;
  return startsUpper(cell.text) && BODY_STARTERS.some((w) => cell.key.startsWith(w));
}

/** The line that opens "Kính gửi:" (công văn addressee). */
export function isAddressee(cell: Cell): boolean {
  return /^kinh g\S*\s*:?/.test(cell.key);
}

/** Incoming-mail stamp words ("CÔNG VĂN ĐẾN", "ĐẾN Số: 4010"): its number and date are not the document's. */
export function isStampCell(cell: Cell): boolean {
  // Stamps are printed in capitals; a lower-case "đến" is ordinary prose ("từ … đến …").
  return /van ban den|cong van den/.test(cell.key) || /(^|[^\p{L}])(ĐẾN|DEN)([^\p{L}]|$)/u.test(cell.text);
}

/** Any cell of the line or of the `span` lines above it looks like an incoming-mail stamp. */
export function nearStamp(lines: readonly HeaderLine[], pos: number, span = 2): boolean {
  for (let i = Math.max(0, pos - span); i <= pos; i++) {
    const line = lines[i];
    if (line && line.cells.some(isStampCell)) return true;
  }
  return false;
}
