// A pack typed as a table (CSV or a spreadsheet's first sheet): find the header, map its columns,
// read each row into a criterion, and collect every problem with its spreadsheet row and column.

import { normalizeCriterionCode, type Criterion } from '../../../shared/pack.js';
import { packFact, type PackProblemFact } from '../../../shared/pack-problems.js';
import { nfc } from '../../../shared/vietnamese.js';
import type { CriterionDraft, DraftLocation } from './assemble.js';
import { COLUMN_SPECS, fieldOfHeader, type ColumnField } from './columns.js';
import { BadDateError, deriveEvidenceSlots, deriveKeywords, parseDeadline } from './derive.js';
import { packProblem, type PackProblem } from './errors.js';
import { normalizeKeywords, parseEvidenceCell } from './evidence-cell.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number as a spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

export interface TableInput {
  rows: SheetRow[];
  /** CSV delimiter, when the table came from a CSV file (enables repair of unquoted commas). */
  delimiter: string | null;
  /** Pack year if already known (to date "Quý I (kế hoạch)" slots). */
  year: number | null;
}

export interface TableResult {
  drafts: CriterionDraft[];
  problems: PackProblem[];
  warnings: PackProblem[];
}

const HEADER_SEARCH_ROWS = 20;

function isoFromDate(d: Date): string {
  // exceljs reads date cells as UTC midnight.
  return d.toISOString().slice(0, 10);
}

/** Text of a cell: trimmed, NFC, line breaks as \n. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoFromDate(c);
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return nfc(c).replace(/\r\n?/g, '\n').trim();
}

function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** A comma inside "(hàng quý, 6 tháng, năm)" left unquoted splits a value; join such pieces back. */
function repairUnbalanced(cells: Cell[], delimiter: string): Cell[] {
  const out: Cell[] = [];
  let acc: string | null = null;
  let depth = 0;
  for (const c of cells) {
    const text = typeof c === 'string' ? c : cellText(c);
    if (acc === null) {
      acc = text;
    } else {
      acc = `${acc}${delimiter}${text}`;
    }
    for (const ch of text) {
      if (ch === '(') depth++;
      else if (ch === ')' && depth > 0) depth--;
    }
    if (depth === 0) {
      out.push(acc);
      acc = null;
    }
  }
  if (acc !== null) out.push(acc);
  return out;
}

interface Header {
  row: number;
  names: string[];
  fields: Map<ColumnField, number>;
}

function findHeader(rows: readonly SheetRow[], problems: PackProblem[], warnings: PackProblem[]): Header | null {
  const candidates = rows.filter((r) => !isEmptyRow(r.cells)).slice(0, HEADER_SEARCH_ROWS);
  const score = (r: SheetRow): number => r.cells.filter((c) => fieldOfHeader(cellText(c)) !== null).length;
  const chosen =
    candidates.find((r) => {
      const fields = r.cells.map((c) => fieldOfHeader(cellText(c)));
      return fields.includes('code') && fields.includes('title');
    }) ??
    candidates.find((r) => score(r) >= 2) ??
    candidates[0];
  if (!chosen) {
    problems.push(packProblem(null, null, 'file-empty'));
    return null;
  }
  const names = chosen.cells.map((c) => cellText(c));
  const fields = new Map<ColumnField, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    const field = fieldOfHeader(name);
    if (field === null) {
      warnings.push(packProblem(chosen.row, name, 'column-unused'));
      return;
    }
    const prev = fields.get(field);
    if (prev !== undefined) {
      problems.push(packProblem(chosen.row, name, 'column-duplicate', { column: name, other: names[prev] ?? '' }));
      return;
    }
    fields.set(field, i);
  });
  const missing = COLUMN_SPECS.filter((s) => s.required && !fields.has(s.field));
  for (const s of missing) {
    const header = names.filter((n) => n !== '').map((n) => `'${n}'`).join(', ') || '—';
    problems.push(packProblem(chosen.row, null, 'column-missing', { vi: s.vi, en: s.en, header }));
  }
  return missing.length > 0 ? null : { row: chosen.row, names, fields };
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** Points as typed: "2", "1,5", "1.5"; null for an empty cell. */
export function parsePoints(c: Cell | undefined): { value: number | null; error: PackProblemFact | null } {
  const refused = { value: null, error: packFact('points-invalid', { value: cellText(c) }) };
  if (typeof c === 'number') return Number.isFinite(c) && c >= 0 ? { value: c, error: null } : refused;
  const text = cellText(c).replace(/\s+/g, '');
  if (text === '') return { value: null, error: null };
  if (!NUMBER.test(text)) return refused;
  const value = Number(text.replace(',', '.'));
  if (value < 0) return refused;
  return { value, error: null };
}

