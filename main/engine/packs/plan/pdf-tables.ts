// Tables in a PDF's printed lines. Each table starts at a header ("STT …", "TT NHIỆM VỤ …"); a
// header repeated at the top of a page continues the table, one after a numbered caption starts
// a new one. Two layouts:
//   - columns kept (a real table): cells sit in x-bands taken from the header's pieces; rows
//     start where the code column has text; a cell's wrapped lines are joined;
//   - columns lost (the table flowed into text, as in LibreOffice exports of converted plans):
//     rows start at a printed code and their text is cut into cells by segment.ts.

import { fieldOrderFromHeaderText, isHeaderWords, planFieldOfHeader, startsHeader } from './header.js';
import type { PdfLine } from './pdf-lines.js';
import { segmentRow } from './segment.js';
import type { PlanCells, PlanField, RawPlanRow } from '../../../../shared/plan-draft.js';
import { deadlineStartsAt, isCapital, officeGroupAt, toWords, type Word } from './words.js';

interface BodyLine {
  line: PdfLine;
  /** First line after a header repeated at a page top: the rest of a row the page break cut. */
  afterHeader: boolean;
}

export interface RawTable {
  caption: string | null;
  order: PlanField[];
  layout: 'table' | 'flowed-table';
  rows: RawPlanRow[];
  /** Rows whose office cells were not printed in the row (merged cells) and cuts that were guesses. */
  noOffice: Set<RawPlanRow>;
  guessed: Map<RawPlanRow, PlanField[]>;
  trailingOffice: Map<RawPlanRow, string>;
}

/** "1.3 …", "1.6", "IV …", "5.1.1": a printed code opening a row; years and counts are not codes. */
const ROW_CODE = /^((?:[1-9]\d?)(?:\.\d{1,2})*\.?|[IVX]{1,4})(?=\s|$)/u;
const SECTION_END = /^(?:[IVX]{1,4}\.\s+\p{Lu}{2,}|Nơi nhận|Trên đây là)/u;
const CAPTION_START = /^(?:(?:\d+|[IVX]{1,4})\.\s+\S|PHỤ LỤC|Phụ lục)/u;

export function rowCodeOf(text: string): string | null {
  const m = ROW_CODE.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  return m[1].replace(/\.$/, '');
}

function lineWidth(l: PdfLine): number {
  const first = l.pieces[0];
  const last = l.pieces[l.pieces.length - 1];
  return first && last ? last.x + last.width - first.x : 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function findPdfTables(lines: readonly PdfLine[]): RawTable[] {
  const tables: RawTable[] = [];
  const widest = Math.max(0, ...lines.map(lineWidth));
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line || !startsHeader(line.text)) {
      i++;
      continue;
    }
    // The caption: the numbered heading just above the header (within three lines).
    let caption: string | null = null;
    for (let b = i - 1; b >= Math.max(0, i - 3); b--) {
      const t = lines[b]?.text ?? '';
      if (CAPTION_START.test(t)) {
        caption = lines
          .slice(b, i)
          .map((l) => l.text)
          .join(' ');
        break;
      }
    }
    const headerLines: PdfLine[] = [line];
    let j = i + 1;
    while (j < lines.length && isHeaderWords(lines[j]?.text ?? '') && rowCodeOf(lines[j]?.text ?? '') === null) {
      const l = lines[j];
      if (l) headerLines.push(l);
      j++;
    }
    const headerText = headerLines.map((l) => l.text).join(' ');
    // Body: until the next captioned header, a section heading, or the end.
    const body: BodyLine[] = [];
    let afterHeader = false;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l) break;
      if (SECTION_END.test(l.text)) break;
      if (startsHeader(l.text)) {
        // A header at the top of a page repeats this table's; anywhere else it opens a new
        // table, and the caption lines above it are that table's, not this one's last row.
        const pageTop = lines[j - 1]?.page !== l.page;
        let b = j;
        for (let k = j - 1; k >= Math.max(0, j - 3); k--) if (CAPTION_START.test(lines[k]?.text ?? '')) b = k;
        if (!pageTop && b < j) {
          body.splice(Math.max(0, body.length - (j - b)));
          break;
        }
        // A header repeated on a new page: skip it and its continuation lines.
        while (j + 1 < lines.length && isHeaderWords(lines[j + 1]?.text ?? '') && rowCodeOf(lines[j + 1]?.text ?? '') === null) j++;
        afterHeader = true;
        continue;
      }
      body.push({ line: l, afterHeader });
      afterHeader = false;
    }
    const columnsKept = line.pieces.length >= 3;
    const table = columnsKept ? gridTable(caption, headerLines, body) : flowedTable(caption, headerText, body, widest);
    tables.push(table);
    i = j;
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------

