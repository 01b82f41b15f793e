// From rows read out of a file (any format) to a validated pack: duplicate codes, parents
// (explicit or inferred from the code), pack-level facts, then the shared validation. Every
// problem is collected; the pack is returned only when there are none.

import {
  PACK_FORMAT,
  PACK_VERSION,
  compareCodes,
  inferParent,
  isAncestorCode,
  isPackId,
  slugify,
  validatePack,
  type CriteriaPack,
  type Criterion,
  type PackBatch,
  type PackLevel,
} from '../../../shared/pack.js';
import { nfc } from '../../../shared/vietnamese.js';
import type { PackProblemKind, PackProblemParams } from '../../../shared/pack-problems.js';
import { PackImportError, packProblem, type PackProblem } from './errors.js';

/** Facts about the pack as a whole; each may come from options, the file, or the file name. */
export interface PackMeta {
  id?: string;
  name?: string;
  province?: string | null;
  level?: PackLevel | null;
  year?: number | null;
  unit?: string | null;
  source?: string | null;
  /** The plan's submission batches (optional in the pack format). */
  batches?: PackBatch[];
}

/** Where a criterion came from, to point problems at the right row and column. */
export interface DraftLocation {
  row: number | null;
  /** The column (as named in the file) that holds a field, or null when the file has none. */
  column(field: string): string | null;
  /** How to name another draft's position in a message: "row 5" or "criteria[2]". */
  label: string;
}

export interface CriterionDraft {
  criterion: Criterion;
  /** False when the parent is to be inferred from the code. */
  explicitParent: boolean;
  where: DraftLocation;
  /** Hint for duplicate codes that Excel made by turning "1.10" into the number 1.1. */
  numericCode?: boolean;
}

export interface AssembleInput {
  file: string;
  drafts: CriterionDraft[];
  /** Problems already found while reading rows. */
  problems: PackProblem[];
  warnings: PackProblem[];
  /** Highest precedence first: options, then facts found in the file, then from the file name. */
  meta: PackMeta[];
}

export interface AssembledPack {
  pack: CriteriaPack;
  warnings: PackProblem[];
}

function first<K extends keyof PackMeta>(metas: PackMeta[], key: K): PackMeta[K] | undefined {
  for (const m of metas) if (m[key] !== undefined) return m[key];
  return undefined;
}

/** Facts readable from a file name: "tra-vinh-so-y-te-2023.csv" → id, name, year 2023. */
export function metaFromFileName(baseName: string): PackMeta {
  const stem = nfc(baseName.replace(/\.[^.]+$/, '')).trim();
  const years = [...stem.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  return {
    id: slugify(stem) || 'pack',
    name: stem || 'Criteria pack',
    year: years.length === 1 ? (years[0] ?? null) : null,
    source: nfc(baseName),
  };
}

/** File-level problems first, then by row (stable: a row's problems keep their column order). */
function byRow(problems: PackProblem[]): PackProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

export function assemblePack(input: AssembleInput): AssembledPack {
  const { file, drafts, warnings } = input;
  const problems = [...input.problems];
  const at = (d: CriterionDraft, field: string, kind: PackProblemKind, params: PackProblemParams): void => {
    problems.push(packProblem(d.where.row, d.where.column(field), kind, params));
  };

  // Codes: each once.
  const byCode = new Map<string, CriterionDraft>();
  for (const d of drafts) {
    const prev = byCode.get(d.criterion.code);
    if (prev) {
      // Excel stores codes typed as numbers, so 1.10 becomes 1.1: say so where that explains it.
      const value = d.criterion.code;
      if (prev.where.row === null) at(d, 'code', 'code-duplicate-entry', { value, other: prev.where.label });
      else at(d, 'code', d.numericCode || prev.numericCode ? 'code-duplicate-numeric' : 'code-duplicate-row', { value, other: prev.where.row });
      continue;
    }
    byCode.set(d.criterion.code, d);
  }
  const codes = new Set(byCode.keys());

  // Parents: given ones must exist and be ancestors by code; missing ones are inferred.
  for (const d of byCode.values()) {
    const c = d.criterion;
    if (d.explicitParent && c.parent !== null) {
      if (!codes.has(c.parent)) {
        at(d, 'parent', 'parent-unknown', { parent: c.parent, code: c.code });
      } else if (!isAncestorCode(c.parent, c.code)) {
        at(d, 'parent', 'parent-not-ancestor', { parent: c.parent, code: c.code });
      }
    } else {
      c.parent = inferParent(c.code, codes);
    }
  }

  // Pack-level facts.
  const id = first(input.meta, 'id') ?? 'pack';
  if (!isPackId(id)) {
    problems.push(packProblem(null, null, 'pack-id', { value: id }));
  }
  const name = (first(input.meta, 'name') ?? id).trim();
  const year = first(input.meta, 'year') ?? null;
  if (year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100)) {
    problems.push(packProblem(null, null, 'pack-year', { value: String(year) }));
  }

  if (byCode.size === 0 && problems.length === 0) {
    problems.push(packProblem(null, null, 'no-criteria'));
  }
  if (problems.length > 0) throw new PackImportError(file, byRow(problems));

  const criteria = [...byCode.values()].map((d) => d.criterion).sort((a, b) => compareCodes(a.code, b.code));
  const batches = first(input.meta, 'batches');
  const pack: CriteriaPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id,
    name: name === '' ? id : name,
    province: first(input.meta, 'province') ?? null,
    level: first(input.meta, 'level') ?? null,
    year,
    unit: first(input.meta, 'unit') ?? null,
    source: first(input.meta, 'source') ?? null,
    ...(batches !== undefined && batches.length > 0 ? { batches } : {}),
    criteria,
  };

  for (const issue of validatePack(pack)) {
    const d = issue.criterion !== null ? byCode.get(issue.criterion) : undefined;
    const p: PackProblem = d
      ? packProblem(d.where.row, d.where.column(issue.field ?? 'code'), issue.kind, issue.params)
      : packProblem(null, null, issue.kind, issue.params);
    (issue.severity === 'error' ? problems : warnings).push(p);
  }
  if (problems.length > 0) throw new PackImportError(file, byRow(problems));
  return { pack, warnings: byRow(warnings) };
}
