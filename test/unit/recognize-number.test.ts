// Document number ("số, ký hiệu"): normalisation, tolerance to sloppy print and OCR, and the
// other numbers a header carries (stamps, an issuer named after a decision, a quoted subject).

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { parseNumberText } from '../../main/engine/recognize/doc-number.js';

const G = '   '; // the extractor's column gap

function header(numberLine: string, heading = 'KẾ HOẠCH'): string {
  return [
    `UBND TỈNH TRÀ VINH${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `SỞ Y TẾ${G}Độc lập - Tự do - Hạnh phúc`,
    `${numberLine}${G}Trà Vinh, ngày 08 tháng 6 năm 2023`,
    heading,
    'Tuyên truyền cải cách hành chính năm 2023',
    'Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2023 của UBND tỉnh;',
  ].join('\n');
}

const num = (numberLine: string, heading?: string): string | null =>
  recognizeHeader({ text: header(numberLine, heading), fileName: 'x.pdf', source: 'text' }).number;

describe('number as printed, normalised', () => {
  it.each([
    ['Số: 78/KH-SYT', '78/KH-SYT'],
    ['Số: 07/2023/QĐ-UBND', '07/2023/QĐ-UBND'],
    ['Số: 173/TB-SGDĐT', '173/TB-SGDĐT'],
    ['Số: 1105/KH-ĐKT', '1105/KH-ĐKT'],
    ['Số 466 /PC-VPUBND', '466/PC-VPUBND'],
    // A joint document's code: its issuers joined by commas (dev/ag-154).
    ['Số: 154/CTPH-LĐLĐ-SVH,TT,DL', '154/CTPH-LĐLĐ-SVH,TT,DL'],
    ['Số:78/KH-SYT', '78/KH-SYT'],
    ['Số: 78 / KH-SYT', '78/KH-SYT'],
    ['Số: 78/KH - SYT', '78/KH-SYT'],
    ['Số: 78/KH SYT', '78/KH-SYT'],
    ['Số: 173 /TB-SGDĐT', '173/TB-SGDĐT'],
    ['Số: 78/KH-SYT.', '78/KH-SYT'],
  ])('%s → %s', (line, expected) => {
    expect(num(line)).toBe(expected);
  });

  it('keeps the NFC form and the original case', () => {
    // "Đ" decomposed (D + combining stroke does not exist; use a decomposed tone mark instead).
    const decomposed = 'Số: 12/QĐ-UBND'.normalize('NFD');
    const got = num(decomposed, 'QUYẾT ĐỊNH');
    expect(got).toBe('12/QĐ-UBND');
    expect(got).toBe(got?.normalize('NFC'));
    expect(num('Số: 5/TTr-UBND', 'TỜ TRÌNH')).toBe('5/TTr-UBND');
  });

  it('reads the party form with the type before the slash', () => {
    const r = recognizeHeader({ text: header('Số 12-CTr/TU', 'CHƯƠNG TRÌNH'), fileName: 'x.pdf', source: 'text' });
    expect(r.number).toBe('12-CTr/TU');
    expect(r.type).toBe('CTr');
  });

  it('puts back a lost hyphen only when the heading says which type the code starts with', () => {
    expect(num('Số: 78/KHSYT', 'KẾ HOẠCH')).toBe('78/KH-SYT');
    // Without a heading "SYTVP" would split as SY (Bản sao y) + TVP: a guess, so it stays as printed.
    const r = recognizeHeader({
      text: ['SỞ Y TẾ', 'Số: 610/SYTVP', 'V/v tăng cường quản lý chất thải', 'Kính gửi: Các đơn vị'].join('\n'),
      fileName: 'x.pdf',
      source: 'text',
    });
    expect(r.number).toBe('610/SYTVP');
  });
});

describe('blank and unreadable numbers', () => {
  it('a draft with the number left blank has no number but keeps the type from the code', () => {
    for (const line of ['Số: /KH-UBND', 'Số:      /KH-UBND', 'Số: ......./KH-UBND']) {
      const r = recognizeHeader({ text: header(line), fileName: 'plan-003.pdf', source: 'text' });
      expect(r.number, line).toBeNull();
      expect(r.type, line).toBe('KH');
      expect(r.fields.number, line).toBeUndefined();
    }
  });

  it('the blank code part alone gives the type even without a heading', () => {
    const text = ['Số: /KH-UBND', 'Trà Cú, ngày tháng 6 năm 2023', 'Khắc phục những hạn chế năm 2022'].join('\n');
    const r = recognizeHeader({ text, fileName: 'draft.pdf', source: 'text' });
    expect(r.number).toBeNull();
    expect(r.type).toBe('KH');
  });

  it('OCR noise where the digits were handwritten gives no number, never a guess', () => {
    for (const line of ['S6-4gL(O /QD-UBND', 'Se: .bfib/KH-BG.DDT', 's6: e93 /CT-BGDDT', 'So: ,i4 /VP-DDBQH']) {
      expect(parseNumberText(line.replace(/^\S+\s?/, ''), 'ocr')?.number ?? null, line).toBeNull();
      const r = recognizeHeader({ text: `BO Y TE\n${line}\nHa Noi, ngay 12 thang 4 nam 2019`, fileName: 'scan.pdf', source: 'ocr' });
      expect(r.number, line).toBeNull();
    }
  });

  it('a bare register number without a code is not a document number', () => {
    expect(parseNumberText(' 4010', 'text')).toBeNull();
    expect(parseNumberText(' 4010 Ngày: 05/9/2017', 'text')).toBeNull();
  });
});

describe('OCR tolerance', () => {
  it('reads "So:" without marks and restores the Đ of the type segment only', () => {
    const text = ['UY BAN NHAN DAN TINH HA GIANG', 'So: 1940/QD-UBND   Ha Giang, ngay 28 thang 9 nam 2017', 'QUYET DINH', 'Ve viec tang Co thi dua'].join('\n');
    const r = recognizeHeader({ text, fileName: 'scan.pdf', source: 'ocr' });
    expect(r.number).toBe('1940/QĐ-UBND');
    expect(r.type).toBe('QĐ');
    expect(r.fields.number?.source).toBe('ocr');
  });

  it('keeps "QD" as printed in a born-digital text layer, but still knows the type is QĐ', () => {
    const r = recognizeHeader({ text: header('Số: 15/QD-UBND', ''), fileName: 'x.pdf', source: 'text' });
    expect(r.number).toBe('15/QD-UBND');
    expect(r.type).toBe('QĐ');
  });

  it('gives OCR a lower confidence than a text layer for the same header', () => {
    const text = header('So: 78/KH-SYT');
    const fromText = recognizeHeader({ text, fileName: 'x.pdf', source: 'text' });
    const fromOcr = recognizeHeader({ text, fileName: 'x.pdf', source: 'ocr' });
    expect(fromOcr.number).toBe('78/KH-SYT');
    expect(fromOcr.fields.number?.confidence ?? 1).toBeLessThan(fromText.fields.number?.confidence ?? 0);
  });
});

describe('traps: other numbers in and near the header', () => {
  it('an issuer named after a decision ("… THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT") is not the number', () => {
    const text = [
      `SỞ CÔNG THƯƠNG${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `ĐOÀN KIỂM TRA${G}Độc lập - Tự do - Hạnh phúc`,
      'THEO QUYẾT ĐỊNH',
      `SỐ 1050/QĐ-SCT${G}Lào Cai, ngày 10 tháng 3 năm 2026`,
      'Số: 1105/KH-ĐKT',
      'KẾ HOẠCH',
      'Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật',
      'liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai',
      'Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở',
    ].join('\n');
    const r = recognizeHeader({ text, fileName: 'lc-1105.pdf', source: 'text' });
    expect(r.number).toBe('1105/KH-ĐKT');
    expect(r.type).toBe('KH');
    expect(r.issuer).toBe('ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT');
    expect(r.issuerParent).toBe('SỞ CÔNG THƯƠNG');
    expect(r.date).toBe('2026-03-10');
  });

  it('an incoming-mail stamp above the header ("CÔNG VĂN ĐẾN Số: 4010/…") is not the number', () => {
    // Some registries stamp a full code; the stamp comes first, so only its context can rule it out.
    const text = [
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      'CÔNG VĂN ĐẾN',
      'Số: 4010/SGDĐT-VP',
      'ngày 05 tháng 9 năm 2017',
      `QUỐC HỘI KHÓA XIV${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `ĐOÀN ĐẠI BIỂU QUỐC HỘI${G}Độc lập - Tự do - Hạnh phúc`,
      'TỈNH HÀ GIANG',
      `Số: 117/VP-ĐĐBQH${G}Hà Giang, ngày 01 tháng 9 năm 2017`,
      '“V/v gửi thông báo kết quả trả lời',
      'kiến nghị của cử tri”',
      'Kính gửi: Sở Giáo dục và Đào tạo tỉnh Hà Giang.',
    ].join('\n');
    const r = recognizeHeader({ text, fileName: 'hg-117.pdf', source: 'text' });
    expect(r.number).toBe('117/VP-ĐĐBQH');
    expect(r.date).toBe('2017-09-01');
    expect(r.type).toBe('CV');
  });

  it('a number quoted in the trích yếu ("Công văn số 01/TTr-CT05") is neither number nor type', () => {
    const text = [
      `UBND TỈNH LÀO CAI${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `VĂN PHÒNG${G}Độc lập - Tự do - Hạnh phúc`,
      `Số 466 /PC-VPUBND${G}Lào Cai, ngày 12 tháng 5 năm 2026`,
      'PHIẾU CHUYỂN',
      'Công văn số 01/TTr-CT05 ngày 07/5/2026 của',
      'Công ty Cổ phần đầu tư phát triển Đô thị và Khu công nghiệp',
      'Kính gửi: Sở Công Thương',
    ].join('\n');
    const r = recognizeHeader({ text, fileName: 'lc-466.pdf', source: 'text' });
    expect(r.number).toBe('466/PC-VPUBND');
    expect(r.type).toBe('PC');
    expect(r.date).toBe('2026-05-12');
    expect(r.title).toBe('Công văn số 01/TTr-CT05 ngày 07/5/2026 của Công ty Cổ phần đầu tư phát triển Đô thị và Khu công nghiệp');
  });

  it('numbers cited in the body ("Căn cứ Quyết định số …") are never read when the header has none', () => {
    const text = [
      'SỞ Y TẾ',
      'KẾ HOẠCH',
      'Tuyên truyền cải cách hành chính',
      'Căn cứ Quyết định số 19/2018/QĐ-UBND ngày 10/8/2018 của UBND tỉnh;',
      'Số 12/QĐ-UBND ngày 05 tháng 01 năm 2023 của UBND tỉnh về việc',
    ].join('\n');
    const r = recognizeHeader({ text, fileName: 'ke-hoach.pdf', source: 'text' });
    expect(r.number).toBeNull();
    expect(r.type).toBe('KH');
    expect(r.date).toBeNull();
  });
});
