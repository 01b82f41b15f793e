// The reminders as one sheet (office, batch, criterion, slot, what is wrong, due date), for the
// secretariat to sort and filter: dates are real date cells shown dd/mm/yyyy (as the bundle's
// reports, bundle/reports-xlsx.ts).
import ExcelJS from 'exceljs';
import type { RemindersJson } from '../../../shared/api-values.js';
import { itemState, itemWhat, placeDateOf, SIGNATURES } from './letter.js';
import { listSubtitle, listTitle } from './list-pdf.js';

function isoToUtcDate(iso: string | null): Date | string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

export const REMIND_SHEET = 'Đôn đốc TLKC';
export const REMIND_COLUMNS = ['Phòng ban', 'Đợt', 'Hạn gửi', 'Mã tiêu chí', 'Tiêu chí', 'Tài liệu kiểm chứng', 'Tình trạng', 'Tệp', 'Ghi chú'];

export async function remindersXlsx(r: RemindersJson, createdAt: Date = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KiemChung';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet(REMIND_SHEET, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 28 }, { width: 10 }, { width: 12 }, { width: 10 }, { width: 50 }, { width: 40 }, { width: 30 }, { width: 40 }, { width: 30 }];
  const lines = [r.unit ?? '', listTitle(r), listSubtitle(r)];
  lines.forEach((text, i) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, REMIND_COLUMNS.length);
    row.font = { bold: i < 2, size: i === 1 ? 14 : 11 };
    row.alignment = { horizontal: i === 0 ? 'left' : 'center' };
  });
  ws.addRow([]);
  const head = ws.addRow(REMIND_COLUMNS);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF4' } }));
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.autoFilter = { from: { row: head.number, column: 1 }, to: { row: head.number, column: REMIND_COLUMNS.length } };
  for (const o of r.offices) {
    for (const x of o.items) {
      const row = ws.addRow([o.office, x.batch ?? '', isoToUtcDate(x.due), x.code, x.title, x.kind === 'missing' || x.kind === 'appraisal-request' ? itemWhat(x) : '', itemState(x).replace(x.note ? `: ${x.note}` : '', ''), x.document ?? '', x.note ?? '']);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  // The place and date and the signature blocks under the list, as on the printed one.
  ws.addRow([]);
  const place = ws.addRow([]);
  place.getCell(7).value = placeDateOf(r);
  place.getCell(7).font = { italic: true };
  ws.mergeCells(place.number, 7, place.number, REMIND_COLUMNS.length);
  place.getCell(7).alignment = { horizontal: 'center' };
  for (const [i, font] of [[0, { bold: true }], [1, { italic: true }]] as const) {
    const row = ws.addRow([]);
    const [maker, head] = SIGNATURES;
    row.getCell(1).value = i === 0 ? maker.title : maker.note;
    row.getCell(7).value = i === 0 ? head.title : head.note;
    ws.mergeCells(row.number, 1, row.number, 3);
    ws.mergeCells(row.number, 7, row.number, REMIND_COLUMNS.length);
    for (const c of [1, 7]) {
      row.getCell(c).font = font;
      row.getCell(c).alignment = { horizontal: 'center' };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
