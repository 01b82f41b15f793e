// The columns of a pack table (CONTRACTS.md §5), matched by name in Vietnamese or English, without
// regard to case, diacritics, spacing or a parenthesised note ("Điểm tối đa (điểm)").

import { foldForMatch } from '../../../shared/vietnamese.js';

export type ColumnField =
  | 'code'
  | 'title'
  | 'parent'
  | 'maxPoints'
  | 'evidence'
  | 'keywords'
  | 'responsible'
  | 'collaborators'
  | 'due'
  | 'scoringRule'
  | 'expectedResult';

export interface ColumnSpec {
  field: ColumnField;
  /** Header written by the XLSX export. */
  vi: string;
  en: string;
  required: boolean;
  aliases: string[];
}

/** In the order the export writes them. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { field: 'code', vi: 'Mã', en: 'code', required: true, aliases: ['ma tieu chi', 'ma so', 'ma tc', 'so hieu'] },
  {
    field: 'title',
    vi: 'Tên tiêu chí',
    en: 'title',
    required: true,
    aliases: ['ten', 'tieu chi', 'noi dung', 'noi dung tieu chi', 'linh vuc tieu chi', 'ten linh vuc tieu chi', 'ten linh vuc, tieu chi'],
  },
  { field: 'maxPoints', vi: 'Điểm tối đa', en: 'maxPoints', required: false, aliases: ['max points', 'diem', 'diem chuan', 'so diem', 'thang diem'] },
  { field: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'evidence', required: false, aliases: ['tlkc', 'tai lieu'] },
  { field: 'keywords', vi: 'Từ khóa', en: 'keywords', required: false, aliases: ['keyword'] },
  {
    field: 'responsible',
    vi: 'Phòng chủ trì',
    en: 'responsible',
    required: false,
    aliases: ['chu tri', 'don vi chu tri', 'co quan chu tri', 'don vi thuc hien'],
  },
  { field: 'collaborators', vi: 'Phòng phối hợp', en: 'collaborators', required: false, aliases: ['phoi hop', 'don vi phoi hop', 'co quan phoi hop'] },
  { field: 'due', vi: 'Thời hạn', en: 'due', required: false, aliases: ['deadline', 'thoi gian hoan thanh', 'thoi han hoan thanh', 'han'] },
  {
    field: 'scoringRule',
    vi: 'Cách chấm điểm',
    en: 'scoringRule',
    required: false,
    aliases: ['scoring rule', 'huong dan cham diem', 'phuong phap cham diem', 'cach cham', 'cach tinh diem'],
  },
  {
    field: 'expectedResult',
    vi: 'Kết quả cần đạt',
    en: 'expected_result',
    required: false,
    aliases: ['expected result', 'expectedresult', 'ket qua du kien', 'san pham', 'yeu cau can dat'],
  },
  { field: 'parent', vi: 'Thuộc tiêu chí', en: 'parent', required: false, aliases: ['thuoc', 'ma cha', 'tieu chi cha', 'parent code'] },
];

/** "Điểm tối đa (điểm)" → "diemtoida"; "expected_result" → "expectedresult". */
export function headerKey(text: string): string {
  return foldForMatch(text).replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, ColumnField>();
for (const spec of COLUMN_SPECS) {
  for (const name of [spec.vi, spec.en, ...spec.aliases]) BY_KEY.set(headerKey(name), spec.field);
}

/** The field a header names, or null for a column the import does not use. */
export function fieldOfHeader(header: string): ColumnField | null {
  const full = BY_KEY.get(headerKey(header));
  if (full !== undefined) return full;
  const withoutNote = header.replace(/\([^)]*\)/g, ' ');
  return withoutNote !== header ? (BY_KEY.get(headerKey(withoutNote)) ?? null) : null;
}

export function columnSpec(field: ColumnField): ColumnSpec {
  const spec = COLUMN_SPECS.find((s) => s.field === field);
  if (!spec) throw new Error(`no column spec for ${field}`);
  return spec;
}
