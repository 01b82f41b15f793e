// packs:saveDraft's engine half: a plan draft as the user fixed it becomes a pack through the
// import's table reader (slots derived from the edited expected result), a due date the user set
// wins over the printed deadline on the criterion and its slots, and rows that make no pack fail.
import { describe, expect, it } from 'vitest';
import { PackImportError } from '../../main/engine/packs/errors.js';
import { packFromEditedDraft, type EditedDraft, type EditedDraftRow } from '../../main/engine/packs/plan/edited.js';

const row = (code: string, over: Partial<EditedDraftRow> = {}): EditedDraftRow => ({
  code,
  parent: null,
  title: `Tiêu chí ${code}`,
  responsible: null,
  collaborators: null,
  expectedResult: null,
  deadline: null,
  due: null,
  maxPoints: null,
  ...over,
});

const draft = (rows: EditedDraftRow[]): EditedDraft => ({
  pack: { id: 'ke-hoach-thu-2023', name: 'Kế hoạch thử', year: 2023, level: 'so', unit: 'Sở Y tế', source: null, batches: [{ label: 'Đợt 1', due: '2023-06-30', yearly: true }] },
  rows,
});

describe('packFromEditedDraft', () => {
  it('keeps the edited cells, derives slots from the expected result and keeps the printed deadline’s date', () => {
    const { pack } = packFromEditedDraft(
      draft([
        row('1', { title: 'Công tác chỉ đạo điều hành' }),
        row('1.1', { title: 'Kế hoạch CCHC (đã sửa)', responsible: 'Văn phòng Sở', expectedResult: 'Kế hoạch CCHC năm 2023; Báo cáo CCHC năm 2023', deadline: 'Trước ngày 30/11/2023', due: '2023-11-30', maxPoints: 7.5 }),
      ]),
    );
    expect(pack).toMatchObject({ id: 'ke-hoach-thu-2023', name: 'Kế hoạch thử', year: 2023, batches: [{ label: 'Đợt 1', due: '2023-06-30', yearly: true }] });
    const c = pack.criteria.find((x) => x.code === '1.1');
    expect(c).toMatchObject({ parent: '1', title: 'Kế hoạch CCHC (đã sửa)', responsible: 'Văn phòng Sở', maxPoints: 7.5, due: '2023-11-30', dueText: 'Trước ngày 30/11/2023' });
    expect(c?.evidence.length).toBe(2);
  });

  it('a due date the user set replaces the deadline’s on the criterion and every slot', () => {
    const { pack } = packFromEditedDraft(draft([row('1'), row('1.1', { expectedResult: 'Kế hoạch CCHC năm 2023', deadline: 'Thường xuyên', due: '2023-06-15' })]));
    const c = pack.criteria.find((x) => x.code === '1.1');
    expect(c?.due).toBe('2023-06-15');
    expect(c?.evidence.length).toBeGreaterThan(0);
    expect(c?.evidence.every((s) => s.due === '2023-06-15')).toBe(true);
  });

  it('a code that is not a criterion code is refused with its row, not skipped', () => {
    try {
      packFromEditedDraft(draft([row('1'), row('1.x')]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PackImportError);
      expect((e as PackImportError).problems).toMatchObject([{ row: 2, column: 'code', kind: 'code-invalid', params: { value: '1.x' } }]);
    }
  });

  it('a code twice makes no pack: a PackImportError with the row', () => {
    expect(() => packFromEditedDraft(draft([row('1'), row('1.1'), row('1.1', { title: 'Khác' })]))).toThrow(PackImportError);
  });
});
