// 00_DanhMuc_TLKC.xlsx and 00_BangTuDanhGia.xlsx: the same content as the PDFs, editable in
// Excel. Dates are real date cells shown dd/mm/yyyy, so they sort and filter as dates.
import ExcelJS from 'exceljs';
import { SIGNATURE_BLOCK, formatLocalDate, placeDateLine, totals, type ReportModel } from './report-model.js';

const DATE_FORMAT = 'dd/mm/yyyy';

function isoToUtcDate(iso: string | null): Date | string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function header(ws: ExcelJS.Worksheet, model: ReportModel, title: string, span: number): void {
  const lines = [
    model.unit,
    title,
    [model.year !== null ? `Năm đánh giá: ${model.year}` : '', `Bộ tiêu chí: ${model.packName}`, `Ngày lập: ${formatLocalDate(model.createdAt)}`].filter(Boolean).join('   ·   '),
  ];
  if (model.supplement) lines.push(`Bổ sung cho bộ hồ sơ ${model.supplement.file}`);
  lines.forEach((text, i) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, span);
    row.font = { bold: i < 2, size: i === 1 ? 14 : 11 };
    row.alignment = { horizontal: i === 0 ? 'left' : 'center' };
  });
  ws.addRow([]);
}

/**
 * Under the table: the place-and-date line over the right half, then "Người lập" (left half) and
 * "Thủ trưởng đơn vị" (right half), each with its hint, and empty rows to sign in.
 */
export function signatureRows(ws: ExcelJS.Worksheet, place: string | null, date: Date, span: number): void {
  ws.addRow([]);
  const half = Math.max(1, Math.floor(span / 2));
  const put = (left: string, right: string, font: Partial<ExcelJS.Font>): void => {
    const row = ws.addRow([]);
    row.getCell(1).value = left;
    row.getCell(half + 1).value = right;
    if (half > 1) ws.mergeCells(row.number, 1, row.number, half);
    if (span > half + 1) ws.mergeCells(row.number, half + 1, row.number, span);
    row.font = font;
    row.alignment = { horizontal: 'center' };
  };
  put('', placeDateLine(place, date), { italic: true });
  put(SIGNATURE_BLOCK.left[0], SIGNATURE_BLOCK.right[0], { bold: true });
  put(SIGNATURE_BLOCK.left[1], SIGNATURE_BLOCK.right[1], { italic: true });
  for (let i = 0; i < 4; i++) ws.addRow([]);
}

function tableHeader(ws: ExcelJS.Worksheet, names: string[]): void {
  const row = ws.addRow(names);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF4' } }));
  ws.views = [{ state: 'frozen', ySplit: row.number }];
}

function setup(model: ReportModel, sheet: string): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KiemChung';
  wb.created = model.createdAt;
  wb.modified = model.createdAt;
  const ws = wb.addWorksheet(sheet, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  return { wb, ws };
}

export async function evidenceListXlsx(model: ReportModel): Promise<Buffer> {
  const { wb, ws } = setup(model, 'Danh mục TLKC');
  ws.columns = [{ width: 9 }, { width: 6 }, { width: 18 }, { width: 13 }, { width: 60 }, { width: 28 }, { width: 50 }, { width: 30 }];
  header(ws, model, model.supplement ? 'DANH MỤC TÀI LIỆU KIỂM CHỨNG BỔ SUNG' : 'DANH MỤC TÀI LIỆU KIỂM CHỨNG', 8);
  tableHeader(ws, ['Tiêu chí', 'STT', 'Số, ký hiệu', 'Ngày ban hành', 'Trích yếu nội dung', 'Cơ quan ban hành', 'Tệp trong bộ hồ sơ', 'Ghi chú']);
  for (const g of model.groups) {
    const groupRow = ws.addRow([g.code, '', '', '', `${g.title} (${g.evidence.length} tài liệu)`]);
    groupRow.font = { bold: true };
    for (const e of g.evidence) {
      const row = ws.addRow([g.code, e.nn, e.number, isoToUtcDate(e.date), e.title, e.issuer, e.path, e.note]);
      row.getCell(4).numFmt = DATE_FORMAT;
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  if (model.withdrawn.length > 0) {
    ws.addRow([]);
    ws.addRow(['TÀI LIỆU RÚT LẠI SO VỚI BỘ HỒ SƠ TRƯỚC']).font = { bold: true };
    for (const w of model.withdrawn) ws.addRow([w.code, '', '', '', w.reason === 'replaced' ? 'Đã thay bằng bản mới' : 'Không còn sử dụng', '', w.path, w.sourceRelPath ?? '']);
  }
  signatureRows(ws, model.place, model.createdAt, 8);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function selfAssessmentXlsx(model: ReportModel): Promise<Buffer> {
  const { wb, ws } = setup(model, 'Bảng tự đánh giá');
  ws.columns = [{ width: 9 }, { width: 60 }, { width: 11 }, { width: 13 }, { width: 50 }, { width: 10 }, { width: 16 }];
  header(ws, model, 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', 7);
  tableHeader(ws, ['Mã', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Giải trình', 'Số TLKC', 'Tình trạng']);
  for (const r of model.assessment) {
    const row = ws.addRow([r.code, r.title, r.maxPoints, r.selfScore, r.explanation, r.count, r.status]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (!r.leaf) row.font = { bold: true };
  }
  const t = totals(model.assessment);
  ws.addRow(['', 'TỔNG ĐIỂM', t.maxPoints, t.selfScore]).font = { bold: true };
  signatureRows(ws, model.place, model.createdAt, 7);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
