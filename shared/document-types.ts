// Type codes of Nghị định 30/2020/NĐ-CP, Phụ lục III, with the printed type names.
// "CV" (công văn) has no code of its own in the number; it is recognised by the absence of a type heading.

export interface DocumentTypeInfo {
  code: string;
  name: string;
}

export const DOCUMENT_TYPES: readonly DocumentTypeInfo[] = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
  { code: 'SY', name: 'Bản sao y' },
  { code: 'TrS', name: 'Bản trích sao' },
  { code: 'SL', name: 'Bản sao lục' },
  { code: 'CV', name: 'Công văn' },
];

const BY_CODE = new Map(DOCUMENT_TYPES.map((t) => [t.code, t]));

export function documentTypeByCode(code: string): DocumentTypeInfo | undefined {
  return BY_CODE.get(code);
}
