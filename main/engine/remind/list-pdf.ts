// The reminders as one printed list (A4 landscape, the bundle's flowing layout and fonts): office
// by office, what is owed up to the batch, then the place and date and the signature blocks
// (người lập, thủ trưởng đơn vị) as Vietnamese reports carry them.
import { PDFDocument } from 'pdf-lib';
import { formatDateVi } from '../../../shared/bundle-names.js';
import type { RemindersJson } from '../../../shared/api-values.js';
import { embedFonts } from '../bundle/pdf-fonts.js';
import { A4_LANDSCAPE, Flow, appendPage, type Column, type TableRow } from '../bundle/pdf-layout.js';
import { MOTTO, batchPhrase, itemState, itemWhat, placeDateOf, SIGNATURES } from './letter.js';

export function listTitle(r: RemindersJson): string {
  const phrase = batchPhrase(r.batch);
  return `DANH SÁCH ĐÔN ĐỐC GỬI TÀI LIỆU KIỂM CHỨNG${phrase ? ` ${phrase.toLocaleUpperCase('vi')}` : ''}`;
}

export function listSubtitle(r: RemindersJson): string {
  return [r.year !== null ? `Năm đánh giá: ${r.year}` : '', `Bộ tiêu chí: ${r.pack}`, r.batch ? `Hạn ${r.batch.label}: ${formatDateVi(r.batch.due)}` : '', `Tính đến ngày: ${formatDateVi(r.asOf)}`]
    .filter(Boolean)
    .join('   ·   ');
}

export async function remindersListPdf(r: RemindersJson, createdAt: Date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const title = listTitle(r);
  doc.setTitle(title);
  doc.setCreator('KiemChung');
  doc.setProducer('KiemChung');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  const flow = new Flow(fonts, A4_LANDSCAPE, 36, appendPage(doc));
  flow.twoColumns([(r.unit ?? '').toLocaleUpperCase('vi')], [MOTTO[0], MOTTO[1]], fonts.bold, 10);
  flow.space(14);
  flow.paragraph(title, { font: fonts.bold, size: 15, align: 'center' });
  flow.paragraph(listSubtitle(r), { size: 10, align: 'center' });
  flow.space(10);
  const columns: Column[] = [
    { header: 'STT', width: 30, align: 'center' },
    { header: 'Tiêu chí', width: 230 },
    { header: 'Tài liệu kiểm chứng', width: 220 },
    { header: 'Đợt', width: 50, align: 'center' },
    { header: 'Hạn gửi', width: 62, align: 'center' },
    { header: 'Tình trạng', width: 178 },
  ];
  const rows: TableRow[] = [];
  for (const o of r.offices) {
    rows.push({ kind: 'group', text: `${o.office} (${o.items.length} mục)` });
    o.items.forEach((x, i) => rows.push({ kind: 'cells', cells: [String(i + 1), `${x.code}. ${x.title}`, itemWhat(x), x.batch ?? '', formatDateVi(x.due), itemState(x)] }));
  }
  flow.table(columns, rows);
  flow.space(12);
  flow.paragraph(placeDateOf(r), { font: fonts.italic, size: 10, align: 'right' });
  flow.space(4);
  flow.twoColumns([SIGNATURES[0].title], [SIGNATURES[1].title], fonts.bold, 10);
  flow.twoColumns([SIGNATURES[0].note], [SIGNATURES[1].note], fonts.italic, 9);
  flow.numberPages();
  return doc.save();
}
