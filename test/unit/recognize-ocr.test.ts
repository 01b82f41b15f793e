// OCR page text as a Vietnamese OCR engine gives it for the real scans of the corpus: columns
// joined by a single space, letters with wrong marks ("KÉ HOẠCH", "SƠ Y TẾ"), specks and rules,
// a fraction slash for "/", handwritten numbers and days read as noise. The excerpts below are
// the first lines of real OCR output (tesseract, vie) of corpus/real files.

import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';

const ocr = (lines: string[], fileName = 'scan.pdf') => recognizeHeader({ text: lines.join('\n'), fileName, source: 'ocr' });

describe('OCR of real scans', () => {
  it('kg-1942: single-space columns, handwritten number and day unreadable, number from the file name', () => {
    const lines = [
      '~',
      ' Ò¡',
      'UBND TỈNH KIÊN GIANG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SƠ Y TẾ _ Độc lập - Tự do - Hạnh phúc',
      'Số:{242 /KH-SYT Kiên Giang, ngày {©_ tháng 10 năm 2017',
      'KÉ HOẠCH',
      'Tổ chức xét công nhận Sáng kiến cấp cơ sở năm 2017',
      'Căn cứ Hướng dẫn 1236/HD-UBND ngày 12/11/2014 của Ủy ban nhân dân',
    ];
    const bare = ocr(lines);
    expect(bare).toMatchObject({ number: null, type: 'KH', date: null, place: 'Kiên Giang', issuerParent: 'UBND TỈNH KIÊN GIANG', issuer: 'SƠ Y TẾ' });
    expect(bare.title).toBe('Tổ chức xét công nhận Sáng kiến cấp cơ sở năm 2017');
    const named = ocr(lines, 'kg-1942-KH-SYT.pdf');
    expect(named.number).toBe('1942/KH-SYT');
    expect(named.fields.number?.source).toBe('filename');
    expect(named.fields.type?.source).toBe('ocr');
  });

  it('lc-1105: fraction slash, and the issuer-block "SỐ 1050/QĐ-SCT" on the date line is not the number', () => {
    const r = ocr([
      'SỞ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ĐOÀN KIÊM TRA Độc lập - Tự do - Hạnh Phúc',
      'THEO QUYẾT ĐỊNH',
      'SỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026',
      'Số: 1105⁄KH-ĐKT',
      'KẾ HOẠCH',
      'Kiêm tra việc châp hành Quy định pháp luật trong sử dụng và bảo quản vật',
      'liệu nô công nghiệp trên địa bàn tỉnh Lào Cai',
      'Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở',
    ]);
    expect(r).toMatchObject({ number: '1105/KH-ĐKT', type: 'KH', date: '2026-03-10', place: 'Lào Cai' });
    expect(r.issuerParent).toBe('SỞ CÔNG THƯƠNG');
    expect(r.issuer).toBe('ĐOÀN KIÊM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT');
  });

  it('lc-1105 without a readable number line: the citation in the issuer block is still refused', () => {
    const r = ocr(['ĐOÀN KIỂM TRA', 'THEO QUYẾT ĐỊNH', 'SỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026', 'Số: 11#5.KH-ĐKT', 'KẾ HOẠCH', 'Kiểm tra']);
    expect(r.number).toBeNull();
    expect(r.type).toBe('KH');
  });

  it('company-89: a wrapped company name is one issuer; number with a year read through spaces', () => {
    const r = ocr([
      'CÔNG TY CP ĐÀU TƯ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HẠ TÀNG VÀ GIAO THÔNG Độc lập - Tự do - Hạnh phúc',
      'Số: 89 /2026/QĐ-CT Hà Nội, ngày 08 tháng 5 năm 2026',
      'QUYÉT ĐỊNH',
      'Phê duyệt Thiết kế bản vẽ thi công công trình',
      '“Kho chứa vật liệu nỗ công nghiệp phục vụ Dự án thủy điện Ngòi Nhù 1A, xã Chiêng',
      'Ken, tỉnh Lào Ca†”',
      'CÔNG TY CỎ PHÀN ĐẦU TƯ XÂY DỰNG HẠ TẢNG VÀ GIAO THÔNG',
    ]);
    expect(r).toMatchObject({ number: '89/2026/QĐ-CT', type: 'QĐ', date: '2026-05-08', place: 'Hà Nội', issuerParent: null });
    expect(r.issuer).toBe('CÔNG TY CP ĐÀU TƯ XÂY DỰNG HẠ TÀNG VÀ GIAO THÔNG');
    expect(r.title).toBe('Phê duyệt Thiết kế bản vẽ thi công công trình “Kho chứa vật liệu nỗ công nghiệp phục vụ Dự án thủy điện Ngòi Nhù 1A, xã Chiêng Ken, tỉnh Lào Ca†”');
  });

  it('hg-117: incoming stamp below the subject, garbled number and day: công văn, no number, no date', () => {
    const r = ocr([
      'QUÔC HỘI KHÓA XIV CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ĐOÀN ĐẠI BIÊU QUỐC HỘI Độc lập - Tự do - Hạnh phúc',
      'TỈNH HÀ GIANG',
      ': Hà Giang, ngày D4 tháng 9 năm 2017',
      'Số: 44† /VP-ĐĐBQH',
      '“ V/v gửi thông báo kết quả trả lời',
      'kiến nghị của cử tri”',
      'vỞ GIÁO DỤC #, Vị ệ ĐÀO ! TẠO',
      'GÔNG-VĂN ĐẾN',
      'Số: 4040... CV',
      '6À$05 THÁIG .8ˆ NĂM: ao4',
      'Kính gửi: Sở Giáo dục và đào tạo tỉnh Hà Giang.',
    ]);
    expect(r).toMatchObject({ number: null, type: 'CV', date: null, place: 'Hà Giang' });
    expect(r.issuerParent).toBe('QUÔC HỘI KHÓA XIV');
    expect(r.issuer).toBe('ĐOÀN ĐẠI BIÊU QUỐC HỘI TỈNH HÀ GIANG');
    expect(r.title).toBe('V/v gửi thông báo kết quả trả lời kiến nghị của cử tri');
  });

  it('moet-993: a signature appearance above the header is neither issuer nor date', () => {
    const r = ocr([
      '5 Người ký: Nguyễn Viết Lộc',
      'Email: nvloc@)moet.gov.vn',
      'G C ˆ Cơ quan: Văn phòng, Bộ Giáo dục và Đào',
      'tạo',
      'Chức vụ: Chánh Văn phòng',
      'Thời gian ký: 16.04.2019 16:51:24 +07:00',
      'BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: #2 /CT-BGDĐT',
      'Hà Nội, ngày/#Ê/tháng 4 năm 2019',
      'CHỈ THỊ',
      'về việc tăng cường giải pháp phòng, chống bạo lực học đường',
      'trong cơ sở giáo dục',
    ]);
    expect(r).toMatchObject({ number: null, type: 'CT', date: null, place: 'Hà Nội', issuer: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', issuerParent: null });
    expect(r.title).toBe('về việc tăng cường giải pháp phòng, chống bạo lực học đường trong cơ sở giáo dục');
  });

  it('kg-43: THƯ MỜI keeps type null; an OCR number the file name contradicts is only a suggestion', () => {
    const lines = [
      '-',
      'UBND TỈNH KIÊN GIANG CỘNG HOÀ 3 XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ Y TẾ Độc lập — Tự do~ Hạnh phúc',
      'Số: 22 /TM-SYT _. Kiên Giang, ngày Ð tháng 4 năm 2018',
      'THƯ MỜI',
      'Tham dự cuộc họp nghiệm thu cơ sở đối với',
      'đề tài nghiên cứu khoa học cấp tỉnh, năm 2018',
      'Căn cứ Quyết. định số4?5/QĐ-SYT ngày 4 tháng 4 năm 2015 của Sở Y tế về',
    ];
    const alone = ocr(lines);
    const contradicted = ocr(lines, 'kg-43-TM-SYT.pdf');
    expect(alone).toMatchObject({ number: '22/TM-SYT', type: null, date: null, place: 'Kiên Giang', issuerParent: 'UBND TỈNH KIÊN GIANG', issuer: 'SỞ Y TẾ' });
    expect(contradicted.number).toBeNull();
    expect(contradicted.suggestions.number?.value).toBe('22/TM-SYT');
    expect(contradicted.suggestions.number?.confidence ?? 1).toBeLessThan(alone.fields.number?.confidence ?? 0);
    expect(contradicted.title).toBe('Tham dự cuộc họp nghiệm thu cơ sở đối với đề tài nghiên cứu khoa học cấp tỉnh, năm 2018');
  });

  it('huit-753: rules and specks around the issuer block are trimmed', () => {
    const r = ocr([
      'BÔ CÔNG THƯƠNG CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM',
      '. Độc lập - Tự do - Hạnh phú',
      'TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG —# “.',
      'THÀNH PHÓ HÒ CHÍ MINH',
      'Thành phố Hô Chí Minh, ngày khỗ tháng 6 năm 2026',
      'Số: Á3/KH-DCT',
      'KẾ HOẠCH',
      'Khảo sát, xác định chỉ số hài lòng của người dân',
      'đối với dịch vụ giáo dục công năm 2026',
      'Căn cứ Quyết định số 2034/QĐ-BGDĐT ngày 13 tháng 7 năm 2023 của Bộ Giáo dục',
    ], 'huit-753-KH-DCT-scan.pdf');
    expect(r).toMatchObject({ number: '753/KH-DCT', type: 'KH', date: null, place: 'Thành phố Hô Chí Minh', issuerParent: 'BÔ CÔNG THƯƠNG' });
    expect(r.issuer).toBe('TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG THÀNH PHÓ HÒ CHÍ MINH');
    expect(r.fields.number?.source).toBe('filename');
  });
});

describe('OCR specks', () => {
  it('a bullet-like speck near the top does not end the header', () => {
    const r = ocr(['- .', 'UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ Y TẾ Độc lập - Tự do - Hạnh phúc', '- ~', 'Số: 1942/KH-SYT Kiên Giang, ngày 10 tháng 10 năm 2017', 'KẾ HOẠCH', 'Tổ chức xét công nhận Sáng kiến']);
    expect(r).toMatchObject({ number: '1942/KH-SYT', type: 'KH', date: '2017-10-10', issuer: 'SỞ Y TẾ' });
  });
});
