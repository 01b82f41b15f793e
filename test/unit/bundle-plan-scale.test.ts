// A supplement (--since) over a previous bundle whose `state` lists 200,000 files under one
// criterion: planning is linear in the state (it took minutes when each item was looked up in a
// list and the per-code lists were rebuilt by spreading), and the plan is still right.
import { describe, expect, it } from 'vitest';
import { planBundle, type StateItem } from '../../main/engine/bundle/plan.js';
import type { BundleCriterion, BundleInput } from '../../main/engine/bundle/collect.js';
import type { BundleManifest } from '../../main/engine/bundle/types.js';
import type { DocumentJson } from '../../shared/types.js';

const criterion: BundleCriterion = { code: '1.1', title: 'Kế hoạch CCHC', parent: '1', maxPoints: null, selfScore: null, explanation: null, status: null, leaf: true };

function doc(i: number, sha: string): DocumentJson {
  return {
    id: `d${i}`, path: `/ev/f${i}.pdf`, root: '/ev', relPath: `f${i}.pdf`, sha256: sha, size: 1, mtime: '2023-01-01T00:00:00Z', kind: 'pdf', pages: 1,
    textLayer: true, textQuality: 'usable', ocr: false, encrypted: false, signatures: 0, signatureChecks: [], error: null, number: null, type: null, typeName: null, issuer: null,
    place: null, date: null, title: null, fields: {}, criteria: [{ code: '1.1', source: 'manual', reason: '', status: 'pending', note: null } as unknown as DocumentJson['criteria'][number]],
    notes: [], duplicates: [],
  };
}

describe('planBundle with a huge previous state', () => {
  it('plans 200,000 previous items against 2,000 documents in well under a few seconds', () => {
    const N = 200_000;
    const state: StateItem[] = Array.from({ length: N }, (_, i) => ({ code: '1.1', path: `1.1/1.1_${i + 1}_x.pdf`, sha256: `old${i}`, sourceRelPath: `f${i}.pdf` }));
    // The first 1,000 documents keep their bytes; the next 1,000 are new bytes at old paths.
    const documents = [...Array.from({ length: 1000 }, (_, i) => doc(i, `old${i}`)), ...Array.from({ length: 1000 }, (_, i) => doc(1000 + i, `new${i}`))];
    const input: BundleInput = { unit: null, year: 2023, pack: { id: 'p', name: 'p' }, criteria: [criterion], documents };
    const previous = { criteria: [], state } as unknown as BundleManifest;
    const t0 = performance.now();
    const plan = planBundle(input, previous);
    const ms = performance.now() - t0;
    console.log(`planBundle over ${N} previous items: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
    const evidence = plan.criteria[0]?.evidence ?? [];
    expect(evidence).toHaveLength(1000);
    expect(evidence.every((e) => e.change === 'changed')).toBe(true);
    // Numbering continues after the previous bundle's highest number.
    expect(evidence[0]?.nn).toBe(N + 1);
    expect(plan.withdrawn.filter((w) => w.reason === 'replaced')).toHaveLength(1000);
    expect(plan.withdrawn).toHaveLength(N - 1000);
  });
});
