// A small flowing layout over pdf-lib: paragraphs and tables that wrap, break across pages and
// repeat the table header; page numbers are painted once the page count is known.
import { fillAndStroke, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingColor, setLineWidth, setStrokingColor, stroke, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Fonts } from './pdf-fonts.js';

export const A4: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type TableRow = { kind: 'group'; text: string } | { kind: 'cells'; cells: string[]; bold?: boolean };

const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.92, 0.93, 0.96);

// fontkit lays out every string it measures, which costs ~0.1 ms a call: a 2,000-row table took
// 20 s measuring growing lines. Widths are cached per word at size 1 and summed (kerning across a
// space is negligible at these sizes).
const widthCache = new WeakMap<PDFFont, Map<string, number>>();

function wordWidth(font: PDFFont, word: string): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let w = cache.get(word);
  if (w === undefined) {
    w = font.widthOfTextAtSize(word, 1);
    if (cache.size < 200_000) cache.set(word, w);
  }
  return w;
}

/** Width of `text` at `size`, from cached word widths. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const words = text.split(' ');
  let w = (words.length - 1) * wordWidth(font, ' ');
  for (const word of words) if (word !== '') w += wordWidth(font, word);
  return w * size;
}

/** Splits text into lines no wider than `width`; words longer than a line are cut by character. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const next = line ? `${line} ${word}` : word;
      if (textWidth(font, next, size) <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (textWidth(font, rest, size) > width) {
        const chars = Array.from(rest);
        let n = chars.length - 1;
        while (n > 1 && font.widthOfTextAtSize(chars.slice(0, n).join(''), size) > width) n--;
        lines.push(chars.slice(0, n).join(''));
        rest = chars.slice(n).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class Flow {
  readonly pages: PDFPage[] = [];
  private page: PDFPage | null = null;
  private y = 0;
  readonly width: number;

  constructor(
    readonly fonts: Fonts,
    private readonly size: [number, number],
    private readonly margin: number,
    private readonly addPage: (size: [number, number]) => PDFPage,
  ) {
    this.width = size[0] - 2 * margin;
  }

  private get bottom(): number {
    return this.margin + 14; // room for the page number
  }

  newPage(): PDFPage {
    this.page = this.addPage(this.size);
    this.pages.push(this.page);
    this.y = this.size[1] - this.margin;
    return this.page;
  }

  private current(): PDFPage {
    return this.page ?? this.newPage();
  }

  /** Starts a new page unless `height` more fits on this one. */
  ensure(height: number): void {
    if (!this.page || this.y - height < this.bottom) this.newPage();
  }

  space(h: number): void {
    this.current();
    this.y -= h;
  }

  paragraph(text: string, options: { font?: PDFFont; size?: number; align?: 'left' | 'center' | 'right'; x?: number; width?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 10;
    const x0 = this.margin + (options.x ?? 0);
    const width = options.width ?? this.width - (options.x ?? 0);
    const lh = size * 1.35;
    for (const line of wrapText(text, font, size, width)) {
      this.ensure(lh);
      const page = this.current();
      this.y -= lh;
      const w = font.widthOfTextAtSize(line, size);
      const x = options.align === 'center' ? x0 + (width - w) / 2 : options.align === 'right' ? x0 + width - w : x0;
      page.drawText(line, { x, y: this.y + size * 0.3, size, font, ...(options.color ? { color: options.color } : {}) });
    }
  }

  /** Two texts on one line, centred in the left and right halves (issuer block and national motto). */
  twoColumns(left: string[], right: string[], font: PDFFont, size: number): void {
    const lh = size * 1.35;
    const half = this.width / 2;
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      this.ensure(lh);
      const page = this.current();
      this.y -= lh;
      for (const [text, x0] of [[left[i], this.margin], [right[i], this.margin + half]] as const) {
        if (!text) continue;
        const w = font.widthOfTextAtSize(text, size);
        page.drawText(text, { x: x0 + (half - w) / 2, y: this.y + size * 0.3, size, font });
      }
    }
  }

  table(columns: Column[], rows: TableRow[], size = 8.5): void {
    const lh = size * 1.3;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = this.width / total;
    const widths = columns.map((c) => c.width * scale);
    const drawHeader = (): void => {
      const lines = columns.map((c, i) => wrapText(c.header, this.fonts.bold, size, (widths[i] ?? 0) - 2 * pad));
      const h = Math.max(...lines.map((l) => l.length)) * lh + 2 * pad;
      this.ensure(h + lh + 2 * pad);
      this.drawCells(lines, widths, h, size, lh, pad, this.fonts.bold, columns, SHADE);
    };
    drawHeader();
    for (const row of rows) {
      if (row.kind === 'group') {
        const lines = wrapText(row.text, this.fonts.bold, size, this.width - 2 * pad);
        const h = lines.length * lh + 2 * pad;
        if (!this.page || this.y - h < this.bottom) {
          this.newPage();
          drawHeader();
        }
        this.drawCells([lines], [this.width], h, size, lh, pad, this.fonts.bold, [{ header: '', width: 1 }], SHADE);
        continue;
      }
      const font = row.bold ? this.fonts.bold : this.fonts.regular;
      const lines = columns.map((_, i) => wrapText(row.cells[i] ?? '', font, size, (widths[i] ?? 0) - 2 * pad));
      const h = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * pad;
      if (!this.page || this.y - h < this.bottom) {
        this.newPage();
        drawHeader();
      }
      this.drawCells(lines, widths, h, size, lh, pad, font, columns, null);
    }
  }

  private drawCells(lines: string[][], widths: number[], h: number, size: number, lh: number, pad: number, font: PDFFont, columns: Column[], fill: ReturnType<typeof rgb> | null): void {
    const page = this.current();
    let x = this.margin;
    const top = this.y;
    // The row's cell borders (and shading) as one path of rectangles painted once: the same
    // picture as a drawRectangle per cell, at a fraction of pdf-lib's per-call cost (14,000
    // cells in a 2,000-row list).
    const ops = [pushGraphicsState(), setStrokingColor(RULE), setLineWidth(0.5)];
    if (fill) ops.push(setFillingColor(fill));
    let rx = x;
    for (let i = 0; i < lines.length; i++) {
      const w = widths[i] ?? 0;
      ops.push(rectangle(rx, top - h, w, h));
      rx += w;
    }
    ops.push(fill ? fillAndStroke() : stroke(), popGraphicsState());
    page.pushOperators(...ops);
    lines.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      const align = columns[i]?.align ?? 'left';
      cell.forEach((line, j) => {
        const tw = textWidth(font, line, size);
        const tx = align === 'center' ? x + (w - tw) / 2 : align === 'right' ? x + w - pad - tw : x + pad;
        page.drawText(line, { x: tx, y: top - pad - (j + 1) * lh + size * 0.3, size, font });
      });
      x += w;
    });
    this.y -= h;
  }

  /** "Trang n/N" at the foot of every page of this flow. */
  numberPages(offset = 0, total?: number): void {
    const n = total ?? this.pages.length;
    this.pages.forEach((page, i) => {
      const text = `Trang ${i + 1 + offset}/${n}`;
      const size = 8;
      const w = this.fonts.regular.widthOfTextAtSize(text, size);
      page.drawText(text, { x: this.size[0] - this.margin - w, y: this.margin - 4, size, font: this.fonts.regular, color: GREY });
    });
  }
}

export function appendPage(doc: PDFDocument): (size: [number, number]) => PDFPage {
  return (size) => doc.addPage(size);
}
