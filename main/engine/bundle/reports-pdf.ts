// 00_DanhMuc_TLKC.pdf and 00_BangTuDanhGia.pdf: A4 landscape, Be Vietnam Pro, Vietnamese.
import { PDFDocument } from 'pdf-lib';
import { embedFonts } from './pdf-fonts.js';
import { A4_LANDSCAPE, Flow, appendPage, type Column, type TableRow } from './pdf-layout.js';
import { SIGNATURE_BLOCK, formatDateVi, formatLocalDate, formatPoints, placeDateLine, totals, type ReportModel } from './report-model.js';

export interface PdfOptions {
  /** false embeds whole fonts (reference rendering for the render test). */
  subset?: boolean;
}

async function start(model: ReportModel, title: string, subset: boolean): Promise<{ doc: PDFDocument; flow: Flow }> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc, subset);
  doc.setTitle(title);
  doc.setCreator('KiemChung');
  doc.setProducer('KiemChung');
  doc.setCreationDate(model.createdAt);
  doc.setModificationDate(model.createdAt);
  doc.setLanguage('vi-VN');
  const flow = new Flow(fonts, A4_LANDSCAPE, 36, appendPage(doc));
  flow.twoColumns([model.unit.toLocaleUpperCase('vi')], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], fonts.bold, 10);
  flow.space(14);
  flow.paragraph(title, { font: fonts.bold, size: 15, align: 'center' });
  const sub = [
    model.year !== null ? `Năm đánh giá: ${model.year}` : null,
    `Bộ tiêu chí: ${model.packName}`,
    `Ngày lập: ${formatLocalDate(model.createdAt)}`,
  ].filter((s): s is string => s !== null);
  flow.paragraph(sub.join('   ·   '), { size: 10, align: 'center' });
  if (model.supplement) {
    const since = model.supplement.date ? ` ngày ${formatDateVi(model.supplement.date)}` : '';
    flow.paragraph(`Bổ sung cho bộ hồ sơ ${model.supplement.file}${since}`, { font: fonts.italic, size: 10, align: 'center' });
  }
  flow.space(10);
  return { doc, flow };
}

/** The place-and-date line over the head's column, then "Người lập" and "Thủ trưởng đơn vị" with room to sign. */
export function signatureBlock(flow: Flow, place: string | null, date: Date): void {
  flow.space(14);
  // Kept together on one page: a signature block never starts at the foot of a page.
  flow.ensure(120);
  flow.twoColumns([], [placeDateLine(place, date)], flow.fonts.italic, 10);
  flow.space(4);
  flow.twoColumns([SIGNATURE_BLOCK.left[0]], [SIGNATURE_BLOCK.right[0]], flow.fonts.bold, 10);
  flow.twoColumns([SIGNATURE_BLOCK.left[1]], [SIGNATURE_BLOCK.right[1]], flow.fonts.italic, 9);
  flow.space(60);
}

export async function evidenceListPdf(model: ReportModel, options: PdfOptions = {}): Promise<Uint8Array> {
  const title = model.supplement ? 'DANH MỤC TÀI LIỆU KIỂM CHỨNG BỔ SUNG' : 'DANH MỤC TÀI LIỆU KIỂM CHỨNG';
  const { doc, flow } = await start(model, title, options.subset ?? true);
  const columns: Column[] = [
    { header: 'STT', width: 30, align: 'center' },
    { header: 'Số, ký hiệu', width: 90 },
    { header: 'Ngày ban hành', width: 62, align: 'center' },
    { header: 'Trích yếu nội dung', width: 235 },
    { header: 'Cơ quan ban hành', width: 105 },
    { header: 'Tệp trong bộ hồ sơ', width: 170 },
    { header: 'Ghi chú', width: 78 },
  ];
  const rows: TableRow[] = [];
  for (const g of model.groups) {
    rows.push({ kind: 'group', text: `Tiêu chí ${g.code}. ${g.title} (${g.evidence.length} tài liệu)` });
    if (g.evidence.length === 0) rows.push({ kind: 'cells', cells: ['', '', '', 'Chưa có tài liệu kiểm chứng', '', '', ''] });
    for (const e of g.evidence) rows.push({ kind: 'cells', cells: [String(e.nn), e.number, formatDateVi(e.date), e.title, e.issuer, e.path, e.note] });
  }
  flow.table(columns, rows);
  if (model.withdrawn.length > 0) {
    flow.space(14);
    flow.paragraph('TÀI LIỆU RÚT LẠI SO VỚI BỘ HỒ SƠ TRƯỚC', { font: flow.fonts.bold, size: 11 });
    flow.space(4);
    flow.table(
      [
        { header: 'Tiêu chí', width: 60, align: 'center' },
        { header: 'Tệp trong bộ hồ sơ trước', width: 330 },
        { header: 'Lý do', width: 120 },
        { header: 'Tệp gốc', width: 260 },
      ],
      model.withdrawn.map((w) => ({ kind: 'cells', cells: [w.code, w.path, w.reason === 'replaced' ? 'Đã thay bằng bản mới' : 'Không còn sử dụng', w.sourceRelPath ?? ''] })),
    );
  }
  signatureBlock(flow, model.place, model.createdAt);
  flow.numberPages();
  return doc.save();
}

export async function selfAssessmentPdf(model: ReportModel, options: PdfOptions = {}): Promise<Uint8Array> {
  const { doc, flow } = await start(model, 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', options.subset ?? true);
  const columns: Column[] = [
    { header: 'Mã', width: 42, align: 'center' },
    { header: 'Lĩnh vực, tiêu chí, tiêu chí thành phần', width: 270 },
    { header: 'Điểm tối đa', width: 52, align: 'center' },
    { header: 'Điểm tự đánh giá', width: 60, align: 'center' },
    { header: 'Giải trình', width: 220 },
    { header: 'Số TLKC', width: 50, align: 'center' },
    { header: 'Tình trạng', width: 76, align: 'center' },
  ];
  const rows: TableRow[] = model.assessment.map((r) => ({
    kind: 'cells',
    bold: !r.leaf,
    cells: [r.code, r.title, formatPoints(r.maxPoints), formatPoints(r.selfScore), r.explanation, r.count === null ? '' : String(r.count), r.status],
  }));
  const t = totals(model.assessment);
  rows.push({ kind: 'cells', bold: true, cells: ['', 'TỔNG ĐIỂM', formatPoints(t.maxPoints), formatPoints(t.selfScore), '', '', ''] });
  flow.table(columns, rows);
  signatureBlock(flow, model.place, model.createdAt);
  flow.numberPages();
  return doc.save();
}
