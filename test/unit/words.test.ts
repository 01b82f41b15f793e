// The renderer's words for the engine's facts: every problem, reason, note and error kind is worded
// from the catalogue in Vietnamese, with dates as dd/mm/yyyy and numbers with a decimal comma.
import { describe, expect, it } from 'vitest';
import { reasonFact } from '../../shared/reason-fact.js';
import { apiError } from '../../shared/api.js';
import type { Translate } from '../../renderer/src/i18n/index.js';
import { vi } from '../../renderer/src/i18n/vi.js';
import { makeWords } from '../../renderer/src/i18n/words.js';
import { englishWords } from '../helpers/english-words.js';

const t: Translate = (key, vars) => {
  let s: string = vi[key];
  for (const [k, v] of Object.entries(vars ?? {})) s = s.replaceAll(`{${k}}`, String(v));
  return s;
};
const w = makeWords(t, 'vi');

describe('words', () => {
  it('words problems from kind and params', () => {
    expect(w.problem({ kind: 'outside-year', documentId: 'x', message: '', params: { relPath: 'a.pdf', date: '2022-02-12', year: 2023 } })).toBe('a.pdf: ngày 12/02/2022, ngoài năm đánh giá 2023');
    expect(w.problem({ kind: 'no-evidence', documentId: null, message: '', params: { label: 'Kế hoạch', valid: 1, minCount: 2, due: '2023-06-30' } })).toBe('«Kế hoạch»: mới có 1/2 tài liệu hợp lệ (thời hạn 30/06/2023)');
    expect(w.problem({ kind: 'rejected', documentId: 'x', message: '', params: { relPath: 'b.pdf', note: 'Sai năm' } })).toBe('b.pdf: người duyệt đánh giá không đạt: Sai năm');
    expect(w.problem({ kind: 'unreadable', documentId: 'x', message: '', params: { relPath: 'c.pdf', errorKind: 'corrupt' } })).toBe('c.pdf: không đọc được tệp (Tệp hỏng)');
  });

  it('reads link reasons back into facts and words them', () => {
    expect(reasonFact('assigned by hand')).toEqual({ kind: 'manual' });
    expect(reasonFact("folder '1.1 Kế hoạch'")).toEqual({ kind: 'path', origin: 'folder', segment: '1.1 Kế hoạch', content: null });
    expect(reasonFact("KH + 'tuyên truyền', 'CCHC' in subject (+2 in text)")).toEqual({ kind: 'content', content: { type: 'KH', keywords: ['tuyên truyền', 'CCHC'], inText: 2 } });
    const fact = reasonFact("file name '3_bao-cao' + 'báo cáo' in subject");
    expect(fact).toMatchObject({ kind: 'path', origin: 'filename', segment: '3_bao-cao', content: { keywords: ['báo cáo'] } });
    expect(w.reason({ reason: "KH + 'tuyên truyền' in subject", source: 'content' })).toBe('Loại văn bản KH, trích yếu có «tuyên truyền»');
  });

  it('words validation failures per field and engine refusals from their fact', () => {
    const bad = apiError('invalid-argument', { call: 'workspace:create', field: 'year', issue: 'too_small', value: 1800, issues: [{ path: 'year', code: 'too_small', minimum: 2000 }] }, "year '1800': Too small");
    expect(w.error(bad)).toBe('Năm phải từ 2000 đến 2100');
    const user = apiError('user', { fact: { kind: 'workspace-folder.missing-parent', params: { path: '/a/b/c', parent: '/a/b' } }, problems: [] }, 'the folder /a/b does not exist');
    expect(w.error(user)).toBe('Thư mục /a/b không tồn tại: hãy tạo nó trước hoặc chọn một thư mục có sẵn.');
    expect(w.error(apiError('internal', { call: 'status:get' }, 'Failed to fetch'))).toContain('Mất kết nối với KiemChung');
  });

  it('words a busy workspace with who holds it (the writer lock)', () => {
    const busy = apiError('user', { fact: { kind: 'workspace.busy', params: { path: '/ws', program: 'kiemchung scan', pid: '4242', host: 'may-1', user: 'vanthu', since: '2026-12-02T07:00:00Z' } }, problems: [] }, 'busy');
    expect(w.error(busy)).toBe('Bộ hồ sơ /ws đang được kiemchung scan (PID 4242) sử dụng: đợi chương trình đó xong hoặc đóng nó, rồi thử lại.');
    const unknown = apiError('user', { fact: { kind: 'workspace.busy-unknown', params: { path: '/ws' } }, problems: [] }, 'busy');
    expect(w.error(unknown)).toContain('đang được một chương trình KiemChung khác sử dụng');
  });

  it('leaves no English in any worded fact', () => {
    const all = Object.entries(vi)
      .filter(([k]) => /^(problem|reason|note|quality|errorKind|phase|fact|error|issue|field|verify|job)\./.test(k))
      .map(([, v]) => v)
      .join('\n');
    expect(englishWords(all, ['code', 'root', 'ref', 'path', 'parent', 'relPath', 'errorKind', 'label', 'valid', 'minCount', 'due', 'note', 'segment', 'filed', 'keywords', 'type', 'field', 'min', 'max', 'job', 'file', 'problems', 'row', 'column', 'neededMb', 'freeMb', 'other', 'name', 'date', 'year', 'Windows', 'zip', 'ho', 'cchc', 'CRC', 'content', 'program', 'pid', 'fsType', 'mountPoint'])).toEqual([]);
  });
});
