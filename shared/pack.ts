// Criteria packs (bộ tiêu chí): the schema every runtime shares, and pure helpers for codes and trees.
// A pack is per province × level × year; criteria form a tree by code: area "1" → criterion "1.3"
// → sub-criterion "1.7.2". Max points and scoring rules are often unknown (null), never guessed.

import { z } from 'zod';
import { documentTypeByCode } from './document-types.js';
import { packProblemMessage, type PackProblemKind, type PackProblemParams } from './pack-problems.js';
import { foldForMatch } from './vietnamese.js';

import { parseCriterionCode, normalizeCriterionCode, isCanonicalCode, compareCodes, codeAncestors, isAncestorCode, inferParent } from './criterion-code.js';

// Re-exported: packs and their users reach every code helper through this module.
export { parseCriterionCode, normalizeCriterionCode, isCanonicalCode, compareCodes, codeAncestors, isAncestorCode, inferParent };

export const PACK_FORMAT = 'kiemchung-pack';
export const PACK_VERSION = 1;

export type PackLevel = 'so' | 'huyen' | 'xa';
export const PACK_LEVELS: readonly PackLevel[] = ['so', 'huyen', 'xa'];

/** One named piece of evidence a criterion expects, e.g. "Kế hoạch tuyên truyền CCHC năm" (KH). */
export interface EvidenceSlot {
  /** Stable within the pack, e.g. "1.3#1"; reviewer decisions and links refer to it. */
  id: string;
  label: string;
  /** Document type codes of shared/document-types.ts (e.g. ["KH"]); empty = any type. */
  types: string[];
  /** Folded (diacritic-free, lower-case) words or phrases for content matching. */
  keywords: string[];
  /** How many documents fill the slot (default 1; 0 = optional). */
  minCount: number;
  /** ISO date (YYYY-MM-DD); null = the criterion's due date applies. */
  due: string | null;
}

export interface Criterion {
  code: string;
  title: string;
  parent: string | null;
  maxPoints: number | null;
  responsible: string | null;
  collaborators: string | null;
  /** ISO date when the deadline is a date. */
  due: string | null;
  /** The deadline as printed when it is not a single date ("Thường xuyên", "Quý I (kế hoạch)"). */
  dueText: string | null;
  scoringRule: string | null;
  expectedResult: string | null;
  keywords: string[];
  evidence: EvidenceSlot[];
}

/**
 * A submission batch (đợt) the unit's plan sets: "Gửi tài liệu kiểm chứng đợt 01 trước ngày 30/6
 * hàng năm". A workspace made from the pack takes these as its `batches` setting.
 */
export interface PackBatch {
  /** "Đợt 1". */
  label: string;
  /** ISO date, in the pack's year when the plan printed no year. */
  due: string;
  /** The plan printed day and month only (a yearly deadline): a workspace takes them in its own assessment year. */
  yearly: boolean;
}

export interface CriteriaPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  /** Slug, e.g. "tra-vinh-so-y-te-2023". */
  id: string;
  name: string;
  province: string | null;
  level: PackLevel | null;
  year: number | null;
  unit: string | null;
  source: string | null;
  /** Optional (absent in packs whose plan states none): the plan's submission batches. */
  batches?: PackBatch[];
  criteria: Criterion[];
}

/** What `packs list` shows. */
export interface PackSummary {
  id: string;
  name: string;
  year: number | null;
  level: PackLevel | null;
  province: string | null;
  criteria: number;
  builtin: boolean;
}

// ---------------------------------------------------------------------------------------------
// Schemas. The canonical schema is what stored packs must satisfy; the input schema is lenient
// (hand-written JSON may leave out nullable fields, slot ids and even the pack's id and name).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pack ids are lower-case ASCII slugs: safe as file names on every platform. */
export function isPackId(s: string): boolean {
  return s.length > 0 && s.length <= 100 && PACK_ID.test(s);
}

const nullableText = z.string().nullable();
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date written YYYY-MM-DD' });

export const EvidenceSlotSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  types: z.array(z.string()),
  keywords: z.array(z.string()),
  minCount: z.number().int().min(0),
  due: isoDate.nullable(),
});

export const CriterionSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  parent: nullableText,
  maxPoints: z.number().min(0).nullable(),
  responsible: nullableText,
  collaborators: nullableText,
  due: isoDate.nullable(),
  dueText: nullableText,
  scoringRule: nullableText,
  expectedResult: nullableText,
  keywords: z.array(z.string()),
  evidence: z.array(EvidenceSlotSchema),
});

export const PackBatchSchema = z.object({
  label: z.string().min(1).max(100),
  due: isoDate,
  yearly: z.boolean(),
});

