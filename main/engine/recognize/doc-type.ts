// Document type evidence: the code in the number ("78/KH-SYT" → KH) and the type name printed as
// a heading ("KẾ HOẠCH"). Codes are case-sensitive because the table distinguishes CT (Chỉ thị)
// from CTr (Chương trình) and TTr (Tờ trình) from the inspectorate's "TTra" (Thanh tra), which is
// an issuer code and no type at all.

import { DOCUMENT_TYPES, documentTypeByCode } from '../../../shared/document-types.js';
import { foldDiacritics } from '../../../shared/vietnamese.js';
import { isUpperCell, type HeaderLine, type TextSource } from './header-lines.js';

/**
 * The canonical type code a number segment stands for, or null. An exact match wins; otherwise a
 * segment that lost its Đ ("QD", "CD": typed without a Vietnamese keyboard, or OCR) maps to the one
 * code it folds to. "DA" and "HD" are codes in their own right, so they never become ĐA / HĐ here.
 */
export function typeCodeOf(segment: string): string | null {
  if (documentTypeByCode(segment)) return segment;
  const matches = DOCUMENT_TYPES.filter((t) => foldDiacritics(t.code) === segment);
  return matches.length === 1 && matches[0] ? matches[0].code : null;
}

export function typeNameOf(code: string | null): string | null {
  return code === null ? null : (documentTypeByCode(code)?.name ?? null);
}

/** Letters only, folded, upper-case: "QUYẾT ĐỊNH" and OCR's "QUYETDINH" both give "QUYETDINH". */
function headingKey(s: string): string {
  return foldDiacritics(s)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const HEADING_TO_CODE = new Map(DOCUMENT_TYPES.map((t) => [headingKey(t.name), t.code]));

// Headings of documents that exist but have no code in Phụ lục III: seeing one means the type is
// known to be outside the table (→ null), not that a heading is missing (→ maybe công văn).
const NON_TABLE_HEADINGS = new Set(
  [
    'THƯ MỜI',
    'THƯ NGỎ',
    'THƯ KHEN',
    'THƯ CẢM ƠN',
    'THƯ CHÚC MỪNG',
    'GIẤY XÁC NHẬN',
    'GIẤY CHỨNG NHẬN',
    'GIẤY PHÉP',
    'GIẤY ĐỀ NGHỊ',
    'GIẤY TRIỆU TẬP',
    'ĐIỀU LỆ',
    'LỆNH',
    'BẢN CAM KẾT',
    'CAM KẾT',
    'ĐƠN',
    'DANH SÁCH',
    'BẢN KÊ',
    'BẢNG KÊ',
    'TỜ KHAI',
    'BẢN TIN',
  ].map(headingKey),
);

export interface Heading {
  /** Line position in the HeaderLine array. */
  pos: number;
  /** Phụ lục III code, or null for a heading outside the table (THƯ MỜI). */
  code: string | null;
  printed: string;
}

/**
 * Type headings among lines [0, end): a cell printed in capitals whose letters are exactly a type
 * name. Whole-cell equality keeps "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ …" (issuer block) and the
 * "QUYẾT ĐỊNH:" clause of the body (colon) out.
 */
export function findHeadings(lines: readonly HeaderLine[], end: number, source: TextSource): Heading[] {
  const out: Heading[] = [];
  for (let pos = 0; pos < Math.min(end, lines.length); pos++) {
    const line = lines[pos];
    if (!line) continue;
    // A letter-spaced heading can come apart into cells ("K Ế   H O Ạ C H"): try the whole line too.
    const whole = line.cells.length > 1 ? [{ text: line.cells.map((c) => c.text).join(' ') }] : [];
    for (const cell of [...line.cells, ...whole]) {
      if (cell.text.includes(':') || !isUpperCell(cell.text, source)) continue;
      const key = headingKey(cell.text);
      if (key.length < 3 || key.length > 20) continue;
      const code = HEADING_TO_CODE.get(key);
      if (code !== undefined) {
        out.push({ pos, code, printed: cell.text });
        break;
      } else if (NON_TABLE_HEADINGS.has(key)) {
        out.push({ pos, code: null, printed: cell.text });
        break;
      }
    }
  }
  return out;
}
