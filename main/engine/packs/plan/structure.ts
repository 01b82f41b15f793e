// From the rows of a plan's tables to draft criteria: which table or section is the PAR Index one,
// what code each row gets, rows printed without a code, cells merged across rows (rowspan) or cut
// by a page break, and Mục tiêu / Nhiệm vụ tables (a target with its tasks as sub-criteria).

import { foldForMatch } from '../../../../shared/vietnamese.js';
import type { RawTable } from './pdf-tables.js';
import type { DraftRow, PlanField, PlanSource, RawPlanRow, UnsureCell } from '../../../../shared/plan-draft.js';
import { officeGroupAt, toWords } from './words.js';

export interface Structured {
  rows: DraftRow[];
  unsure: UnsureCell[];
  section: string | null;
  skippedSections: string[];
}

const PAR = /par\s*in\s*dex|chi so cai cach hanh chinh/;
const ROMAN = /^[IVX]+$/;

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s.charAt(i)] ?? 0;
    const next = v[s.charAt(i + 1)] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

interface Picked {
  rows: RawPlanRow[];
  table: RawTable;
}

/** The PAR Index part when the plan marks one (a caption or a roman section), else everything. */
function pickRows(tables: readonly RawTable[]): { picked: Picked[]; section: string | null; skipped: string[] } {
  const skipped: string[] = [];
  const parTables = tables.filter((t) => PAR.test(foldForMatch(t.caption ?? '')));
  const kept = parTables.length > 0 && parTables.length < tables.length ? parTables : [...tables];
  for (const t of tables) if (!kept.includes(t) && t.caption) skipped.push(t.caption);
  let section = kept.length === 1 ? (kept[0]?.caption ?? null) : null;
  const picked: Picked[] = [];
  for (const t of kept) {
    // Roman rows cut a table into sections; if one of them is the PAR Index, only that one.
    const romans = t.rows.filter((r) => r.printedCode !== null && ROMAN.test(r.printedCode));
    const parRoman = romans.filter((r) => PAR.test(foldForMatch(r.cells.title ?? '')));
    if (parRoman.length === 0) {
      picked.push({ rows: t.rows, table: t });
      continue;
    }
    let keep = false;
    const rows: RawPlanRow[] = [];
    for (const r of t.rows) {
      if (r.printedCode !== null && ROMAN.test(r.printedCode)) {
        keep = parRoman.includes(r);
        if (!keep) skipped.push(`${r.printedCode}. ${r.cells.title ?? ''}`);
        else section = `${r.printedCode}. ${r.cells.title ?? ''}`;
        continue;
      }
      if (keep) rows.push(r);
    }
    picked.push({ rows, table: t });
  }
  return { picked, section, skipped };
}

function join(a: string | null, b: string | undefined): string | null {
  if (b === undefined || b === '') return a;
  if (a === null || a === '') return b;
  return a === b ? a : `${a}; ${b}`;
}

