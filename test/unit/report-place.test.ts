// The place-and-date line of the reports (issue 15 item 7): the place comes from the unit's name,
// or is left as dots for the clerk; never a wrong place.
import { describe, expect, it } from 'vitest';
import { placeDateLine, placeOfUnit } from '../../main/engine/bundle/report-model.js';

describe('place-and-date line', () => {
  it('takes the province, city or district from the unit name', () => {
    expect(placeOfUnit('Sở Y tế tỉnh Trà Vinh')).toBe('Trà Vinh');
    expect(placeOfUnit('UBND huyện Trà Cú, tỉnh Trà Vinh')).toBe('Trà Cú');
    expect(placeOfUnit('Sở Nội vụ thành phố Cần Thơ')).toBe('Cần Thơ');
    expect(placeOfUnit('Sở Y tế Đồng Nai')).toBeNull();
    expect(placeOfUnit(null)).toBeNull();
  });

  it('writes ngày/tháng/năm with two-digit day and month, dots for an unknown place', () => {
    const d = new Date(2026, 0, 5, 10, 0, 0);
    expect(placeDateLine('Trà Vinh', d)).toBe('Trà Vinh, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine(null, d)).toBe('……………, ngày 05 tháng 01 năm 2026');
  });
});
