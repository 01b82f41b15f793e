// A plan's draft as the user fixed it in the app's preview (packs:saveDraft): the rows they kept,
// with their cells, go through the same table reader as the import (to-pack.ts), so the evidence
// slots are derived again from the edited "expected result" text; a due date the user set
// replaces the one read from the deadline, on the criterion and on its slots.

import { normalizeCriterionCode, type CriteriaPack, type PackBatch, type PackLevel } from '../../../../shared/pack.js';
import { PackImportError, packProblem } from '../errors.js';
import type { DraftRow, UnsureCell } from '../../../../shared/plan-draft.js';
import { packFromRows, type PackFromRows } from './to-pack.js';

/** A row as the user left it: the draft's cells (DraftRow), with the deadline as printed. */
export type EditedDraftRow = Omit<DraftRow, 'source' | 'due'> & {
  /** The deadline as the plan printed it ("Trước 30/6/2023", "Năm 2023 và những năm tiếp theo"). */
  deadline: string | null;
  /** ISO due date; when it differs from what the deadline gives, it wins. */
  due: string | null;
};

export interface EditedDraft {
  pack: { id: string; name: string; year: number | null; level: PackLevel | null; unit: string | null; source: string | null; batches?: PackBatch[] };
  rows: EditedDraftRow[];
}

/** The pack the edited draft makes (nothing is stored). Throws PackImportError on rows that cannot make a pack. */
export function packFromEditedDraft(draft: EditedDraft): PackFromRows {
  // The table reader skips a row without a usable code (with a warning); here the user typed it: refused, row by row (1 = the first row).
  const badCodes = draft.rows.flatMap((r, i) => (normalizeCriterionCode(r.code) === null ? [packProblem(i + 1, 'code', 'code-invalid', { value: r.code })] : []));
  if (badCodes.length > 0) throw new PackImportError('(bản nháp)', badCodes);
  const rows: DraftRow[] = draft.rows.map((r) => ({
    code: r.code,
    parent: r.parent,
    title: r.title,
    responsible: r.responsible,
    collaborators: r.collaborators,
    expectedResult: r.expectedResult,
    due: r.deadline,
    maxPoints: r.maxPoints,
    source: { page: null, table: null, row: null, excerpt: r.title.slice(0, 60) },
  }));
  const unsure: UnsureCell[] = [];
  const { id, name, year, level, unit, source, batches } = draft.pack;
  const built = packFromRows('(bản nháp)', rows, { id, name, year, level, unit, source, ...(batches && batches.length > 0 ? { batches } : {}) }, unsure);
  const dueOf = new Map(draft.rows.map((r) => [r.code, r.due]));
  const pack: CriteriaPack = {
    ...built.pack,
    criteria: built.pack.criteria.map((c) => {
      const due = dueOf.get(c.code);
      if (due === undefined || due === c.due) return c;
      return { ...c, due, evidence: c.evidence.map((s) => ({ ...s, due })) };
    }),
  };
  // A deadline that was not a real date was dropped by packFromRows: said as a warning.
  return { pack, warnings: [...built.warnings, ...unsure.map((u) => `${u.code}: ${u.message}`)] };
}
