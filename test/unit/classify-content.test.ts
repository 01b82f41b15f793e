import { beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaPack } from '../../shared/pack.js';
import { ContentMatcher } from '../../main/engine/classify/content-match.js';
import { getPack } from '../../main/engine/packs/library.js';

let matcher: ContentMatcher;
let pack: CriteriaPack;

beforeAll(async () => {
  pack = await getPack('binh-dinh-so-y-te-2023');
  matcher = new ContentMatcher(pack);
});

const codes = (type: string | null, title: string, text = ''): string[] => matcher.match({ type, title, text }).map((m) => m.code);

describe('content matching against the Bình Định pack', () => {
  it('links a subject to the criterion whose rare keywords it names', () => {
    expect(codes('KH', 'Kế hoạch tuyên truyền cải cách hành chính năm 2023')[0]).toBe('1.3');
    expect(codes('QĐ', 'Quyết định công bố danh mục thủ tục hành chính lĩnh vực y tế')[0]).toBe('3.2');
    expect(codes('BC', 'Báo cáo kết quả đào tạo, bồi dưỡng công chức, viên chức năm 2023')[0]).toBe('5.5');
    expect(codes('KH', 'Kế hoạch chuyển đổi vị trí công tác năm 2023')[0]).toBe('5.6');
  });

  it('explains the link with the words as the subject spells them', () => {
    const best = matcher.match({ type: 'KH', title: 'Kế hoạch Tuyên truyền CCHC năm 2023', text: '' })[0];
    expect(best?.reason).toMatch(/^'Tuyên truyền', 'CCHC' in subject/);
  });

  it('does not link on words every criterion shares, on body words alone, or against a slot type', () => {
    expect(codes('CV', 'V/v thực hiện hành chính')).toEqual([]);
    expect(codes('KH', 'Kế hoạch năm 2023', 'tuyên truyền cải cách hành chính sáng kiến')).toEqual([]);
    // 5.5 wants KH or BC; a Quyết định about training belongs elsewhere or nowhere.
    expect(codes('QĐ', 'Quyết định cử đi đào tạo, bồi dưỡng')).not.toContain('5.5');
  });

  it('picks a slot for documents linked by folder', () => {
    const c = pack.criteria.find((x) => x.code === '2.4');
    if (!c) throw new Error('2.4 missing from the pack');
    expect(matcher.bestSlot(c, { type: 'BC', title: 'Báo cáo', text: '' })).toBe(c.evidence[1]?.id);
    expect(matcher.bestSlot(c, { type: 'KH', title: 'Kế hoạch theo dõi tình hình thi hành pháp luật', text: '' })).toBe(c.evidence[0]?.id);
  });
});