export function structureRows(tables: readonly RawTable[]): Structured {
  const { picked, section, skipped } = pickRows(tables);
  const unsure: UnsureCell[] = [];
  const out: DraftRow[] = [];
  const note = (code: string, field: PlanField, reason: UnsureCell['reason'], message: string, source: PlanSource): void => {
    unsure.push({ code, field, reason, message, source });
  };

  // Codes printed relative to roman sections (I → 1 …) when the same code repeats across them.
  const printed = picked.flatMap((p) => p.rows.map((r) => r.printedCode)).filter((c): c is string => c !== null && !ROMAN.test(c));
  const relative = new Set(printed).size < printed.length && picked.some((p) => p.rows.some((r) => r.printedCode !== null && ROMAN.test(r.printedCode)));

  const byCode = new Map<string, DraftRow>();
  const add = (row: DraftRow): DraftRow => {
    let code = row.code;
    if (byCode.has(code)) {
      let k = 2;
      while (byCode.has(`${code}.${k}`)) k++;
      note(code, 'code', 'duplicate-code', `code ${code} is printed twice; this row was numbered ${code}.${k}`, row.source);
      code = `${code}.${k}`;
    }
    const r = { ...row, code };
    byCode.set(code, r);
    out.push(r);
    return r;
  };

  for (const { rows, table } of picked) {
    const tasks = table.order.includes('target') && table.order.includes('task');
    let area: string | null = null;
    let lastHeading: DraftRow | null = null;
    let lastCriterion: DraftRow | null = null;
    let target: DraftRow | null = null;
    let taskCount = 0;
    for (const r of rows) {
      const pc = r.printedCode;
      if (pc !== null && ROMAN.test(pc)) {
        area = relative ? String(romanValue(pc)) : null;
        if (area !== null) {
          lastHeading = add(blank(area, r.cells.title ?? pc, r.source));
          lastCriterion = null;
          target = null;
        }
        continue;
      }
      const code = pc === null ? null : area !== null ? `${area}.${pc}` : pc;
      if (r.heading && code !== null) {
        lastHeading = add(blank(code, r.cells.title ?? '', r.source));
        lastCriterion = null;
        target = null;
        continue;
      }
      if (tasks) {
        // A Mục tiêu with its tasks: the target is the criterion, each task a sub-criterion.
        if (code !== null) {
          target = add(blank(code, r.cells.target ?? r.cells.task ?? '', r.source));
          taskCount = 0;
          if (!r.cells.target) note(target.code, 'title', 'split-guessed', 'no Mục tiêu was read; the task stands in for it', r.source);
        }
        if (!target) {
          const base = lastHeading?.code ?? area ?? '1';
          target = add(blank(`${base}.1`, r.cells.target ?? r.cells.task ?? '', r.source));
          note(target.code, 'code', 'code-inferred', 'the row prints no code; numbered after the heading above', r.source);
          taskCount = 0;
        }
        taskCount++;
        const task = add(fromCells(`${target.code}.${taskCount}`, r, r.cells.task ?? r.cells.target ?? ''));
        lastCriterion = task;
        flag(task, r, table, note);
        continue;
      }
      if (code === null) {
        if (lastCriterion && (!lastHeading || out.indexOf(lastCriterion) > out.indexOf(lastHeading))) {
          // A second sub-row of the criterion above (TV's merged code cell, BĐ's 2.4 with two offices).
          const c = lastCriterion;
          c.responsible = join(c.responsible, r.cells.responsible);
          c.collaborators = join(c.collaborators, r.cells.collaborators);
          c.expectedResult = join(c.expectedResult, r.cells.expectedResult);
          c.due = join(c.due, r.cells.due);
          if (r.cells.title) c.title = `${c.title} ${r.cells.title}`;
          note(c.code, 'expectedResult', 'row-merged', 'a row without a code was read as a second part of this criterion', r.source);
          continue;
        }
        const base = lastHeading?.code ?? '1';
        const inferred = `${base}.${out.filter((x) => x.parent === base || x.code.startsWith(`${base}.`)).length + 1}`;
        const c = add(fromCells(inferred, r, r.cells.title ?? ''));
        note(c.code, 'code', 'code-inferred', `the row prints no code; numbered ${c.code} after '${lastHeading?.title ?? ''}'`, r.source);
        lastCriterion = c;
        flag(c, r, table, note);
        continue;
      }
      const c = add(fromCells(code, r, r.cells.title ?? ''));
      lastCriterion = c;
      flag(c, r, table, note);
    }
  }

  fillMergedCells(out, picked, note);
  for (const r of out) {
    r.responsible = tidyOffice(r.responsible);
    r.collaborators = tidyOffice(r.collaborators);
  }
  return { rows: out, unsure, section, skippedSections: skipped };
}

function tidyOffice(s: string | null): string | null {
  if (s === null) return null;
  const t = s.replace(/[\s,;.]+$/u, '').trim();
  return t === '' ? null : t;
}

function blank(code: string, title: string, source: PlanSource): DraftRow {
  return { code, parent: null, title: title.trim(), responsible: null, collaborators: null, expectedResult: null, due: null, maxPoints: null, source };
}

