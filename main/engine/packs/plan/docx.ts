// A DOCX plan through mammoth's HTML: paragraphs as lines, tables as tables (merged cells come
// as rowspan/colspan and are spread over the rows and columns they cover).

import mammoth from 'mammoth';
import { nfc } from '../../../../shared/vietnamese.js';
import { isHeaderWords, planFieldOfHeader } from './header.js';
import { rowCodeOf, type RawTable } from './pdf-tables.js';
import type { PlanCells, PlanField, RawPlanRow } from '../../../../shared/plan-draft.js';

export interface DocxContent {
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  tables: RawTable[];
}

interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
}

interface HtmlTable {
  /** The paragraph just above the table. */
  caption: string | null;
  rows: HtmlCell[][];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function attr(attrs: string, name: string): number {
  const m = new RegExp(`${name}="(\\d+)"`).exec(attrs);
  return m?.[1] !== undefined ? Math.max(1, Number(m[1])) : 1;
}

/** mammoth's HTML is well formed and flat enough for a tag scanner (no scripts, no comments). */
function parseHtml(html: string): { paragraphs: string[]; tables: HtmlTable[] } {
  const paragraphs: string[] = [];
  const tables: HtmlTable[] = [];
  let depth = 0;
  let table: HtmlTable | null = null;
  let cell: HtmlCell | null = null;
  let para: string | null = null;
  const tag = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  for (const m of html.matchAll(tag)) {
    const [, close, nameRaw, attrs, text] = m;
    if (text !== undefined) {
      const t = decode(text);
      if (cell) cell.text += t;
      else if (para !== null) para += t;
      continue;
    }
    const name = (nameRaw ?? '').toLowerCase();
    if (name === 'table') {
      if (close) {
        depth--;
        if (depth === 0 && table) tables.push(table);
        if (depth === 0) table = null;
      } else {
        depth++;
        if (depth === 1) table = { caption: paragraphs[paragraphs.length - 1] ?? null, rows: [] };
      }
    } else if (depth === 1 && name === 'tr' && !close) {
      table?.rows.push([]);
    } else if (depth === 1 && (name === 'td' || name === 'th')) {
      if (!close) cell = { text: '', rowspan: attr(attrs ?? '', 'rowspan'), colspan: attr(attrs ?? '', 'colspan') };
      else if (cell) {
        table?.rows[table.rows.length - 1]?.push({ ...cell, text: nfc(cell.text).replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim() });
        cell = null;
      }
    } else if (cell && (name === 'p' || name === 'br' || name === 'li') && !close && cell.text !== '') {
      cell.text += '\n';
    } else if (depth === 0 && (name === 'p' || /^h[1-6]$/.test(name) || name === 'li')) {
      if (!close) para = '';
      else if (para !== null) {
        const t = nfc(para).replace(/\s+/g, ' ').trim();
        if (t !== '') paragraphs.push(t);
        para = null;
      }
    }
  }
  return { paragraphs, tables };
}

/** Rows with rowspan/colspan spread out; `spanned` marks the copies. */
function expand(rows: HtmlCell[][]): { text: string; spanned: boolean }[][] {
  const grid: { text: string; spanned: boolean }[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr] ??= [];
          const target = grid[r + dr];
          if (target) target[c + dc] = { text: dc === 0 ? cell.text : '', spanned: dr > 0 };
        }
      }
      c += cell.colspan;
    }
  });
  return grid;
}

function toRawTable(t: HtmlTable, index: number): RawTable | null {
  const grid = expand(t.rows);
  const fieldsOf = (row: { text: string }[] | undefined): (PlanField | null)[] => (row ?? []).map((c) => planFieldOfHeader(c.text));
  const h = grid.findIndex((row) => {
    const f = fieldsOf(row);
    return f.filter((x) => x !== null).length >= 2 && (f.includes('title') || f.includes('target') || f.includes('task'));
  });
  if (h < 0) return null;
  let order = fieldsOf(grid[h]);
  let first = h + 1;
  // A grouped header ("PHÂN CÔNG THỰC HIỆN" over "Chủ trì | Phối hợp") has a second header row.
  const sub = grid[h + 1];
  if (sub && sub.every((c) => c.text === '' || c.spanned || isHeaderWords(c.text))) {
    order = order.map((f, k) => (sub[k] && !sub[k].spanned ? (planFieldOfHeader(sub[k].text) ?? f) : f));
    first = h + 2;
  }
  const codeCol = order.indexOf('code');
  const table: RawTable = {
    caption: t.caption,
    order: order.map((f) => f ?? 'title'),
    layout: 'table',
    rows: [],
    noOffice: new Set(),
    guessed: new Map(),
    trailingOffice: new Map(),
  };
  grid.slice(first).forEach((row, k) => {
    const cells: PlanCells = {};
    order.forEach((f, col) => {
      const c = row[col];
      if (!c || f === null || f === 'code' || c.text === '') return;
      // A merged Mục tiêu is the target of the first row only; the rows below are its tasks.
      if (f === 'target' && c.spanned) return;
      cells[f] = cells[f] ? `${cells[f] ?? ''}\n${c.text}` : c.text;
    });
    const codeCell = codeCol >= 0 ? row[codeCol] : undefined;
    const printed = codeCell && !codeCell.spanned && codeCell.text !== '' ? (rowCodeOf(codeCell.text) ?? codeCell.text.trim()) : null;
    if (Object.keys(cells).length === 0 && printed === null) return;
    const onlyTitle = Object.keys(cells).every((f) => f === 'title' || f === 'target');
    if (onlyTitle && cells.target !== undefined && cells.title === undefined) {
      cells.title = cells.target;
    }
    const raw: RawPlanRow = {
      printedCode: printed,
      cells,
      source: { page: null, table: index + 1, row: first + k + 1, excerpt: `${printed ?? ''} ${cells.title ?? cells.target ?? cells.task ?? ''}`.trim().slice(0, 80) },
      heading: onlyTitle && printed !== null && /^(?:[1-9]\d?|[IVX]+)$/.test(printed) && !table.order.includes('task'),
    };
    if (onlyTitle && printed !== null && /^[IVX]+$/.test(printed)) raw.heading = true;
    table.rows.push(raw);
  });
  return table;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const parsed = parseHtml(value);
  const tables = parsed.tables.map(toRawTable).filter((t): t is RawTable => t !== null);
  return { paragraphs: parsed.paragraphs, tables };
}