export const CriteriaPackSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: z.string().refine(isPackId, { message: 'expected a lower-case slug like "tra-vinh-so-y-te-2023"' }),
  name: z.string().min(1),
  province: nullableText,
  level: z.enum(['so', 'huyen', 'xa']).nullable(),
  year: z.number().int().nullable(),
  unit: nullableText,
  source: nullableText,
  batches: z.array(PackBatchSchema).max(12).optional(),
  criteria: z.array(CriterionSchema),
});

// Compile-time proof that the schemas and the interfaces describe the same shapes.
const _slotCheck: z.ZodType<EvidenceSlot> = EvidenceSlotSchema;
const _criterionCheck: z.ZodType<Criterion> = CriterionSchema;
const _packCheck: z.ZodType<CriteriaPack> = CriteriaPackSchema;
void _slotCheck;
void _criterionCheck;
void _packCheck;
const _batchCheck: z.ZodType<PackBatch> = PackBatchSchema;
void _batchCheck;

const optText = nullableText.optional();

export const EvidenceSlotInputSchema = z.object({
  id: z.string().min(1).optional(),
  label: z.string().min(1),
  types: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  minCount: z.number().int().min(0).optional(),
  due: isoDate.nullable().optional(),
});

export const CriterionInputSchema = z.object({
  code: z.union([z.string().min(1), z.number()]),
  title: z.string().min(1),
  parent: z.union([z.string(), z.number()]).nullable().optional(),
  maxPoints: z.number().min(0).nullable().optional(),
  responsible: optText,
  collaborators: optText,
  due: isoDate.nullable().optional(),
  dueText: optText,
  scoringRule: optText,
  expectedResult: optText,
  keywords: z.array(z.string()).optional(),
  evidence: z.array(EvidenceSlotInputSchema).optional(),
});

/** A pack file as people may write it: only the criteria's codes and titles are required. */
export const PackInputSchema = z.object({
  format: z.literal(PACK_FORMAT).optional(),
  version: z.number().int().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  province: optText,
  level: z.enum(['so', 'huyen', 'xa']).nullable().optional(),
  year: z.number().int().nullable().optional(),
  unit: optText,
  source: optText,
  batches: z.array(PackBatchSchema.extend({ yearly: z.boolean().optional() })).max(12).optional(),
  criteria: z.array(CriterionInputSchema),
});
export type PackInput = z.infer<typeof PackInputSchema>;

// ---------------------------------------------------------------------------------------------
// Tree

/** Criteria whose parent is `code` (null: the top level), in code order. */
export function childrenOf(pack: Pick<CriteriaPack, 'criteria'>, code: string | null): Criterion[] {
  return pack.criteria.filter((c) => c.parent === code).sort((a, b) => compareCodes(a.code, b.code));
}

/** A leaf has no children; leaves carry the evidence (CONTRACTS.md §3). */
export function isLeaf(pack: Pick<CriteriaPack, 'criteria'>, code: string): boolean {
  return !pack.criteria.some((c) => c.parent === code);
}

export function leafCriteria(pack: Pick<CriteriaPack, 'criteria'>): Criterion[] {
  const parents = new Set(pack.criteria.map((c) => c.parent).filter((p): p is string => p !== null));
  return pack.criteria.filter((c) => !parents.has(c.code));
}

export function findCriterion(pack: Pick<CriteriaPack, 'criteria'>, code: string): Criterion | undefined {
  const norm = normalizeCriterionCode(code) ?? code;
  return pack.criteria.find((c) => c.code === norm);
}

export function sortCriteria(criteria: readonly Criterion[]): Criterion[] {
  return [...criteria].sort((a, b) => compareCodes(a.code, b.code));
}

export function packSummary(pack: CriteriaPack, builtin: boolean): PackSummary {
  return {
    id: pack.id,
    name: pack.name,
    year: pack.year,
    level: pack.level,
    province: pack.province,
    criteria: pack.criteria.length,
    builtin,
  };
}

