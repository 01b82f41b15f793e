// The issuing body ("tên cơ quan ban hành"), printed in capitals in the left column above the
// number: optionally the parent body first ("UBND TỈNH BÌNH ĐỊNH"), then the issuer ("SỞ Y TẾ").
// A long name wraps onto several lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI", "ĐOÀN KIỂM TRA" /
// "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"), so lines are first glued back into bodies, then the
// last body is the issuer and the one before it the parent.

import { foldDiacritics } from '../../../shared/vietnamese.js';
import { isMotto, isUpperCell, type Cell, type HeaderLine, type TextSource } from './header-lines.js';

export interface IssuerBlock {
  issuer: string | null;
  parent: string | null;
}

// A line starting with one of these continues the name above it: an administrative level or a
// connecting word never starts a body's name. Matched on the printed capitals, because folding
// would confuse SỞ (a department) with SỐ (a number) and QUÂN (army) with QUẬN (district).
const CONTINUATION_START =
  /^(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|KHU VỰC|VÀ|CỦA|THEO|KHÓA|KHOÁ|NHIỆM KỲ|TẠI|VỀ|&|-)(\s|$)|^SỐ\s*:?\s*\d/u;
// OCR lost the marks: only words that stay unambiguous without them.
const CONTINUATION_START_FOLDED = /^(TINH|THANH PHO|TP\.?|HUYEN|THI XA|THI TRAN|PHUONG|VA|CUA|THEO|KHOA|&|-)(\s|$)|^SO\s*:?\s*\d/;
// …and a line ending with one of these is continued by the next line.
const CONTINUATION_END = /(\s|^)(VA|CUA|THEO|VE|TAI|&|-|,)$/;

function continuesName(text: string, source: TextSource): boolean {
  const upper = text.toUpperCase();
  return CONTINUATION_START.test(upper) || (source === 'ocr' && CONTINUATION_START_FOLDED.test(upperKey(text)));
}

// Marks that are printed near the issuer but are not part of it.
const MARKS = /^(KHAN|HOA TOC|THUONG KHAN|MAT|TOI MAT|TUYET MAT|DU THAO|BAN SAO|BAN CHINH)$/;

function upperKey(text: string): string {
  return foldDiacritics(text).toUpperCase().replace(/\s+/g, ' ').trim();
}

/** The issuer-column cell of a header line, or null when the line holds none. */
function issuerCell(cells: readonly Cell[], source: TextSource): Cell | null {
  const cell = cells[0];
  if (!cell || isMotto(cell)) return null;
  // A "Số:" cell is a number (a stamp's or the document's); "SỐ 1050/QĐ-SCT" without a colon can
  // be the tail of an issuer named after a decision, so it stays.
  if (/^s[o0e6]\s*:/.test(cell.key) || /ngay\s*\S*\s*thang/.test(cell.key) || /^v\s*[/.]\s*v/.test(cell.key)) return null;
  if (!isUpperCell(cell.text, source)) return null;
  const key = upperKey(cell.text);
  if (MARKS.test(key) || !/\p{L}{2}/u.test(cell.text)) return null;
  return cell;
}

/** Issuer and parent from the header lines above position `end` (the number or date line). */
export function findIssuer(lines: readonly HeaderLine[], end: number, source: TextSource): IssuerBlock {
  const names: string[][] = [];
  for (let pos = 0; pos < Math.min(end, lines.length); pos++) {
    const line = lines[pos];
    const cell = line ? issuerCell(line.cells, source) : null;
    if (!cell) continue;
    const last = names[names.length - 1];
    const prevKey = last ? upperKey(last[last.length - 1] ?? '') : '';
    if (last && (continuesName(cell.text, source) || CONTINUATION_END.test(prevKey))) {
      last.push(cell.text);
    } else {
      names.push([cell.text]);
    }
  }
  const joined = names.map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim());
  return {
    issuer: joined[joined.length - 1] ?? null,
    parent: joined.length >= 2 ? (joined[joined.length - 2] ?? null) : null,
  };
}
