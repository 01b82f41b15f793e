// Reminder letters as PDF: A4 portrait, margins of Nghị định 30/2020 (top/bottom 20 mm, left
// 30 mm, right 15 mm), Be Vietnam Pro embedded (bundle/pdf-fonts.ts), one letter per office, each
// starting on a new page. Text is wrapped with the bundle's measuring (bundle/pdf-layout.ts).
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { RemindersJson } from '../../../shared/api-values.js';
import { embedFonts, type Fonts } from '../bundle/pdf-fonts.js';
import { A4, textWidth, wrapText } from '../bundle/pdf-layout.js';
import { lettersOf, type Letter } from './letter.js';

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const RULE = rgb(0.3, 0.3, 0.3);
const SHADE = rgb(0.92, 0.93, 0.96);

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  indent?: number;
}

class LetterWriter {
  private page: PDFPage | null = null;
  private y = 0;
  readonly left = MARGIN.left;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  private ensure(h: number): PDFPage {
    if (!this.page || this.y - h < MARGIN.bottom) this.newPage();
    return this.page as PDFPage;
  }

  space(h: number): void {
    this.y -= h;
  }

  /** Wrapped lines of one column, as drawn from `top` (returns the height used). */
  private column(page: PDFPage, x: number, width: number, top: number, lines: Line[]): number {
    let y = top;
    for (const l of lines) {
      const lh = l.size * 1.3;
      const wrapped = wrapText(l.text, l.font, l.size, width - (l.indent ?? 0));
      wrapped.forEach((text, i) => {
        y -= lh;
        const w = textWidth(l.font, text, l.size);
        const x0 = x + (i === 0 ? (l.indent ?? 0) : 0);
        const tx = l.align === 'center' ? x + (width - w) / 2 : l.align === 'right' ? x + width - w : x0;
        page.drawText(text, { x: tx, y: y + l.size * 0.28, size: l.size, font: l.font });
      });
    }
    return top - y;
  }

  private heightOf(width: number, lines: Line[]): number {
    return lines.reduce((h, l) => h + wrapText(l.text, l.font, l.size, width - (l.indent ?? 0)).length * l.size * 1.3, 0);
  }

  /** Columns side by side from the current line (issuer and motto; Nơi nhận and signatures). */
  columns(cols: { from: number; to: number; lines: Line[]; rule?: boolean }[]): void {
    const h = Math.max(...cols.map((c) => this.heightOf((c.to - c.from) * this.width, c.lines)));
    const page = this.ensure(h);
    let used = 0;
    for (const c of cols) {
      const x = this.left + c.from * this.width;
      const w = (c.to - c.from) * this.width;
      const hc = this.column(page, x, w, this.y, c.lines);
      used = Math.max(used, hc);
      if (c.rule) {
        // The short rule under the unit's name and under the motto (Nghị định 30, Phụ lục I).
        const first = c.lines[c.lines.length - 1];
        if (first) {
          const tw = Math.min(w * 0.6, textWidth(first.font, first.text, first.size));
          page.drawLine({ start: { x: x + (w - tw) / 2, y: this.y - hc - 2 }, end: { x: x + (w + tw) / 2, y: this.y - hc - 2 }, thickness: 0.6, color: RULE });
        }
      }
    }
    this.y -= used;
  }

  lines(lines: Line[]): void {
    for (const l of lines) {
      const lh = l.size * 1.3;
      const wrapped = wrapText(l.text, l.font, l.size, this.width - (l.indent ?? 0));
      wrapped.forEach((text, i) => {
        const page = this.ensure(lh);
        this.y -= lh;
        const x0 = this.left + (i === 0 ? (l.indent ?? 0) : 0);
        const w = textWidth(l.font, text, l.size);
        const tx = l.align === 'center' ? this.left + (this.width - w) / 2 : l.align === 'right' ? this.left + this.width - w : x0;
        page.drawText(text, { x: tx, y: this.y + l.size * 0.28, size: l.size, font: l.font });
      });
    }
  }

