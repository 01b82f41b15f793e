// Reminder letters as DOCX (npm `docx`): real paragraphs and tables a clerk edits in Word before
// signing; one section (new page) per office; Times New Roman 13-14 pt and the margins of Nghị
// định 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm).
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions } from 'docx';
import type { RemindersJson } from '../../../shared/api-values.js';
import { lettersOf, type Letter } from './letter.js';

const FONT = 'Times New Roman';
const TWIP_PER_MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * TWIP_PER_MM), bottom: Math.round(20 * TWIP_PER_MM), left: Math.round(30 * TWIP_PER_MM), right: Math.round(15 * TWIP_PER_MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** Points. */
  size?: number;
  underline?: boolean;
}

function para(runs: Run[] | string, options: { align?: 'center' | 'left' | 'right' | 'both'; indent?: boolean; before?: number; after?: number } = {}): Paragraph {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  const align = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[options.align ?? 'left'];
  return new Paragraph({
    alignment: align,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 288 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: list.map((r) => new TextRun({ text: r.text, font: FONT, size: Math.round((r.size ?? 14) * 2), bold: r.bold ?? false, italics: r.italics ?? false, ...(r.underline ? { underline: {} } : {}) })),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

/** A table without borders: the header's two blocks and the signature blocks. */
function layoutTable(columns: { share: number; children: Paragraph[] }[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => Math.round(c.share * TEXT_WIDTH)),
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: columns.map((c) => new TableCell({ width: { size: Math.round(c.share * TEXT_WIDTH), type: WidthType.DXA }, margins: { left: 0, right: 0 }, children: c.children, borders: NO_BORDERS })),
      }),
    ],
  });
}

function listTable(l: Letter): Table {
  const total = l.table.widths.reduce((a, b) => a + b, 0);
  const widths = l.table.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { fill: 'E8ECF4' } } : {}),
      children: [para([{ text, bold: header, size: 11.5 }], { align: header || i === 0 || i === 3 ? 'center' : 'left' })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: l.table.header.map((h, i) => cell(h, i, true)) }),
      ...l.table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function section(l: Letter): ISectionOptions {
  const [maker, head] = l.signatures;
  const [first, ...rest] = l.recipients;
  return {
    properties: { page: { size: PAGE, margin: MARGIN } },
    children: [
      layoutTable([
        {
          share: 0.36,
          children: [
            ...(l.issuer.superior ? [para([{ text: l.issuer.superior, size: 12 }], { align: 'center' })] : []),
            para([{ text: l.issuer.unit, bold: true, size: 12 }], { align: 'center' }),
            para([{ text: '________', size: 10 }], { align: 'center' }),
            para([{ text: l.number, size: 13 }], { align: 'center', before: 60 }),
            para([{ text: l.subject, size: 12 }], { align: 'center' }),
          ],
        },
        {
          share: 0.64,
          children: [
            para([{ text: l.motto[0], bold: true, size: 12 }], { align: 'center' }),
            para([{ text: l.motto[1], bold: true, size: 13 }], { align: 'center' }),
            para([{ text: '________________', size: 10 }], { align: 'center' }),
            para([{ text: l.placeDate, italics: true, size: 13 }], { align: 'center', before: 60 }),
          ],
        },
      ]),
      para([{ text: l.recipient, size: 14 }], { align: 'center', before: 360, after: 240 }),
      para([{ text: l.intro, size: 14 }], { align: 'both', indent: true, after: 120 }),
      listTable(l),
      para([{ text: l.closing, size: 14 }], { align: 'both', indent: true, before: 120, after: 240 }),
      layoutTable([
        { share: 0.45, children: [para([{ text: maker?.title ?? '', bold: true, size: 13 }], { align: 'center' }), para([{ text: maker?.note ?? '', italics: true, size: 12 }], { align: 'center' })] },
        { share: 0.55, children: [para([{ text: head?.title ?? '', bold: true, size: 13 }], { align: 'center' }), para([{ text: head?.note ?? '', italics: true, size: 12 }], { align: 'center' })] },
      ]),
      para('', { before: 1200 }),
      para([{ text: first ?? '', bold: true, italics: true, size: 12 }]),
      ...rest.map((t) => para([{ text: t, size: 11 }])),
    ],
  };
}

export async function remindersDocx(r: RemindersJson): Promise<Buffer> {
  const letters = lettersOf(r);
  const doc = new Document({
    creator: 'KiemChung',
    title: letters[0]?.subject ?? 'Công văn đôn đốc',
    description: 'Công văn đôn đốc gửi tài liệu kiểm chứng',
    lastModifiedBy: 'KiemChung',
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: letters.map(section),
  });
  return Packer.toBuffer(doc);
}
