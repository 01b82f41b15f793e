// Issuer block (parent + issuer, wrapped names, glued motto) and trích yếu (under the heading,
// or the V/v block of a công văn; several lines; quotes).

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { toHeaderLines } from '../../main/engine/recognize/header-lines.js';
import { unquote } from '../../main/engine/recognize/title.js';

const G = '   ';
const rec = (lines: string[], source: 'text' | 'ocr' = 'text') => recognizeHeader({ text: lines.join('\n'), fileName: 'x.pdf', source });

describe('issuer and parent', () => {
  it('parent above, issuer below, in the left column', () => {
    const r = rec([
      `UBND TỈNH HÀ GIANG${G}CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO${G}Độc lập - Tự do - Hạnh phúc`,
      `Số: 173/TB-SGDĐT${G}Hà Giang, ngày 03 tháng 3 năm 2020`,
      'THÔNG BÁO',
      'Lịch tiếp công dân của Sở Giáo dục và Đào tạo năm 2020',
    ]);
    expect(r.issuerParent).toBe('UBND TỈNH HÀ GIANG');
    expect(r.issuer).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(r.fields.issuer?.source).toBe('text');
  });

  it('a name wrapped onto a second line is one issuer, without parent', () => {
    const r = rec([
      `ỦY BAN NHÂN DÂN${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `TỈNH LÀO CAI${G}Độc lập - Tự do - Hạnh phúc`,
      `Số: 3686/UBND-XD${G}Lào Cai, ngày 11 tháng 5 năm 2026`,
    ]);
    expect(r.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(r.issuerParent).toBeNull();
  });

  it('splits a motto glued onto the issuer when the extractor found no column gap', () => {
    const lines = toHeaderLines('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines[0]?.cells.map((c) => c.text)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    const r = rec(['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `TỈNH LÀO CAI${G}Độc lập - Tự do - Hạnh phúc`, 'Số: 3686/UBND-XD']);
    expect(r.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
  });

  it('three lines: parent, then a name wrapped at the locality', () => {
    const r = rec([
      `BỘ CÔNG THƯƠNG${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG${G}Độc lập - Tự do - Hạnh phúc`,
      'THÀNH PHỐ HỒ CHÍ MINH',
      `Số: 753/KH-DCT${G}Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026`,
    ]);
    expect(r.issuerParent).toBe('BỘ CÔNG THƯƠNG');
    expect(r.issuer).toBe('TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG THÀNH PHỐ HỒ CHÍ MINH');
    expect(r.place).toBe('Thành phố Hồ Chí Minh');
  });

  it('SỞ opens a new body (it is not SỐ), and columns printed on separate lines still work', () => {
    const r = rec([
      'UBND TỈNH BÌNH ĐỊNH',
      'SỞ Y TẾ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /KH-SYT Bình Định, ngày 15 tháng 6 năm 2023',
    ]);
    expect(r.issuerParent).toBe('UBND TỈNH BÌNH ĐỊNH');
    expect(r.issuer).toBe('SỞ Y TẾ');
  });

  it('a company name continued by "VÀ …"; urgency marks are not part of it', () => {
    const r = rec([
      `CÔNG TY CP ĐẦU TƯ XÂY DỰNG HẠ TẦNG${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `VÀ GIAO THÔNG${G}Độc lập - Tự do - Hạnh phúc`,
      'KHẨN',
      `Số: 89/2026/QĐ-CT${G}Hà Nội, ngày 08 tháng 5 năm 2026`,
    ]);
    expect(r.issuer).toBe('CÔNG TY CP ĐẦU TƯ XÂY DỰNG HẠ TẦNG VÀ GIAO THÔNG');
    expect(r.issuerParent).toBeNull();
    expect(r.number).toBe('89/2026/QĐ-CT');
  });

  it('OCR capitals with stray lower-case letters are still an issuer block', () => {
    const r = rec(
      [`UY BAN NHAN DAN${G}CONG HoA xA HOI CHU NGHiA VI~T NAM`, `TiNH HA GIANG${G}f)9c I~p - TV do - H~nh phuc`, `So: 1940/QD-UBND${G}Ha Giang, ngay 28 thang 9 nam 2017`],
      'ocr',
    );
    expect(r.issuer).toBe('UY BAN NHAN DAN TiNH HA GIANG');
    expect(r.fields.issuer?.source).toBe('ocr');
  });

  it('no issuer block in the text: issuer null, not a guess from the body', () => {
    const r = rec(['Số: 78/KH-SYT', 'Trà Vinh, ngày 08 tháng 6 năm 2023', 'KẾ HOẠCH', 'Khắc phục những hạn chế', 'Sở Y tế xây dựng Kế hoạch như sau:']);
    expect(r.issuer).toBeNull();
    expect(r.issuerParent).toBeNull();
    expect(r.fields.issuer).toBeUndefined();
  });
});

describe('trích yếu', () => {
  it('spans several lines under the heading and stops at the body', () => {
    const r = rec([
      'Số: 2609/KH-SYT',
      'Quảng Ngãi, ngày 04 tháng 10 năm 2021',
      'KẾ HOẠCH',
      'Thực hiện cải thiện, nâng cao các Chỉ số cải cách hành chính (PAR INDEX), Chỉ số',
      'hiệu quả quản trị và hành chính công (PAPI), Chỉ số mức độ hài lòng của tổ chức, cá',
      'nhân đối với sự phục vụ của các cơ quan hành chính nhà nước (SIPAS)',
      'Căn cứ Quyết định số 19/2018/QĐ-UBND ngày 10/8/2018 của UBND tỉnh Quảng',
    ]);
    expect(r.title).toBe(
      'Thực hiện cải thiện, nâng cao các Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hiệu quả quản trị và hành chính công (PAPI), Chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của các cơ quan hành chính nhà nước (SIPAS)',
    );
  });

  it('stops at an authority line in capitals and at a body paragraph', () => {
    const qd = rec(['Số: 1074/QĐ-BXD', 'QUYẾT ĐỊNH', 'Ban hành các giải pháp kỹ thuật nâng cao an toàn', 'phòng cháy, chữa cháy', 'BỘ TRƯỞNG BỘ XÂY DỰNG', 'Căn cứ Luật']);
    expect(qd.title).toBe('Ban hành các giải pháp kỹ thuật nâng cao an toàn phòng cháy, chữa cháy');
    const tb = rec(['Số: 173/TB-SGDĐT', 'THÔNG BÁO', 'Lịch tiếp công dân năm 2020', 'Thực hiện Luật tiếp công dân số 42/2013/QH13 ngày 25/11/2013, Luật']);
    expect(tb.title).toBe('Lịch tiếp công dân năm 2020');
  });

  it('a heading with nothing under it but the body gives no title', () => {
    expect(rec(['Số: 12/QĐ-UBND', 'QUYẾT ĐỊNH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', 'Căn cứ Luật']).title).toBeNull();
  });

  it('công văn: the V/v block, "V/v" kept, stopping at Kính gửi, date column ignored', () => {
    const r = rec([
      `ỦY BAN NHÂN DÂN${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      `TỈNH LÀO CAI${G}Độc lập - Tự do - Hạnh phúc`,
      'Số: 3686/UBND-XD',
      `V/v đề xuất sớm tháo gỡ khó khăn,${G}Lào Cai, ngày 11 tháng 5 năm 2026`,
      'vướng mắc trong kiểm tra điều kiện',
      'tiền chất thuốc nổ.',
      'Kính gửi: Bộ Xây dựng',
    ]);
    expect(r.title).toBe('V/v đề xuất sớm tháo gỡ khó khăn, vướng mắc trong kiểm tra điều kiện tiền chất thuốc nổ.');
    expect(r.date).toBe('2026-05-11');
    expect(r.type).toBe('CV');
  });

  it('a subject printed in quotes loses the wrapping quotes only', () => {
    const r = rec(['Số: 117/VP-ĐĐBQH', '“ V/v gửi thông báo kết quả trả lời', 'kiến nghị của cử tri”', 'Kính gửi: Sở Giáo dục và Đào tạo']);
    expect(r.title).toBe('V/v gửi thông báo kết quả trả lời kiến nghị của cử tri');
    expect(unquote('Phê duyệt công trình “Kho chứa vật liệu nổ”')).toBe('Phê duyệt công trình “Kho chứa vật liệu nổ”');
    expect(unquote('“Tuần lễ A” và “Tuần lễ B”')).toBe('“Tuần lễ A” và “Tuần lễ B”');
  });

  it('glues a code cut after its hyphen back together', () => {
    const r = rec(['Số: 5/BC-SYT', 'BÁO CÁO', 'Kết quả thực hiện Quyết định số 5886/QĐ-', 'BGDĐT năm 2023', 'Căn cứ']);
    expect(r.title).toBe('Kết quả thực hiện Quyết định số 5886/QĐ-BGDĐT năm 2023');
  });
});

describe('robustness', () => {
  it('empty text and junk give all nulls and no provenance', () => {
    for (const text of ['', '\n\n', '1\n2\n3', '%%%%']) {
      const r = recognizeHeader({ text, fileName: 'scan.pdf', source: 'ocr' });
      expect(r).toEqual({ number: null, type: null, typeName: null, issuer: null, issuerParent: null, place: null, date: null, title: null, fields: {}, suggestions: {} });
    }
  });

  it('never throws on long or odd input', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `Số: ${i}/ngày tháng năm ${'x'.repeat(i % 50)}`).join('\n');
    expect(() => recognizeHeader({ text: long, fileName: '', source: 'text' })).not.toThrow();
  });
});
