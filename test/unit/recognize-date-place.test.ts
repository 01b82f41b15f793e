// Place and date from the "địa danh, ngày … tháng … năm …" line, and the dates that are not the
// document's: incoming-mail stamps, digital-signature stamps, citations in the body.

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { placeBefore } from '../../main/engine/recognize/place-date.js';

const G = '   ';

function doc(dateCell: string, extra: { before?: string[]; after?: string[] } = {}): string {
  return [
    ...(extra.before ?? []),
    `SỞ Y TẾ${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `Số: 78/KH-SYT${G}${dateCell}`,
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2023',
    ...(extra.after ?? []),
  ].join('\n');
}

const rec = (text: string, source: 'text' | 'ocr' = 'text') => recognizeHeader({ text, fileName: 'x.pdf', source });

describe('place-date line', () => {
  it.each([
    ['Trà Vinh, ngày 08 tháng 6 năm 2023', 'Trà Vinh', '2023-06-08'],
    ['Trà Vinh, ngày 8 tháng 6 năm 2023', 'Trà Vinh', '2023-06-08'],
    ['Đồng Nai, ngày 19 tháng 01 năm 2023', 'Đồng Nai', '2023-01-19'],
    ['Hà Giang, ngày 03tháng 3 năm 2020', 'Hà Giang', '2020-03-03'],
    ['Lào Cai, ngày11tháng 5 năm 2026', 'Lào Cai', '2026-05-11'],
    ['Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026', 'Thành phố Hồ Chí Minh', '2026-06-23'],
    ['TP. Hồ Chí Minh, ngày 23 tháng 6 năm 2026', 'TP. Hồ Chí Minh', '2026-06-23'],
    ['Hà Nội, ngày 08/6/2023', 'Hà Nội', '2023-06-08'],
    ['Hà Nội, ngày 29 tháng 6 năm 2026.', 'Hà Nội', '2026-06-29'],
  ])('%s', (cell, place, date) => {
    const r = rec(doc(cell));
    expect(r.place).toBe(place);
    expect(r.date).toBe(date);
    expect(r.fields.date).toEqual({ source: 'text', confidence: expect.any(Number) });
  });

  it('a blank day gives no date but keeps the place', () => {
    const r = rec(doc('Trà Cú, ngày tháng 6 năm 2023'));
    expect(r.date).toBeNull();
    expect(r.place).toBe('Trà Cú');
    expect(r.fields.date).toBeUndefined();
    expect(r.fields.place?.source).toBe('text');
  });

  it('an impossible date is not produced', () => {
    expect(rec(doc('Hà Nội, ngày 31 tháng 2 năm 2023')).date).toBeNull();
    expect(rec(doc('Hà Nội, ngày 12 tháng 13 năm 2023')).date).toBeNull();
  });

  it('reads the place when the number shares its cell (no column gap)', () => {
    const text = ['UBND TỈNH BÌNH ĐỊNH', 'SỞ Y TẾ', 'Số: /KH-SYT Bình Định, ngày 15 tháng 6 năm 2023', 'KẾ HOẠCH', 'Triển khai'].join('\n');
    const r = rec(text);
    expect(r.place).toBe('Bình Định');
    expect(r.date).toBe('2023-06-15');
    expect(r.number).toBeNull();
  });

  it('joins a day inserted by a signing widget as a cell of its own', () => {
    const r = rec(doc(`Lào Cai, ngày${G}11${G}tháng 5 năm 2026`));
    expect(r.place).toBe('Lào Cai');
    expect(r.date).toBe('2026-05-11');
  });

  it('placeBefore stops at anything that is not a word', () => {
    expect(placeBefore('Số: /KH-SYT Bình Định, ')).toBe('Bình Định');
    expect(placeBefore('Số: 78/KH-SYT Trà Vinh,')).toBe('Trà Vinh');
    expect(placeBefore('')).toBeNull();
    expect(placeBefore('của ')).toBeNull();
  });
});

describe('OCR place-date', () => {
  it('reads a line without diacritics, at a lower confidence', () => {
    const r = rec(doc('Tra Vinh, ngay 08 thang 6 nam 2023'), 'ocr');
    expect(r.date).toBe('2023-06-08');
    expect(r.place).toBe('Tra Vinh');
    expect(r.fields.date?.source).toBe('ocr');
    expect(r.fields.date?.confidence ?? 1).toBeLessThan(rec(doc('Trà Vinh, ngày 08 tháng 6 năm 2023')).fields.date?.confidence ?? 0);
  });

  it('tolerates "narn" for năm', () => {
    expect(rec(doc('Ha Giang, ngay 01 thang 9 narn 2017'), 'ocr').date).toBe('2017-09-01');
  });

  it('a garbled handwritten day gives no date, never a guess', () => {
    for (const cell of ['Ha Giang, ngayLf thang:} nam 2017', 'Ha NOi, ngay ethang 3 nang 2019', "Ha N'Ci, ngay/f& thang 4 nam 2019"]) {
      expect(rec(doc(cell), 'ocr').date, cell).toBeNull();
    }
  });
});

describe('dates that are not the document date', () => {
  it('an incoming-mail stamp date (CÔNG VĂN ĐẾN … ngày 05 tháng 9) loses to the place-date line', () => {
    const text = doc('Hà Giang, ngày 01 tháng 9 năm 2017', {
      before: ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'CÔNG VĂN ĐẾN', 'Số: 4010', 'ngày 05 tháng 9 năm 2017'],
    });
    expect(rec(text).date).toBe('2017-09-01');
  });

  it('an incoming stamp is not taken even when the document day is blank', () => {
    const text = doc('Hà Giang, ngày tháng 9 năm 2017', {
      before: ['CÔNG VĂN ĐẾN', 'Số: 4010', 'Ngày 05 tháng 9 năm 2017'],
    });
    const r = rec(text);
    expect(r.date).toBeNull();
    expect(r.place).toBe('Hà Giang');
  });

  it('a digital-signature stamp ("Thời gian ký: 16.04.2019") is not the document date', () => {
    const text = [
      'Người ký: Nguyễn Viết Lộc',
      'Cơ quan: Bộ Giáo dục và Đào tạo',
      'Thời gian ký: 16.04.2019 10:20:31 +07:00',
      `BỘ GIÁO DỤC VÀ ĐÀO TẠO${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `Số: 993/CT-BGDĐT${G}Hà Nội, ngày 12 tháng 4 năm 2019`,
      'CHỈ THỊ',
      'Về việc tăng cường giải pháp phòng, chống bạo lực học đường',
    ].join('\n');
    const r = rec(text);
    expect(r.date).toBe('2019-04-12');
    expect(r.issuer).toBe('BỘ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(r.number).toBe('993/CT-BGDĐT');
  });

  it('a signature stamp alone gives no date', () => {
    const text = ['Ký bởi: Sở Y tế', 'Thời gian ký: 16.04.2019 10:20:31', 'Số: 78/KH-SYT', 'KẾ HOẠCH', 'Tuyên truyền'].join('\n');
    expect(rec(text).date).toBeNull();
  });

  it('dates cited in the body ("Căn cứ Luật … ngày 29 tháng 11 năm 2024") are not the document date', () => {
    const text = [
      'BỘ XÂY DỰNG',
      'Số: 1074/QĐ-BXD',
      'QUYẾT ĐỊNH',
      'Ban hành các giải pháp kỹ thuật',
      'Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15',
      'ngày 29 tháng 11 năm 2024;',
      'Căn cứ Nghị định số 105/2025/NĐ-CP ngày 15 tháng 5 năm 2025 của Chính phủ;',
    ].join('\n');
    const r = rec(text);
    expect(r.date).toBeNull();
    expect(r.place).toBeNull();
  });
});
