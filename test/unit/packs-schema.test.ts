import { describe, expect, it } from 'vitest';
import {
  CriteriaPackSchema,
  PackInputSchema,
  childrenOf,
  codeAncestors,
  compareCodes,
  inferParent,
  isAncestorCode,
  isIsoDate,
  isLeaf,
  isPackId,
  leafCriteria,
  normalizeCriterionCode,
  packSummary,
  parseCriterionCode,
  slugify,
  sortCriteria,
  validatePack,
  type CriteriaPack,
  type Criterion,
} from '../../shared/pack.js';

function criterion(code: string, parent: string | null, extra: Partial<Criterion> = {}): Criterion {
  return {
    code,
    title: `Tiêu chí ${code}`,
    parent,
    maxPoints: null,
    responsible: null,
    collaborators: null,
    due: null,
    dueText: null,
    scoringRule: null,
    expectedResult: null,
    keywords: [],
    evidence: [],
    ...extra,
  };
}

function pack(criteria: Criterion[], extra: Partial<CriteriaPack> = {}): CriteriaPack {
  return {
    format: 'kiemchung-pack',
    version: 1,
    id: 'test-pack',
    name: 'Test pack',
    province: null,
    level: null,
    year: 2023,
    unit: null,
    source: null,
    criteria,
    ...extra,
  };
}

const slot = (id: string, types: string[] = []) => ({ id, label: `Slot ${id}`, types, keywords: [], minCount: 1, due: null });