function flowedTable(caption: string | null, headerText: string, body: readonly BodyLine[], widest: number): RawTable {
  const order = fieldOrderFromHeaderText(headerText);
  const cellLines = body.length > 0 && median(body.map((b) => lineWidth(b.line))) < widest * 0.6;
  const margin = Math.min(...body.map((b) => b.line.pieces[0]?.x ?? 0));
  const table: RawTable = { caption, order, layout: 'flowed-table', rows: [], noOffice: new Set(), guessed: new Map(), trailingOffice: new Map() };
  interface Pending {
    code: string | null;
    words: Word[];
    page: number;
    excerpt: string;
  }
  const pendings: Pending[] = [];
  let prevWasDeadline = false;
  for (const { line: l, afterHeader } of body) {
    const code = rowCodeOf(l.text);
    const cur = pendings[pendings.length - 1];
    const lineText = code !== null ? l.text.trim().slice(code.length).replace(/^\.\s*/, '') : l.text;
    const words = toWords(lineText, cellLines);
    // Rows printed without a code: in running text a new (indented) paragraph that starts with a
    // capital; in cell-lines an office name right after a deadline ended the row above. Either
    // way, in cell-lines, not the first line after a page-top header: it goes on with the cut row.
    const indented = !cellLines && (l.pieces[0]?.x ?? 0) > margin + 8 && isCapital(words[0]);
    const newSubRow = cellLines && prevWasDeadline && officeGroupAt(words, 0) !== null;
    // (In running text the page-top rest of a cut row starts lower-case, so an indented capital
    // still opens a row there.)
    const startsRow = code !== null || cur === undefined || indented || (!afterHeader && newSubRow);
    if (startsRow || !cur) {
      pendings.push({ code, words, page: l.page, excerpt: l.text.slice(0, 80) });
    } else {
      cur.words.push(...words);
    }
    prevWasDeadline = cellLines && deadlineStartsAt(words, 0) && words.length <= 6;
  }
  const fields = order.filter((f) => f !== 'code');
  for (const p of pendings) {
    const printed = p.code;
    const roman = printed !== null && /^[IVX]+$/.test(printed);
    // Without its code a row of a Mục tiêu table is one more task of the Mục tiêu above.
    const rowFields = roman ? (['title'] as PlanField[]) : printed === null ? fields.filter((f) => f !== 'target') : fields;
    // A row printed without its code that opens with an office continues the row above.
    const seg = segmentRow(p.words, rowFields, printed === null);
    const row: RawPlanRow = {
      printedCode: printed,
      cells: seg.cells,
      source: { page: p.page, table: null, row: null, excerpt: p.excerpt },
      heading: false,
    };
    if (seg.noOffice) {
      // Nothing but a short title under an area-like code: an area or group heading.
      const words = p.words.length;
      const areaCode = printed !== null && /^(?:[1-9]\d?|[IVX]+)$/.test(printed);
      if ((areaCode && words <= 16) || roman) {
        row.heading = true;
        row.cells = { title: p.words.map((w) => w.text).join(' ').replace(/^[-–]\s*/, '') };
      } else {
        table.noOffice.add(row);
      }
    }
    if (roman) row.heading = true;
    if (seg.guessed.length > 0) table.guessed.set(row, seg.guessed);
    if (seg.trailingOffice !== null) table.trailingOffice.set(row, seg.trailingOffice);
    table.rows.push(row);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------

function gridTable(caption: string | null, headerLines: readonly PdfLine[], bodyLines: readonly BodyLine[]): RawTable {
  const body = bodyLines.map((b) => b.line);
  // Column x-bands: each header piece starts a column; a band runs to the next column's start.
  const head = headerLines[0];
  const starts = (head?.pieces ?? []).map((p) => ({ x: p.x, text: p.text }));
  // Header pieces that wrapped onto further lines join the column they sit in.
  for (const l of headerLines.slice(1)) {
    for (const p of l.pieces) {
      const col = columnOf(starts, p.x);
      const s = starts[col];
      if (s) s.text = `${s.text} ${p.text}`;
    }
  }
  const order = starts.map((s) => planFieldOfHeader(s.text) ?? 'title');
  const codeCol = order.indexOf('code');
  const table: RawTable = { caption, order, layout: 'table', rows: [], noOffice: new Set(), guessed: new Map(), trailingOffice: new Map() };
  let cur: { cells: string[]; page: number; excerpt: string } | null = null;
  const flush = (): void => {
    if (!cur) return;
    const cells: PlanCells = {};
    order.forEach((f, k) => {
      const v = (cur?.cells[k] ?? '').replace(/\s+/g, ' ').trim();
      if (v !== '' && f !== 'code') cells[f] = cells[f] ? `${cells[f] ?? ''}; ${v}` : v;
    });
    const printed = codeCol >= 0 ? (cur.cells[codeCol] ?? '').trim() : '';
    const code = printed === '' ? null : (rowCodeOf(printed) ?? printed);
    const onlyTitle = Object.keys(cells).every((f) => f === 'title');
    table.rows.push({
      printedCode: code,
      cells,
      source: { page: cur.page, table: null, row: null, excerpt: cur.excerpt },
      heading: onlyTitle && code !== null && /^(?:[1-9]\d?|[IVX]+)$/.test(code),
    });
    cur = null;
  };
  for (const l of body) {
    const opensRow = codeCol >= 0 && l.pieces.some((p) => columnOf(starts, p.x) === codeCol);
    if (opensRow || !cur) {
      flush();
      cur = { cells: order.map(() => ''), page: l.page, excerpt: l.text.slice(0, 80) };
    }
    for (const p of l.pieces) {
      const col = columnOf(starts, p.x);
      cur.cells[col] = `${cur.cells[col] ?? ''} ${p.text}`;
    }
  }
  flush();
  return table;
}

/** The column whose band holds x: the last column starting at or left of it (with a little slack). */
function columnOf(starts: readonly { x: number }[], x: number): number {
  let col = 0;
  starts.forEach((s, k) => {
    if (x >= s.x - 4) col = k;
  });
  return col;
}
