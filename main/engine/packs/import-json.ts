// A pack written as JSON: the export format (a full kiemchung-pack) or a hand-written one where
// only the criteria's codes and titles are required. Problems name the JSON path.

import { z } from 'zod';
import { CriterionInputSchema, PACK_FORMAT, PACK_VERSION, PackInputSchema, normalizeCriterionCode, type EvidenceSlot } from '../../../shared/pack.js';
import type { PackProblemKind, PackProblemParams } from '../../../shared/pack-problems.js';
import { nfc } from '../../../shared/vietnamese.js';
import type { CriterionDraft, PackMeta } from './assemble.js';
import { deriveKeywords, resolveTypeCode, slotKeywords } from './derive.js';
import { packProblem, type PackProblem } from './errors.js';
import { normalizeKeywords } from './evidence-cell.js';

export interface JsonRead {
  drafts: CriterionDraft[];
  problems: PackProblem[];
  meta: PackMeta;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out === '' ? '(top level)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function text(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = nfc(v).trim();
  return t === '' ? null : t;
}

export function readJsonPack(source: string): JsonRead {
  const problems: PackProblem[] = [];
  const drafts: CriterionDraft[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push(packProblem(null, null, 'json-invalid', { detail: e instanceof Error ? e.message : String(e) }));
    return { drafts, problems, meta: {} };
  }
  if (Array.isArray(raw)) raw = { criteria: raw };
  if (raw !== null && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (o.format !== undefined && o.format !== PACK_FORMAT) {
      problems.push(packProblem(null, 'format', 'json-format', { value: show(o.format), expected: PACK_FORMAT }));
      return { drafts, problems, meta: {} };
    }
    if (typeof o.version === 'number' && o.version > PACK_VERSION) {
      problems.push(packProblem(null, 'version', 'json-version', { version: o.version, supported: PACK_VERSION }));
      return { drafts, problems, meta: {} };
    }
  }
  // Pack facts and each criterion are checked separately, so that every bad criterion is reported.
  const parsed = PackInputSchema.extend({ criteria: z.array(z.unknown()) }).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(packProblem(null, pathText(issue.path), 'json-field', { value: show(valueAt(raw, issue.path)), detail: issue.message }));
    }
    return { drafts, problems, meta: {} };
  }
  const criteria: (z.infer<typeof CriterionInputSchema> | null)[] = parsed.data.criteria.map((c, i) => {
    const r = CriterionInputSchema.safeParse(c);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const full = ['criteria', i, ...issue.path];
      problems.push(packProblem(null, pathText(full), 'json-field', { value: show(valueAt(raw, full)), detail: issue.message }));
    }
    return null;
  });
  const input = parsed.data;
  const meta: PackMeta = {};
  if (input.id !== undefined) meta.id = input.id;
  if (input.name !== undefined) meta.name = nfc(input.name);
  if (input.province !== undefined) meta.province = text(input.province);
  if (input.level !== undefined) meta.level = input.level;
  if (input.year !== undefined) meta.year = input.year;
  if (input.unit !== undefined) meta.unit = text(input.unit);
  if (input.source !== undefined) meta.source = text(input.source);
  if (input.batches !== undefined) meta.batches = input.batches.map((b) => ({ label: nfc(b.label).trim(), due: b.due, yearly: b.yearly ?? false }));

  criteria.forEach((c, i) => {
    if (c === null) return;
    const base = `criteria[${i}]`;
    const column = (field: string): string => `${base}.${field}`;
    const bad = (field: string, kind: PackProblemKind, params: PackProblemParams = {}): void => {
      problems.push(packProblem(null, column(field), kind, params));
    };
    const codeText = String(c.code);
    const code = normalizeCriterionCode(codeText);
    if (code === null) {
      bad('code', 'code-invalid', { value: codeText });
      return;
    }
    let parent: string | null = null;
    if (c.parent !== undefined && c.parent !== null && String(c.parent).trim() !== '') {
      parent = normalizeCriterionCode(String(c.parent));
      if (parent === null) bad('parent', 'parent-invalid', { value: String(c.parent) });
    }
    const title = nfc(c.title).replace(/\s+/g, ' ').trim();
    if (title === '') bad('title', 'title-empty');

    const used = new Set((c.evidence ?? []).map((s) => s.id).filter((id): id is string => id !== undefined));
    let next = 1;
    const evidence: EvidenceSlot[] = (c.evidence ?? []).map((s, j) => {
      const types: string[] = [];
      for (const t of s.types ?? []) {
        const resolved = resolveTypeCode(t);
        if (resolved === null) bad(`evidence[${j}].types`, 'slot-type-unknown', { value: t });
        else if (!types.includes(resolved)) types.push(resolved);
      }
      let id = s.id;
      if (id === undefined) {
        while (used.has(`${code}#${next}`)) next++;
        id = `${code}#${next}`;
        used.add(id);
      }
      const label = nfc(s.label).trim();
      return {
        id,
        label,
        types,
        keywords: s.keywords !== undefined ? normalizeKeywords(s.keywords) : slotKeywords(label),
        minCount: s.minCount ?? 1,
        due: s.due ?? null,
      };
    });

    drafts.push({
      criterion: {
        code,
        title,
        parent,
        maxPoints: c.maxPoints ?? null,
        responsible: text(c.responsible),
        collaborators: text(c.collaborators),
        due: c.due ?? null,
        dueText: text(c.dueText),
        scoringRule: text(c.scoringRule),
        expectedResult: text(c.expectedResult),
        keywords: c.keywords !== undefined ? normalizeKeywords(c.keywords) : deriveKeywords(title),
        evidence,
      },
      explicitParent: parent !== null,
      where: { row: null, column, label: base },
    });
  });
  return { drafts, problems, meta };
}