describe('criterion codes', () => {
  it('parses codes as typed and rejects non-codes', () => {
    expect(parseCriterionCode('1.7.2')).toEqual([1, 7, 2]);
    expect(parseCriterionCode(' 1.3. ')).toEqual([1, 3]);
    expect(parseCriterionCode('01,3')).toEqual([1, 3]);
    expect(parseCriterionCode('1.x')).toBeNull();
    expect(parseCriterionCode('')).toBeNull();
    expect(parseCriterionCode('1..2')).toBeNull();
    expect(parseCriterionCode('TC 1.3')).toBeNull();
    expect(normalizeCriterionCode('01.10.')).toBe('1.10');
  });

  it('orders numerically per segment, a parent before its children', () => {
    const codes = ['1.10', '2', '1.9', '1', '1.7.2', '1.7', '10', '1.2'];
    expect([...codes].sort(compareCodes)).toEqual(['1', '1.2', '1.7', '1.7.2', '1.9', '1.10', '2', '10']);
    expect(compareCodes('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareCodes('abc', '1')).toBeGreaterThan(0);
  });

  it('knows ancestors by segment, not by string prefix', () => {
    expect(codeAncestors('1.7.2')).toEqual(['1.7', '1']);
    expect(isAncestorCode('1', '1.7.2')).toBe(true);
    expect(isAncestorCode('1', '10.1')).toBe(false);
    expect(isAncestorCode('1.7.2', '1.7.2')).toBe(false);
  });

  it('infers the nearest existing parent: 1.7.2 → 1.7 if present, else 1', () => {
    expect(inferParent('1.7.2', new Set(['1', '1.7']))).toBe('1.7');
    expect(inferParent('1.7.2', new Set(['1']))).toBe('1');
    expect(inferParent('1.7.2', new Set(['2']))).toBeNull();
    expect(inferParent('1', new Set(['1']))).toBeNull();
  });
});

describe('tree helpers', () => {
  const p = pack([criterion('1', null), criterion('1.10', '1'), criterion('1.9', '1'), criterion('2', null), criterion('2.1', '2')]);

  it('detects leaves and children in code order', () => {
    expect(isLeaf(p, '1')).toBe(false);
    expect(isLeaf(p, '1.9')).toBe(true);
    expect(leafCriteria(p).map((c) => c.code)).toEqual(['1.10', '1.9', '2.1']);
    expect(childrenOf(p, '1').map((c) => c.code)).toEqual(['1.9', '1.10']);
    expect(childrenOf(p, null).map((c) => c.code)).toEqual(['1', '2']);
    expect(sortCriteria(p.criteria).map((c) => c.code)).toEqual(['1', '1.9', '1.10', '2', '2.1']);
  });

  it('summarises a pack', () => {
    expect(packSummary(p, true)).toEqual({ id: 'test-pack', name: 'Test pack', year: 2023, level: null, province: null, criteria: 5, builtin: true });
  });
});

describe('ids, slugs, dates', () => {
  it('slugifies Vietnamese names into pack ids', () => {
    expect(slugify('Trà Vinh – Sở Y tế 2023')).toBe('tra-vinh-so-y-te-2023');
    expect(slugify('  Đồng Nai / Huyện  ')).toBe('dong-nai-huyen');
    expect(isPackId('tra-vinh-so-y-te-2023')).toBe(true);
    expect(isPackId('Tra Vinh')).toBe(false);
    expect(isPackId('../etc')).toBe(false);
    expect(isPackId('')).toBe(false);
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2023-11-30')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('30/11/2023')).toBe(false);
  });
});

describe('validatePack', () => {
  it('accepts a consistent pack without issues', () => {
    const p = pack([
      criterion('1', null, { maxPoints: 3 }),
      criterion('1.1', '1', { maxPoints: 1, evidence: [slot('1.1#1', ['KH'])] }),
      criterion('1.2', '1', { maxPoints: 2, evidence: [slot('1.2#1', ['BC', 'QĐ'])] }),
    ]);
    expect(validatePack(p)).toEqual([]);
    expect(CriteriaPackSchema.safeParse(p).success).toBe(true);
  });

  it('reports malformed and duplicate codes, unknown parents and non-ancestor parents as errors', () => {
    const issues = validatePack(
      pack([criterion('1', null), criterion('1', null), criterion('1.x', null), criterion('1.2', '9'), criterion('2.1', '1')]),
    );
    const errors = issues.filter((i) => i.severity === 'error').map((i) => [i.criterion, i.field, i.message]);
    expect(errors).toEqual([
      ['1', 'code', "code '1' appears more than once"],
      ['1.x', 'code', "'1.x' is not a criterion code like 1, 1.3 or 1.7.2"],
      ['1.2', 'parent', "parent '9' of '1.2' is not a code in this file"],
      ['2.1', 'parent', "'1' cannot be the parent of '2.1': a parent's code starts its children's codes (1.7 of 1.7.2)"],
    ]);
  });

  it('reports unknown type codes, bad counts, duplicate slot ids, negative points', () => {
    const issues = validatePack(
      pack([
        criterion('1', null, { maxPoints: -1 }),
        criterion('1.1', '1', { evidence: [slot('s', ['KH', 'XX']), { ...slot('s'), minCount: 1.5 }] }),
      ]),
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      "'-1' is not a number of points ≥ 0",
      "'XX' is not a known document type code (KH, BC, QĐ, TB, HD, CTr, QC, QyĐ, ĐA, CV, …)",
      "evidence slot id 's' is used twice",
      "minimum count '1.5' is not a whole number ≥ 0",
    ]);
  });

  it('warns (does not fail) when a parent has fewer points than its children, or evidence of its own', () => {
    const issues = validatePack(
      pack([
        criterion('1', null, { maxPoints: 2, evidence: [slot('1#1')] }),
        criterion('1.1', '1', { maxPoints: 1.5 }),
        criterion('1.2', '1', { maxPoints: 1 }),
      ]),
    );
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues.map((i) => i.message)).toEqual([
      "'1' has sub-criteria, so its own evidence slots are not counted (leaves carry the evidence)",
      "max points of '1' (2) are below the sum of its sub-criteria (2.5)",
    ]);
  });

  it('does not compare points when some children are unknown', () => {
    const issues = validatePack(pack([criterion('1', null, { maxPoints: 1 }), criterion('1.1', '1', { maxPoints: 5 }), criterion('1.2', '1')]));
    expect(issues).toEqual([]);
  });

  it('warns when a parent skips a nearer ancestor or is missing', () => {
    const issues = validatePack(pack([criterion('1', null), criterion('1.7', '1'), criterion('1.7.2', '1'), criterion('1.8', null)]));
    expect(issues.map((i) => [i.severity, i.criterion, i.message])).toEqual([
      ['warning', '1.7.2', "'1.7.2' has parent '1' although '1.7' is in the pack"],
      ['warning', '1.8', "'1.8' has no parent although '1' is in the pack"],
    ]);
  });

  it('rejects a bad pack id and an implausible year', () => {
    const issues = validatePack(pack([criterion('1', null)], { id: 'Bad Id', year: 23 }));
    expect(issues.map((i) => i.field)).toEqual(['id', 'year']);
  });
});

describe('schemas', () => {
  it('the canonical schema rejects missing fields and wrong formats', () => {
    const p = pack([criterion('1', null)]);
    expect(CriteriaPackSchema.safeParse({ ...p, format: 'other' }).success).toBe(false);
    expect(CriteriaPackSchema.safeParse({ ...p, criteria: [{ code: '1', title: 'x' }] }).success).toBe(false);
    expect(CriteriaPackSchema.safeParse({ ...p, criteria: [criterion('1', null, { due: '2023-02-30' })] }).success).toBe(false);
  });

  it('the input schema accepts a hand-written pack with only codes and titles', () => {
    const r = PackInputSchema.safeParse({ criteria: [{ code: 1, title: 'A' }, { code: '1.1', title: 'B', evidence: [{ label: 'Kế hoạch' }] }] });
    expect(r.success).toBe(true);
  });
});
