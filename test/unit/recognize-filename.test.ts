// File-name fallback: used only for what the text leaves open, marked 'filename' with a lower
// confidence, and never against a code the text shows. A name's number the text does not
// confirm (no code printed) stays a suggestion: nothing checks its digits.

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { fromFileName } from '../../main/engine/recognize/file-name.js';

const scan = (fileName: string) => recognizeHeader({ text: '', fileName, source: 'ocr' });

describe('number and type from the file name', () => {
  it.each([
    ['Kế hoạch 118-KH-UBND Hà Giang.pdf', '118/KH-UBND', 'KH'],
    ['kg-1942-KH-SYT.pdf', '1942/KH-SYT', 'KH'],
    ['company-89-2026-QD-CT-scan.pdf', '89/2026/QĐ-CT', 'QĐ'],
    ['hg-1940-QD-UBND-scan.pdf', '1940/QĐ-UBND', 'QĐ'],
    ['78_KH_SYT.pdf', '78/KH-SYT', 'KH'],
    ['1. 16-17 1940 QĐ UB Cờ.pdf', '1940/QĐ-UB', 'QĐ'],
    ['/evidence/1.3/kg-1942-KH-SYT.PDF', '1942/KH-SYT', 'KH'],
  ])('%s → %s, %s', (fileName, number, type) => {
    const r = scan(fileName);
    expect(r.number).toBeNull();
    expect(r.suggestions.number).toMatchObject({ value: number, source: 'filename', confidence: 0.45 });
    expect(r.type).toBe(type);
    expect(r.fields.type?.source).toBe('filename');
  });

  it('a công văn number in a name gives the number but no type (no V/v to see)', () => {
    const r = scan('kg-2082-SYT-NVY.pdf');
    expect(r.suggestions.number?.value).toBe('2082/SYT-NVY');
    expect(r.type).toBeNull();
    expect(r.fields.type).toBeUndefined();
  });

  it('a code outside the table (TM) gives no type', () => {
    expect(scan('kg-43-TM-SYT.pdf').type).toBeNull();
  });

  it('a type name opening the file name gives the type only, at the lowest confidence', () => {
    const r = scan('Thông báo lịch tiếp công dân năm 2020.pdf');
    expect(r.number).toBeNull();
    expect(r.type).toBe('TB');
    expect(r.fields.type).toEqual({ source: 'filename', confidence: 0.4 });
    expect(scan('Kế hoạch tuyên truyền CCHC.pdf').type).toBe('KH');
  });

  it('names without a number-and-code read nothing', () => {
    for (const name of ['plan-003-selfsigned.pdf', 'rb-large-352-pages.pdf', 'scan0001.pdf', 'Báo cáo 2023.pdf']) {
      expect(fromFileName(name).number, name).toBeNull();
    }
    expect(scan('rb-large-352-pages.pdf')).toMatchObject({ number: null, type: null, fields: {} });
  });
});

describe('text wins over the file name', () => {
  const text = ['SỞ Y TẾ', 'Số: 78/KH-SYT   Trà Vinh, ngày 08 tháng 6 năm 2023', 'KẾ HOẠCH', 'Tuyên truyền'].join('\n');

  it('keeps the number and type read in the text', () => {
    const r = recognizeHeader({ text, fileName: '99-BC-UBND.pdf', source: 'text' });
    expect(r.number).toBe('78/KH-SYT');
    expect(r.type).toBe('KH');
    expect(r.fields.number?.source).toBe('text');
    expect(r.fields.type?.source).toBe('text');
  });

  it('fills an unreadable OCR number from the name when the codes agree', () => {
    const ocr = ['UY BAN NHAN DAN', 'S6-4gL(O /QD-UBND   Ha Giang, ngayLf thang:} nam 2017', 'QUYETDINH', 'Ve viec tang Co thi dua'].join('\n');
    const r = recognizeHeader({ text: ocr, fileName: 'hg-1940-QD-UBND-scan.pdf', source: 'ocr' });
    expect(r.number).toBe('1940/QĐ-UBND');
    expect(r.fields.number?.source).toBe('filename');
    expect(r.type).toBe('QĐ');
    expect(r.fields.type?.source).toBe('ocr');
  });

  it('does not take a number from a name whose code contradicts the text', () => {
    const ocr = ['SO Y TE', 'So: ,i4 /VP-DDBQH', 'V/v gui thong bao'].join('\n');
    const r = recognizeHeader({ text: ocr, fileName: '117-KH-SYT.pdf', source: 'ocr' });
    expect(r.number).toBeNull();
  });

  it('does not override a type the text settled as outside the table', () => {
    const r = recognizeHeader({ text: ['Số: 43/TM-SYT', 'THƯ MỜI', 'Tham dự cuộc họp'].join('\n'), fileName: '43-GM-SYT.pdf', source: 'text' });
    expect(r.type).toBeNull();
  });
});