/** A pack id from any text: "Trà Vinh – Sở Y tế 2023.xlsx" → "tra-vinh-so-y-te-2023-xlsx". */
export function slugify(text: string): string {
  return foldForMatch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Validation beyond the schema: the tree, codes, types, points.

export type PackIssueSeverity = 'error' | 'warning';

export interface PackIssue {
  severity: PackIssueSeverity;
  /** Criterion code the issue is about (null: the pack itself). */
  criterion: string | null;
  /** Field of the criterion (or of the pack), e.g. "maxPoints", "parent", "evidence". */
  field: string | null;
  /** Evidence slot id when the issue is about one slot. */
  slot: string | null;
  kind: PackProblemKind;
  params: PackProblemParams;
  /** English, for the CLI and logs (the app words kind and params). */
  message: string;
}

function roundPoints(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function validatePack(pack: CriteriaPack): PackIssue[] {
  const issues: PackIssue[] = [];
  const add = (
    severity: PackIssueSeverity,
    criterion: string | null,
    field: string | null,
    kind: PackProblemKind,
    params: PackProblemParams,
    slot: string | null = null,
  ): void => {
    issues.push({ severity, criterion, field, slot, kind, params, message: packProblemMessage({ kind, params }) });
  };

  if (!isPackId(pack.id)) add('error', null, 'id', 'pack-id', { value: pack.id });
  if (pack.name.trim() === '') add('error', null, 'name', 'pack-name', {});
  if (pack.year !== null && (!Number.isInteger(pack.year) || pack.year < 1990 || pack.year > 2100)) {
    add('error', null, 'year', 'pack-year', { value: pack.year });
  }

  const codes = new Set<string>();
  for (const c of pack.criteria) {
    if (!isCanonicalCode(c.code)) {
      add('error', c.code, 'code', 'code-invalid', { value: c.code });
    } else if (codes.has(c.code)) {
      add('error', c.code, 'code', 'code-duplicate', { value: c.code });
    }
    codes.add(c.code);
  }

  const slotIds = new Set<string>();
  for (const c of pack.criteria) {
    if (c.title.trim() === '') add('error', c.code, 'title', 'title-empty', { code: c.code });

    if (c.parent !== null) {
      if (!codes.has(c.parent)) {
        add('error', c.code, 'parent', 'parent-unknown', { parent: c.parent, code: c.code });
      } else if (!isAncestorCode(c.parent, c.code)) {
        add('error', c.code, 'parent', 'parent-not-ancestor', { parent: c.parent, code: c.code });
      } else {
        const nearer = inferParent(c.code, codes);
        if (nearer !== null && nearer !== c.parent) {
          add('warning', c.code, 'parent', 'parent-nearer', { code: c.code, parent: c.parent, nearer });
        }
      }
    } else {
      const nearest = inferParent(c.code, codes);
      if (nearest !== null) add('warning', c.code, 'parent', 'parent-missing', { code: c.code, nearer: nearest });
    }

    if (c.maxPoints !== null && (!Number.isFinite(c.maxPoints) || c.maxPoints < 0)) {
      add('error', c.code, 'maxPoints', 'points-invalid', { value: String(c.maxPoints) });
    }
    if (c.due !== null && !isIsoDate(c.due)) add('error', c.code, 'due', 'date-invalid', { value: c.due });

    for (const s of c.evidence) {
      if (s.id.trim() === '') add('error', c.code, 'evidence', 'slot-id-empty', { code: c.code });
      else if (slotIds.has(s.id)) add('error', c.code, 'evidence', 'slot-id-duplicate', { slot: s.id }, s.id);
      slotIds.add(s.id);
      if (s.label.trim() === '') add('error', c.code, 'evidence', 'slot-label-empty', { slot: s.id }, s.id);
      for (const t of s.types) {
        if (!documentTypeByCode(t)) add('error', c.code, 'evidence', 'slot-type-unknown', { value: t }, s.id);
      }
      if (!Number.isInteger(s.minCount) || s.minCount < 0) {
        add('error', c.code, 'evidence', 'slot-min-invalid', { value: String(s.minCount) }, s.id);
      }
      if (s.due !== null && !isIsoDate(s.due)) add('error', c.code, 'evidence', 'date-invalid', { value: s.due }, s.id);
    }
  }

  // Tree-level checks (only meaningful on a consistent tree).
  for (const c of pack.criteria) {
    const children = pack.criteria.filter((k) => k.parent === c.code);
    if (children.length === 0) continue;
    if (c.evidence.length > 0) {
      add('warning', c.code, 'evidence', 'slots-on-parent', { code: c.code });
    }
    if (c.maxPoints !== null && children.every((k) => k.maxPoints !== null)) {
      const sum = children.reduce((acc, k) => acc + (k.maxPoints ?? 0), 0);
      if (c.maxPoints + 1e-9 < sum) {
        add('warning', c.code, 'maxPoints', 'points-below-children', { code: c.code, points: roundPoints(c.maxPoints), sum: roundPoints(sum) });
      }
    }
  }
  return issues;
}

/**
 * The pack's batches as a workspace of assessment year `year` takes them (the `batches` setting):
 * a yearly batch falls in that year (29/02 becomes 28/02 in a common year), a dated one stays.
 * Empty when the pack states none.
 */
export function packBatchesFor(pack: Pick<CriteriaPack, 'batches'>, year: number | null): { label: string; due: string }[] {
  return (pack.batches ?? [])
    .map((b) => {
      if (!b.yearly || year === null) return { label: b.label, due: b.due };
      const due = `${String(year).padStart(4, '0')}${b.due.slice(4)}`;
      return { label: b.label, due: isIsoDate(due) ? due : `${String(year).padStart(4, '0')}-02-28` };
    })
    .sort((a, b) => a.due.localeCompare(b.due));
}