/** An Excel serial day number (unformatted date cell) as an ISO date, if plausible. */
function serialToIso(n: number): string | null {
  if (!Number.isInteger(n) || n < 20000 || n > 80000) return null;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

export function readTable(input: TableInput): TableResult {
  const problems: PackProblem[] = [];
  const warnings: PackProblem[] = [];
  const drafts: CriterionDraft[] = [];
  const header = findHeader(input.rows, problems, warnings);
  if (!header) return { drafts, problems, warnings };

  const width = header.names.length;
  const colName = (field: string): string | null => {
    const i = header.fields.get(field as ColumnField);
    if (i !== undefined) return header.names[i] ?? null;
    // Slots derived from an expected-result column are that column's business.
    if (field === 'evidence') {
      const j = header.fields.get('expectedResult');
      return j !== undefined ? (header.names[j] ?? null) : null;
    }
    return null;
  };
  const hasEvidenceColumn = header.fields.has('evidence');

  for (const r of input.rows) {
    if (r.row <= header.row || isEmptyRow(r.cells)) continue;
    let cells = r.cells;
    if (input.delimiter !== null && cells.length > width) {
      const repaired = repairUnbalanced(cells, input.delimiter);
      if (repaired.length <= width || repaired.slice(width).every((c) => cellText(c) === '')) {
        warnings.push(packProblem(r.row, null, 'delimiter-in-brackets', { delimiter: input.delimiter }));
        cells = repaired;
      }
    }
    if (input.delimiter !== null && cells.slice(width).some((c) => cellText(c) !== '')) {
      problems.push(packProblem(r.row, null, 'row-width', { cells: cells.length, width, delimiter: input.delimiter }));
      continue;
    }
    const get = (field: ColumnField): Cell | undefined => {
      const i = header.fields.get(field);
      return i === undefined ? undefined : cells[i];
    };
    const text = (field: ColumnField): string => cellText(get(field));
    const opt = (field: ColumnField): string | null => {
      const t = text(field);
      return t === '' ? null : t;
    };
    const where: DraftLocation = { row: r.row, column: colName, label: `row ${r.row}` };
    const bad = (field: ColumnField, fact: PackProblemFact): void => {
      problems.push(packProblem(r.row, colName(field), fact.kind, fact.params));
    };

    const rawCode = get('code');
    const codeText = text('code');
    const code = codeText === '' ? null : normalizeCriterionCode(codeText);
    if (codeText === '') bad('code', packFact('code-empty'));
    else if (code === null) bad('code', packFact('code-invalid', { value: codeText }));

    const title = text('title').replace(/\s+/g, ' ');
    if (title === '') bad('title', packFact('title-empty'));

    let parent: string | null = null;
    const parentText = text('parent');
    if (parentText !== '') {
      parent = normalizeCriterionCode(parentText);
      if (parent === null) bad('parent', packFact('parent-invalid', { value: parentText }));
    }

    const points = parsePoints(get('maxPoints'));
    if (points.error !== null) bad('maxPoints', points.error);

    let due: string | null = null;
    let dueText: string | null = null;
    const dueCell = get('due');
    if (dueCell instanceof Date) {
      due = isoFromDate(dueCell);
    } else if (typeof dueCell === 'number') {
      due = serialToIso(dueCell);
      if (due === null) bad('due', packFact('date-invalid', { value: String(dueCell) }));
    } else {
      try {
        ({ due, dueText } = parseDeadline(text('due')));
      } catch (e) {
        if (!(e instanceof BadDateError)) throw e;
        bad('due', packFact('date-invalid', { value: e.value }));
      }
    }

    const expectedResult = opt('expectedResult');
    const safeCode = code ?? codeText;
    let evidence: Criterion['evidence'] = [];
    if (hasEvidenceColumn) {
      const parsed = parseEvidenceCell(text('evidence'), safeCode);
      for (const e of parsed.errors) bad('evidence', e);
      evidence = parsed.slots;
    } else if (expectedResult !== null) {
      evidence = deriveEvidenceSlots(safeCode, expectedResult, { dueText, year: input.year });
    }

    const keywordText = text('keywords');
    const keywords = keywordText !== '' ? normalizeKeywords(keywordText.split(/[;\n]/)) : deriveKeywords(title);

    // A row with problems still takes part in the checks across rows (duplicates, parents);
    // the import fails as a whole anyway.
    if (code === null) continue;
    drafts.push({
      criterion: {
        code,
        title,
        parent,
        maxPoints: points.value,
        responsible: opt('responsible'),
        collaborators: opt('collaborators'),
        due,
        dueText,
        scoringRule: opt('scoringRule'),
        expectedResult,
        keywords,
        evidence,
      },
      explicitParent: parent !== null,
      where,
      numericCode: typeof rawCode === 'number',
    });
  }
  return { drafts, problems, warnings };
}
