// How far a draft agrees with known facts, cell by cell: what the tests report for each seed plan,
// and what a preview can show when a pack for the same plan already exists.

import type { CriteriaPack, Criterion } from '../../../../shared/pack.js';
import { foldForMatch } from '../../../../shared/vietnamese.js';

export type CellAgreement = 'same' | 'close' | 'differs';
export const COMPARED_FIELDS = ['title', 'responsible', 'collaborators', 'expectedResult', 'due'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface CellComparison {
  code: string;
  field: ComparedField;
  draft: string | null;
  fact: string | null;
  agreement: CellAgreement;
}

export interface PackComparison {
  /** Codes in both, only in the draft, only in the facts. */
  common: string[];
  extra: string[];
  missing: string[];
  cells: CellComparison[];
  counts: Record<CellAgreement, number>;
}

function words(s: string | null): string[] {
  return foldForMatch(s ?? '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

/** Same words = same; most words shared (wording, a dropped prefix) = close. */
export function agreement(a: string | null, b: string | null): CellAgreement {
  const x = words(a);
  const y = words(b);
  if (x.join(' ') === y.join(' ')) return 'same';
  if (x.length === 0 || y.length === 0) return 'differs';
  const sx = new Set(x);
  const sy = new Set(y);
  const shared = [...sx].filter((w) => sy.has(w)).length;
  return shared / Math.max(sx.size, sy.size) >= 0.7 ? 'close' : 'differs';
}

function cell(c: Criterion, f: ComparedField): string | null {
  if (f === 'due') return c.dueText ?? c.due;
  return c[f];
}

export function comparePacks(draft: Pick<CriteriaPack, 'criteria'>, facts: Pick<CriteriaPack, 'criteria'>): PackComparison {
  const d = new Map(draft.criteria.map((c) => [c.code, c]));
  const f = new Map(facts.criteria.map((c) => [c.code, c]));
  const common = [...f.keys()].filter((k) => d.has(k));
  const cells: CellComparison[] = [];
  const counts: Record<CellAgreement, number> = { same: 0, close: 0, differs: 0 };
  for (const code of common) {
    const a = d.get(code);
    const b = f.get(code);
    if (!a || !b) continue;
    for (const field of COMPARED_FIELDS) {
      const draftText = cell(a, field);
      const factText = cell(b, field);
      // A deadline that reads as the same date agrees however it was printed ("Trước ngày 30/11/2023").
      const sameDate = field === 'due' && a.due !== null && a.due === b.due;
      const ag = sameDate || ((draftText ?? '') === '' && (factText ?? '') === '') ? 'same' : agreement(draftText, factText);
      counts[ag]++;
      cells.push({ code, field, draft: draftText, fact: factText, agreement: ag });
    }
  }
  return { common, extra: [...d.keys()].filter((k) => !f.has(k)), missing: [...f.keys()].filter((k) => !d.has(k)), cells, counts };
}
