// The issuing body ("tên cơ quan ban hành"), printed in capitals in the left column above the
// number: optionally the parent body first ("UBND TỈNH BÌNH ĐỊNH"), then the issuer ("SỞ Y TẾ").
// A long name wraps onto several lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI", "ĐOÀN KIỂM TRA" /
// "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"), so lines are first glued back into bodies, then the
// last body is the issuer and the one before it the parent.

import { foldDiacritics } from '../../../shared/vietnamese.js';
import { isMotto, isUpperCell, type Cell, type HeaderLine, type TextSource } from './header-lines.js';
import { placeBefore } from './place-date.js';

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

// Words a body's name starts with. A line that starts with none of them is the wrapped tail of the
// name above ("CÔNG TY CP ĐẦU TƯ XÂY DỰNG" / "HẠ TẦNG VÀ GIAO THÔNG"), not a second body.
const ORG_START =
  /^(UY BAN|HOI DONG|SO|BO|CUC|TONG CUC|CHI CUC|VU|VIEN|HOC VIEN|TRUONG|PHONG|BAN|DOAN|CONG TY|TONG CONG TY|TAP DOAN|VAN PHONG|TRUNG TAM|BENH VIEN|QUOC HOI|DANG|DANG BO|DANG UY|TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|CHI BO|CHINH PHU|THU TUONG|THANH TRA|KHO BAC|CONG AN|BO CHI HUY|BO TU LENH|QUAN KHU|BAO HIEM|LIEN DOAN|LIEN HIEP|MAT TRAN|HOI|NGAN HANG|CHI NHANH|DAI HOC|TOA AN|HOP TAC XA|TO|DAI|NHA|TAP CHI|KIEM TOAN|CANG|XI NGHIEP|NHA MAY)(\s|$)/;

/** An acronym of a body (UBND, HĐND, TAND, VKSND, BHXH, KBNN): three or more letters, at most one vowel. */
function startsWithAcronym(key: string): boolean {
  const first = key.split(' ')[0] ?? '';
  return /^[A-Z]{3,}$/.test(first) && (first.match(/[AEIOUY]/g) ?? []).length <= 1;
}

function continuesName(text: string, source: TextSource): boolean {
  const upper = text.toUpperCase();
  const key = upperKey(text);
  if (CONTINUATION_START.test(upper) || (source === 'ocr' && CONTINUATION_START_FOLDED.test(key))) return true;
  return !ORG_START.test(key) && !startsWithAcronym(key);
}

/** OCR leaves rules and specks around the block ("SƠ Y TẾ _", "… CÔNG THƯƠNG —# “."). */
function trimJunk(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N})]+$/u, '');
}

// Marks that are printed near the issuer but are not part of it.
const MARKS = /^(KHAN|HOA TOC|THUONG KHAN|MAT|TOI MAT|TUYET MAT|DU THAO|BAN SAO|BAN CHINH)$/;

function upperKey(text: string): string {
  return foldDiacritics(text).toUpperCase().replace(/\s+/g, ' ').trim();
}

/**
 * The cell without a place-date line joined onto it: OCR joins columns with a single space
 * ("SỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026").
 */
function withoutPlaceDate(cell: Cell): string {
  const m = /(^|[^a-z])ngay\s*\S*\s*thang/.exec(cell.key);
  if (!m) return cell.text;
  const prefix = cell.text.slice(0, m.index + (m[1] ?? '').length).replace(/[,\s]+$/, '');
  const place = placeBefore(prefix);
  return place ? prefix.slice(0, prefix.length - place.length) : prefix;
}

/** The issuer-column text of a header line, or null when the line holds none. */
function issuerText(cells: readonly Cell[], source: TextSource): string | null {
  const cell = cells[0];
  if (!cell || isMotto(cell)) return null;
  // A "Số:" cell is a number (a stamp's or the document's); "SỐ 1050/QĐ-SCT" without a colon can
  // be the tail of an issuer named after a decision, so it stays.
  if (/^s[o0e6]\s*:/.test(cell.key) || /^v\s*[/.]\s*v/.test(cell.key)) return null;
  const text = trimJunk(withoutPlaceDate(cell));
  if (!isUpperCell(text, source)) return null;
  if (MARKS.test(upperKey(text)) || !/\p{L}{2}/u.test(text)) return null;
  return text;
}

/** Issuer and parent from the header lines above position `end` (the number or date line). */
export function findIssuer(lines: readonly HeaderLine[], end: number, source: TextSource): IssuerBlock {
  const names: string[][] = [];
  for (let pos = 0; pos < Math.min(end, lines.length); pos++) {
    const line = lines[pos];
    const text = line ? issuerText(line.cells, source) : null;
    if (!text) continue;
    const last = names[names.length - 1];
    const prevKey = last ? upperKey(last[last.length - 1] ?? '') : '';
    if (last && (continuesName(text, source) || CONTINUATION_END.test(prevKey))) {
      last.push(text);
    } else {
      names.push([text]);
    }
  }
  const joined = names.map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim());
  return {
    issuer: joined[joined.length - 1] ?? null,
    parent: joined.length >= 2 ? (joined[joined.length - 2] ?? null) : null,
  };
}
