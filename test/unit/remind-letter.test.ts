// The words of a reminder letter that come from the workspace's facts: the issuer block read from
// the unit's name (Nghị định 30/2020: the superior authority above the unit), and "đợt N".
import { describe, expect, it } from 'vitest';
import { batchPhrase, issuerOf } from '../../main/engine/remind/letter.js';

describe('reminder letter words', () => {
  it('reads the superior authority from the unit only when the name says it', () => {
    expect(issuerOf('Sở Y tế tỉnh Trà Vinh')).toEqual({ superior: 'UBND TỈNH TRÀ VINH', unit: 'SỞ Y TẾ' });
    expect(issuerOf('Sở Nội vụ thành phố Cần Thơ')).toEqual({ superior: 'UBND THÀNH PHỐ CẦN THƠ', unit: 'SỞ NỘI VỤ' });
    expect(issuerOf('Ủy ban nhân dân huyện Trà Cú')).toEqual({ superior: null, unit: 'ỦY BAN NHÂN DÂN HUYỆN TRÀ CÚ' });
    expect(issuerOf(null)).toEqual({ superior: null, unit: '' });
  });

  it('says "đợt N" from the batch label, or its number when the label is another word', () => {
    expect(batchPhrase({ number: 2, label: 'Đợt 2', due: '2023-09-30' })).toBe('đợt 2');
    expect(batchPhrase({ number: 1, label: 'đợt 01', due: '2023-06-30' })).toBe('đợt 01');
    expect(batchPhrase({ number: 3, label: 'Cuối năm', due: '2023-11-15' })).toBe('đợt 3 (Cuối năm)');
    expect(batchPhrase(null)).toBe('');
  });
});
