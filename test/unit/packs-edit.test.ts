import { describe, expect, it } from 'vitest';
import { editCriterion } from '../../main/engine/packs/edit.js';
import { getPack } from '../../main/engine/packs/library.js';
import { CriteriaPackSchema, leafCriteria } from '../../shared/pack.js';

describe('editCriterion (the workspace pack copy, validated)', () => {
  it('changes title, max points, offices and slots; keeps slot ids; lists what changed', async () => {
    const pack = await getPack('tra-vinh-so-y-te-2023');
    const leaf = leafCriteria(pack).find((c) => c.evidence.length > 0);
    if (!leaf) throw new Error('no leaf with evidence');
    const first = leaf.evidence[0];
    if (!first) throw new Error('no slot');
    const edit = editCriterion(pack, leaf.code, {
      maxPoints: 7.5,
      responsible: '  Phòng TCCB ',
      collaborators: '',
      evidence: [
        { id: first.id, label: first.label, types: ['kh'], keywords: ['Tuyên truyền'], minCount: 2, due: '2023-06-30' },
        { id: null, label: 'Báo cáo kết quả', types: [], keywords: [], minCount: 1, due: null },
      ],
    });
    expect(CriteriaPackSchema.safeParse(edit.pack).success).toBe(true);
    expect(edit.after).toMatchObject({ maxPoints: 7.5, responsible: 'Phòng TCCB', collaborators: null });
    expect(edit.after.evidence[0]).toEqual({ id: first.id, label: first.label, types: ['KH'], keywords: ['tuyen truyen'], minCount: 2, due: '2023-06-30' });
    expect(edit.after.evidence[1]?.id).toMatch(new RegExp(`^${leaf.code.replace(/\./g, '\\.')}#\\d+$`));
    expect(edit.after.evidence[1]?.id).not.toBe(first.id);
    expect(edit.changed).toEqual(expect.arrayContaining(['maxPoints', 'responsible', 'evidence']));
    expect(edit.changed).not.toContain('title');
    expect(pack.criteria.find((c) => c.code === leaf.code)?.maxPoints).toBe(leaf.maxPoints); // the input is not mutated
  });

  it('refuses an unknown code, an empty title, points out of range and a date that does not exist', async () => {
    const pack = await getPack('tra-vinh-so-y-te-2023');
    const code = leafCriteria(pack)[0]?.code ?? '';
    expect(() => editCriterion(pack, '99.99', { maxPoints: 1 })).toThrow(/not in the pack/);
    expect(() => editCriterion(pack, code, { title: '  ' })).toThrow(/title is empty/);
    expect(() => editCriterion(pack, code, { maxPoints: -1 })).toThrow(/from 0 to 1000/);
    expect(() => editCriterion(pack, code, { evidence: [{ label: 'x', types: [], keywords: [], minCount: 1, due: '2023-02-31' }] })).toThrow(/not a date/);
  });
});
