// A page's text quality is decided by what its text covers: a signature box or a hidden OCR layer
// on a page image does not make the page born-digital.
import { describe, expect, it } from 'vitest';
import { isStampLine, pageKind, scanLayerQuality } from '../../main/engine/pdf/text-quality.js';
import { buildLines } from '../../main/engine/pdf/pdf-text.js';

const HEADER =
  'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 166/TTr-SNV Lâm Đồng, ngày 12 tháng 3 năm 2026 TỜ TRÌNH Về việc trình ký Báo cáo công tác cải cách hành chính quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026 của tỉnh Lâm Đồng. Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng. Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ về việc xây dựng kế hoạch cải cách hành chính';

describe('page kind by coverage', () => {
  it('calls a page without images text when it has text, else empty', () => {
    expect(pageKind(HEADER, { imageCover: 0, glyphs: { visible: 500, hidden: 0 } })).toBe('text');
    expect(pageKind(HEADER, { imageCover: null, glyphs: { visible: 0, hidden: 0 } })).toBe('text');
    expect(pageKind('', { imageCover: 0.02, glyphs: { visible: 0, hidden: 0 } })).toBe('empty');
  });
  it('calls a page image with little own text a scan', () => {
    expect(pageKind('', { imageCover: 1, glyphs: { visible: 0, hidden: 0 } })).toBe('scan');
    expect(pageKind('SAO Y Bộ Công an', { imageCover: 0.8, glyphs: { visible: 16, hidden: 0 } })).toBe('scan');
  });
  it('calls a hidden OCR layer over a page image a scan, visible text over a background picture text', () => {
    expect(pageKind(HEADER, { imageCover: 1, glyphs: { visible: 0, hidden: 500 } })).toBe('scan');
    expect(pageKind(HEADER, { imageCover: 1, glyphs: { visible: 500, hidden: 0 } })).toBe('text');
  });
  it('rates a good OCR layer of a scan ocr-layer, a flattened one no-diacritics', () => {
    expect(scanLayerQuality(HEADER)).toBe('ocr-layer');
    expect(scanLayerQuality(HEADER.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'))).toBe('no-diacritics');
  });
  it('knows signature stamp lines', () => {
    for (const l of ['Ký bởi: CỤC THUẾ', 'Thời gian ký: 08.04.2026 17:35', 'Người ký: Nguyễn Viết Lộc', 'Cơ quan phát hành: Văn phòng Chính phủ', 'SAO Y']) {
      expect(isStampLine(l), l).toBe(true);
    }
    expect(isStampLine('Cơ quan chủ trì thực hiện')).toBe(false);
    expect(isStampLine('Số: 166/TTr-SNV')).toBe(false);
  });
});

describe('inserted fields join the printed line their box spans', () => {
  it('puts a lowered number back after "Số:"', () => {
    const lines = buildLines([
      { str: 'Số:', x: 100, y: 730, width: 20, height: 13 },
      { str: '/CĐ-VPCP', x: 160, y: 730, width: 60, height: 13 },
      { str: ' 2003 ', x: 141, y: 719.5, width: 36, height: 18, box: [712, 742] },
      { str: 'CÔNG ĐIỆN', x: 250, y: 700, width: 80, height: 14 },
    ]);
    expect(lines[0]).toBe('Số: 2003 /CĐ-VPCP');
    expect(lines[1]).toBe('CÔNG ĐIỆN');
  });
});