function fromCells(code: string, r: RawPlanRow, title: string): DraftRow {
  const points = r.cells.maxPoints !== undefined ? Number(r.cells.maxPoints.replace(',', '.')) : NaN;
  return {
    code,
    parent: null,
    title: title.trim(),
    responsible: r.cells.responsible ?? null,
    collaborators: r.cells.collaborators ?? null,
    expectedResult: r.cells.expectedResult ?? null,
    due: r.cells.due ?? null,
    maxPoints: Number.isFinite(points) ? points : null,
    source: r.source,
  };
}

type Note = (code: string, field: PlanField, reason: UnsureCell['reason'], message: string, source: PlanSource) => void;

function flag(c: DraftRow, r: RawPlanRow, table: RawTable, note: Note): void {
  for (const f of table.guessed.get(r) ?? []) {
    note(c.code, f, 'split-guessed', 'where this cell ends was a guess: the table printed no column lines', r.source);
  }
  const trailing = table.trailingOffice.get(r);
  if (trailing !== undefined) {
    // The page break cut the office cell; its rest came after the row's last cell.
    const field = c.collaborators !== null ? 'collaborators' : 'responsible';
    c[field] = `${c[field] ?? ''} ${trailing}`.trim();
    note(c.code, field, 'continued-across-page', `'${trailing}' was printed after the page break`, r.source);
  }
  if (c.responsible !== null && officeGroupAt(toWords(c.responsible), 0) === null && !table.noOffice.has(r)) {
    note(c.code, 'responsible', 'continued-across-page', `'${c.responsible}' does not start like an office name: the rest of a cell cut by a page break?`, r.source);
  }
}

/**
 * Rows that printed no office share the merged cell of a neighbour in the same area (the cell is
 * printed once, in the middle row): the row before, else the row after.
 */
function fillMergedCells(rows: DraftRow[], picked: readonly Picked[], note: Note): void {
  const noOffice = new Set<PlanSource>();
  for (const p of picked) for (const r of p.rows) if (p.table.noOffice.has(r)) noOffice.add(r.source);
  const areaOf = (code: string): string => code.split('.')[0] ?? code;
  // A responsible cell that starts mid-name continues the one above it (cut by a page break).
  for (let i = 1; i < rows.length; i++) {
    const cur = rows[i];
    const prev = rows[i - 1];
    if (!cur || !prev || cur.responsible === null || prev.responsible === null) continue;
    if (officeGroupAt(toWords(cur.responsible), 0) === null && /^\p{Lu}{2,}/u.test(cur.responsible)) {
      const whole = `${prev.responsible} ${cur.responsible}`;
      prev.responsible = whole;
      cur.responsible = whole;
      note(prev.code, 'responsible', 'continued-across-page', `the office name goes on after the page break: '${whole}'`, prev.source);
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r || !noOffice.has(r.source)) continue;
    const sameArea = (x: DraftRow | undefined): boolean => x !== undefined && areaOf(x.code) === areaOf(r.code) && x.code !== areaOf(r.code);
    let from: DraftRow | undefined;
    for (let k = i - 1; k >= 0 && sameArea(rows[k]); k--) {
      if (rows[k]?.responsible != null) {
        from = rows[k];
        break;
      }
    }
    if (!from) {
      for (let k = i + 1; k < rows.length && sameArea(rows[k]); k++) {
        if (rows[k]?.responsible != null) {
          from = rows[k];
          break;
        }
      }
    }
    if (!from) {
      note(r.code, 'responsible', 'office-not-found', 'no office is printed for this row or its neighbours', r.source);
      continue;
    }
    r.responsible = from.responsible;
    r.collaborators = from.collaborators;
    note(r.code, 'responsible', 'merged-cell', `no office printed in this row: taken from ${from.code} (a merged cell)`, r.source);
    if (r.due === null && from.due !== null) {
      r.due = from.due;
      note(r.code, 'due', 'merged-cell', `no deadline printed in this row: taken from ${from.code} (a merged cell)`, r.source);
    }
  }
}