  table(header: string[], widths: number[], rows: string[][], size: number): void {
    const total = widths.reduce((a, b) => a + b, 0);
    const ws = widths.map((w) => (w / total) * this.width);
    const pad = 3;
    const lh = size * 1.3;
    const cellLines = (cells: string[], font: PDFFont): string[][] => cells.map((c, i) => wrapText(c, font, size, (ws[i] ?? 0) - 2 * pad));
    const draw = (cells: string[][], font: PDFFont, fill: boolean): void => {
      const h = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
      const page = this.ensure(h);
      let x = this.left;
      cells.forEach((lines, i) => {
        const w = ws[i] ?? 0;
        page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: RULE, borderWidth: 0.5, ...(fill ? { color: SHADE } : {}) });
        lines.forEach((text, j) => {
          const tw = textWidth(font, text, size);
          const tx = i === 0 || fill ? x + (w - tw) / 2 : x + pad;
          page.drawText(text, { x: tx, y: this.y - pad - (j + 1) * lh + size * 0.28, size, font });
        });
        x += w;
      });
      this.y -= h;
    };
    const head = cellLines(header, this.fonts.bold);
    const headH = Math.max(...head.map((c) => c.length)) * lh + 2 * pad;
    this.ensure(headH + lh + 2 * pad);
    draw(head, this.fonts.bold, true);
    for (const r of rows) {
      const cells = cellLines(r, this.fonts.regular);
      const h = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
      if (this.y - h < MARGIN.bottom) {
        this.newPage();
        draw(head, this.fonts.bold, true);
      }
      draw(cells, this.fonts.regular, false);
    }
  }
}

function drawLetter(w: LetterWriter, l: Letter): void {
  const { regular, bold, italic } = w.fonts;
  w.newPage();
  const issuer: Line[] = [
    ...(l.issuer.superior ? [{ text: l.issuer.superior, font: regular, size: 11.5, align: 'center' as const }] : []),
    { text: l.issuer.unit, font: bold, size: 11.5, align: 'center' },
  ];
  w.columns([
    { from: 0, to: 0.42, lines: issuer, rule: true },
    { from: 0.42, to: 1, lines: [{ text: l.motto[0], font: bold, size: 11.5, align: 'center' }, { text: l.motto[1], font: bold, size: 12.5, align: 'center' }], rule: true },
  ]);
  w.space(10);
  w.columns([
    { from: 0, to: 0.42, lines: [{ text: l.number, font: regular, size: 12, align: 'center' }, { text: l.subject, font: regular, size: 11, align: 'center' }] },
    { from: 0.42, to: 1, lines: [{ text: l.placeDate, font: italic, size: 12, align: 'center' }] },
  ]);
  w.space(16);
  w.lines([{ text: l.recipient, font: regular, size: 13, align: 'center' }]);
  w.space(10);
  w.lines([{ text: l.intro, font: regular, size: 12, indent: 28 }]);
  w.space(6);
  w.table(l.table.header, l.table.widths, l.table.rows, 10);
  w.space(8);
  w.lines([{ text: l.closing, font: regular, size: 12, indent: 28 }]);
  w.space(14);
  const [maker, head] = l.signatures;
  w.columns([
    { from: 0, to: 0.45, lines: [{ text: maker?.title ?? '', font: bold, size: 12, align: 'center' }, { text: maker?.note ?? '', font: italic, size: 11, align: 'center' }] },
    { from: 0.45, to: 1, lines: [{ text: head?.title ?? '', font: bold, size: 12, align: 'center' }, { text: head?.note ?? '', font: italic, size: 11, align: 'center' }] },
  ]);
  w.space(64);
  const [first, ...rest] = l.recipients;
  w.lines([{ text: first ?? '', font: bold, size: 11 }, ...rest.map((t) => ({ text: t, font: regular, size: 10 }))]);
}

export async function remindersPdf(r: RemindersJson, createdAt: Date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const letters = lettersOf(r);
  doc.setTitle(letters[0]?.subject ?? 'Công văn đôn đốc');
  doc.setCreator('KiemChung');
  doc.setProducer('KiemChung');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  const w = new LetterWriter(doc, fonts);
  for (const l of letters) drawLetter(w, l);
  return doc.save();
}
