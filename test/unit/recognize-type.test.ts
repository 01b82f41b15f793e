// Document type: Phụ lục III code from the number, the printed heading as strong evidence,
// công văn recognised by a non-type code plus a "V/v" subject, and headings outside the table.

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { findHeadings, typeCodeOf } from '../../main/engine/recognize/doc-type.js';
import { toHeaderLines } from '../../main/engine/recognize/header-lines.js';

const G = '   ';

function doc(numberLine: string, body: string[]): string {
  return [
    `UBND TỈNH KIÊN GIANG${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `SỞ Y TẾ${G}Độc lập - Tự do - Hạnh phúc`,
    `${numberLine}${G}Kiên Giang, ngày 06 tháng 11 năm 2017`,
    ...body,
  ].join('\n');
}

const rec = (text: string, source: 'text' | 'ocr' = 'text') => recognizeHeader({ text, fileName: 'x.pdf', source });

describe('type from heading and code', () => {
  it.each([
    ['KẾ HOẠCH', 'Số: 1942/KH-SYT', 'KH', 'Kế hoạch'],
    ['QUYẾT ĐỊNH', 'Số: 1074/QĐ-BXD', 'QĐ', 'Quyết định'],
    ['THÔNG BÁO', 'Số: 173/TB-SGDĐT', 'TB', 'Thông báo'],
    ['CHỈ THỊ', 'Số: 993/CT-BGDĐT', 'CT', 'Chỉ thị'],
    ['CHƯƠNG TRÌNH', 'Số: 12/CTr-UBND', 'CTr', 'Chương trình'],
    ['TỜ TRÌNH', 'Số: 45/TTr-SYT', 'TTr', 'Tờ trình'],
    ['BÁO CÁO', 'Số: 311/BC-SYT', 'BC', 'Báo cáo'],
    ['PHIẾU CHUYỂN', 'Số 466 /PC-VPUBND', 'PC', 'Phiếu chuyển'],
    ['QUY ĐỊNH', 'Số: 3/QyĐ-UBND', 'QyĐ', 'Quy định'],
  ])('%s with %s → %s', (heading, numberLine, code, name) => {
    const r = rec(doc(numberLine, [heading, 'Nội dung trích yếu của văn bản', 'Căn cứ Luật Tổ chức chính quyền địa phương;']));
    expect(r.type).toBe(code);
    expect(r.typeName).toBe(name);
    expect(r.fields.type?.source).toBe('text');
  });

  it('knows the type from the heading alone and from the code alone', () => {
    expect(rec(doc('Số: /UBND', ['KẾ HOẠCH', 'Tuyên truyền CCHC'])).type).toBe('KH');
    const codeOnly = rec(doc('Số: 78/KH-SYT', ['Tuyên truyền cải cách hành chính năm 2023']));
    expect(codeOnly.type).toBe('KH');
  });

  it('the printed heading wins over a code that disagrees, at a lower confidence', () => {
    const agree = rec(doc('Số: 10/KH-SYT', ['KẾ HOẠCH', 'Tuyên truyền']));
    const disagree = rec(doc('Số: 10/TB-SYT', ['KẾ HOẠCH', 'Tuyên truyền']));
    expect(disagree.type).toBe('KH');
    expect(disagree.fields.type?.confidence ?? 1).toBeLessThan(agree.fields.type?.confidence ?? 0);
  });

  it('codes are case-sensitive: CT is Chỉ thị, CTr Chương trình', () => {
    expect(typeCodeOf('CT')).toBe('CT');
    expect(typeCodeOf('CTr')).toBe('CTr');
    expect(typeCodeOf('TTr')).toBe('TTr');
    expect(typeCodeOf('TTra')).toBeNull();
    expect(typeCodeOf('QD')).toBe('QĐ');
    expect(typeCodeOf('CD')).toBe('CĐ');
    // DA and HD are codes of their own (Dự án, Hướng dẫn): never folded onto ĐA / HĐ.
    expect(typeCodeOf('DA')).toBe('DA');
    expect(typeCodeOf('HD')).toBe('HD');
    expect(typeCodeOf('SYT')).toBeNull();
  });
});

describe('công văn', () => {
  it('a code that is not a type plus a V/v subject is a công văn', () => {
    for (const numberLine of ['Số: 610/SYT-VP', 'Số: 117/VP-ĐĐBQH', 'Số: 3686/UBND-XD', 'Số: 2082/SYT-NVY']) {
      const r = rec(doc(numberLine, ['V/v tăng cường công tác quản lý', 'chất thải y tế', 'Kính gửi: Các đơn vị trực thuộc']));
      expect(r.type, numberLine).toBe('CV');
      expect(r.typeName, numberLine).toBe('Công văn');
    }
  });

  it('the inspectorate code TTra is an issuer, not Tờ trình: with V/v it is a công văn', () => {
    const r = rec(doc('Số: 56/TTra-NV', ['V/v báo cáo kết quả thanh tra', 'Kính gửi: Giám đốc Sở Y tế']));
    expect(r.number).toBe('56/TTra-NV');
    expect(r.type).toBe('CV');
  });

  it('V/v variants and OCR noise still mark the subject', () => {
    for (const subject of ['V/V tăng cường quản lý', 'v/v tăng cường quản lý', 'V/v: tăng cường quản lý', '“V/v tăng cường quản lý”']) {
      expect(rec(doc('Số: 610/SYT-VP', [subject, 'Kính gửi: Các đơn vị'])).type, subject).toBe('CV');
    }
    const ocr = rec(['SO Y TE', 'So: 610/SYT-VP   Tra Vinh, ngay 08 thang 6 nam 2023', 'V/v tang cuong quan ly', 'Kinh gui: Cac don vi'].join('\n'), 'ocr');
    expect(ocr.type).toBe('CV');
    expect(ocr.fields.type?.source).toBe('ocr');
  });

  it('a non-type code with neither heading nor V/v nor addressee stays unknown', () => {
    const r = rec(doc('Số: 610/SYT-VP', ['Nội dung nào đó không rõ loại']));
    expect(r.type).toBeNull();
    expect(r.fields.type).toBeUndefined();
  });
});

describe('headings outside the table', () => {
  it('THƯ MỜI (code TM) has no Phụ lục III type: null, and the file name does not override it', () => {
    const text = doc('Số: 43/TM-SYT', ['THƯ MỜI', 'Tham dự cuộc họp nghiệm thu cơ sở đối với đề tài', 'Kính gửi: Các thành viên Hội đồng']);
    const r = recognizeHeader({ text, fileName: 'Thông báo 43-TM-SYT.pdf', source: 'text' });
    expect(r.number).toBe('43/TM-SYT');
    expect(r.type).toBeNull();
    expect(r.typeName).toBeNull();
    expect(r.title).toBe('Tham dự cuộc họp nghiệm thu cơ sở đối với đề tài');
  });

  it('a heading is a whole capitalised cell: an issuer line "THEO QUYẾT ĐỊNH" or the "QUYẾT ĐỊNH:" clause is not', () => {
    const lines = toHeaderLines(['THEO QUYẾT ĐỊNH SỐ 1050', 'QUYẾT ĐỊNH:', 'Quyết định', 'KẾ HOẠCH'].join('\n'));
    const found = findHeadings(lines, lines.length, 'text');
    expect(found.map((h) => h.code)).toEqual(['KH']);
  });

  it('reads OCR headings without marks or spaces', () => {
    const lines = toHeaderLines(['QUYETDINH', 'KE HOACH', 'CHI THI'].join('\n'));
    expect(findHeadings(lines, lines.length, 'ocr').map((h) => h.code)).toEqual(['QĐ', 'KH', 'CT']);
  });
});

describe('letter-spaced headings', () => {
  it('reads a heading printed with spaced letters, even split into cells', () => {
    for (const heading of ['K Ế H O Ạ C H', 'K Ế   H O Ạ C H', 'QUYẾT   ĐỊNH']) {
      const lines = toHeaderLines(['Số: /UBND', heading, 'Tuyên truyền'].join('\n'));
      expect(findHeadings(lines, lines.length, 'text').map((h) => h.code), heading).toEqual([heading.startsWith('K') ? 'KH' : 'QĐ']);
    }
  });
});
