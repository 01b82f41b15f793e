// Draft rows → a criteria pack, through the same table reader a CSV import uses (table.ts, which
// derives evidence slots, keywords and due dates with derive.ts / deadline.ts), so a plan's
// draft and a typed-in table of the same facts make the same pack.

import { slugify, type CriteriaPack, type PackLevel } from '../../../../shared/pack.js';
import { assemblePack, type PackMeta } from '../assemble.js';
import { formatProblem } from '../errors.js';
import { readTable, type SheetRow } from '../table.js';
import type { DraftRow, PlanFacts, UnsureCell } from '../../../../shared/plan-draft.js';

const HEADER = ['code', 'title', 'maxPoints', 'responsible', 'collaborators', 'expected_result', 'due'];

function sheet(rows: readonly DraftRow[]): SheetRow[] {
  return [
    { row: 1, cells: HEADER },
    ...rows.map((r, i) => ({
      row: i + 2,
      cells: [r.code, r.title === '' ? `(${r.code})` : r.title, r.maxPoints, r.responsible, r.collaborators, r.expectedResult, r.due],
    })),
  ];
}

/** Pack facts from the plan: "Kế hoạch 78/KH-SYT – Trà Vinh, 2023" → id "tra-vinh-78-kh-syt-2023". */
export function metaFromFacts(facts: PlanFacts, fileBase: string): PackMeta {
  const parts = [facts.place, facts.number, facts.year !== null ? String(facts.year) : null].filter((p): p is string => p !== null && p !== '');
  const id = slugify(parts.length >= 2 ? parts.join(' ') : fileBase) || 'plan';
  const name = facts.number ? `Kế hoạch ${facts.number}${facts.place ? ` – ${facts.place}` : ''}` : fileBase;
  let level: PackLevel | null = null;
  if (facts.number && /-SYT|-S[A-Z]+$/u.test(facts.number)) level = 'so';
  if (facts.issuer && /huyện/iu.test(facts.issuer)) level = 'huyen';
  return { id, name, year: facts.year, level, unit: facts.issuer, source: facts.number ? `Kế hoạch số ${facts.number}` : fileBase };
}

export interface PackFromRows {
  pack: CriteriaPack;
  warnings: string[];
}

/** Builds the pack; a deadline that is not a real date is dropped (and said) rather than failing the draft. */
export function packFromRows(file: string, rows: DraftRow[], meta: PackMeta, unsure: UnsureCell[]): PackFromRows {
  const year = meta.year ?? null;
  let table = readTable({ rows: sheet(rows), delimiter: null, year });
  const badDue = table.problems.filter((p) => p.column === 'due' && p.row !== null);
  for (const p of badDue) {
    const r = rows[(p.row ?? 2) - 2];
    if (!r) continue;
    unsure.push({ code: r.code, field: 'due', reason: 'deadline-not-read', message: p.message, source: r.source });
    r.due = null;
  }
  if (badDue.length > 0) table = readTable({ rows: sheet(rows), delimiter: null, year });
  const warnings = [...table.problems, ...table.warnings].map(formatProblem);
  // Codes are unique and parents inferred by now, so this throws (PackImportError) only on a defect.
  const assembled = assemblePack({ file, drafts: table.drafts, problems: [], warnings: [], meta: [meta] });
  return { pack: assembled.pack, warnings: [...warnings, ...assembled.warnings.map(formatProblem)] };
}
