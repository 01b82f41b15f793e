// The generated report PDFs render Vietnamese correctly. Text extraction cannot prove it (a
// subset that lost glyphs still extracts), so each report is rendered with pdftoppm twice: as
// the bundle writes it (subset font) and with the whole font embedded; the two images must match
// pixel for pixel. A page whose text differs by one diacritic must NOT match, which shows the
// comparison would catch a dropped or wrong glyph.
import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BundleInput } from '../../main/engine/bundle/collect.js';
import { fontBytes } from '../../main/engine/bundle/pdf-fonts.js';
import { planBundle } from '../../main/engine/bundle/plan.js';
import { buildReportModel, type ReportModel } from '../../main/engine/bundle/report-model.js';
import { evidenceListPdf, selfAssessmentPdf } from '../../main/engine/bundle/reports-pdf.js';
import { evidenceListXlsx, selfAssessmentXlsx } from '../../main/engine/bundle/reports-xlsx.js';
import type { DocumentJson } from '../../shared/types.js';
import { VIETNAMESE_MARKED_LETTERS } from '../../shared/vietnamese.js';
import { tempDir } from '../helpers/corpus.js';

const ALL_MARKS = `${VIETNAMESE_MARKED_LETTERS} ${VIETNAMESE_MARKED_LETTERS.toLocaleUpperCase('vi')}`;

function doc(i: number, over: Partial<DocumentJson>): DocumentJson {
  return {
    id: `d${i}`, path: `/ev/f${i}.pdf`, root: '/ev', relPath: `f${i}.pdf`, sha256: String(i).padStart(64, '0'), size: 1000 + i,
    mtime: '2023-06-08T00:00:00.000Z', kind: 'pdf', pages: 2, textLayer: true, textQuality: 'usable', ocr: false, encrypted: false,
    signatures: 0, signatureChecks: [], error: null, number: null, type: 'KH', typeName: 'Kế hoạch', issuer: 'Sở Y tế', place: 'Trà Vinh', date: '2023-06-08',
    title: null, fields: {}, criteria: [], notes: [], duplicates: [], ...over,
  } as DocumentJson;
}

function model(marks: string): ReportModel {
  const input: BundleInput = {
    unit: 'Sở Y tế tỉnh Trà Vinh',
    year: 2023,
    pack: { id: 'p', name: 'Bộ chỉ số CCHC – Sở Y tế 2023' },
    criteria: [
      { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', parent: null, maxPoints: 12, selfScore: null, explanation: null, status: 'partial', leaf: false },
      { code: '1.1', title: `Kế hoạch CCHC năm: ${marks}`, parent: '1', maxPoints: 2.5, selfScore: 1.5, explanation: `Giải trình: ${marks}. Đã ban hành đúng hạn – Quý I.`, status: 'complete', leaf: true },
      { code: '1.2', title: 'Báo cáo CCHC định kỳ (quý, 6 tháng, năm)', parent: '1', maxPoints: 1, selfScore: 0.75, explanation: null, status: 'missing', leaf: true },
    ],
    documents: [
      doc(1, { number: '78/KH-SYT', title: `Kế hoạch tuyên truyền cải cách hành chính năm 2023 ${marks}`, criteria: [{ code: '1.1', source: 'manual', reason: 'x', slot: null, status: 'accepted', note: null }] }),
      doc(2, { number: '1074/QĐ-BXD', date: '2023-12-29', issuer: 'Bộ Xây dựng', signatures: 1, title: 'Quyết định ban hành quy chuẩn kỹ thuật quốc gia về an toàn cháy', criteria: [{ code: '1.1', source: 'content', reason: 'x', slot: null, status: 'needs-supplement', note: 'Thiếu phụ lục đính kèm' }] }),
    ],
  };
  return buildReportModel(input, planBundle(input), new Date(2026, 10, 20, 9, 0, 0), null);
}

/** Renders page 1 as an 8-bit greyscale PGM and returns its pixels. */
function render(pdf: Uint8Array, dir: string, name: string): { w: number; h: number; px: Buffer } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '110', '-gray', '-f', '1', '-l', '1', file, path.join(dir, name)]);
  const pgm = fs.readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'));
  if (!pgm) throw new Error(`pdftoppm wrote no image for ${name}`);
  const data = fs.readFileSync(path.join(dir, pgm));
  // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  return { w, h, px: data.subarray(header[0].length) };
}

function differingPixels(a: { px: Buffer }, b: { px: Buffer }): number {
  let n = 0;
  for (let i = 0; i < a.px.length; i++) if (Math.abs((a.px[i] ?? 0) - (b.px[i] ?? 0)) > 40) n++;
  return n;
}

const ink = (img: { px: Buffer }): number => img.px.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);

describe('report PDFs render Vietnamese correctly', () => {
  it('the whole Be Vietnam Pro fonts cover every Vietnamese letter and the punctuation used', () => {
    for (const weight of ['400Regular', '700Bold', '400Regular_Italic'] as const) {
      const font = fontkit.create(Buffer.from(fontBytes(weight))) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
      const missing = Array.from(`${ALL_MARKS}–·…“”`).filter((ch) => ch !== ' ' && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
      expect(missing, weight).toEqual([]);
    }
  });

  for (const [name, make] of [
    ['00_DanhMuc_TLKC', evidenceListPdf],
    ['00_BangTuDanhGia', selfAssessmentPdf],
  ] as const) {
    it(`${name}: the subset rendering is identical to the whole-font rendering`, async () => {
      const dir = tempDir('bundle-render');
      const subset = render(await make(model(ALL_MARKS), { subset: true }), dir, 'subset');
      const whole = render(await make(model(ALL_MARKS), { subset: false }), dir, 'whole');
      expect(subset.w).toBe(whole.w);
      expect(subset.h).toBe(whole.h);
      expect(ink(subset)).toBeGreaterThan(5000);
      expect(differingPixels(subset, whole)).toBe(0);
      // Sensitivity: the same page with one letter's marks removed renders visibly differently.
      const changed = render(await make(model(ALL_MARKS.replace('ế', 'e')), { subset: false }), dir, 'changed');
      expect(differingPixels(changed, whole)).toBeGreaterThan(10);
    });
  }

  it('extracts the Vietnamese headings and dd/mm/yyyy dates', async () => {
    const dir = tempDir('bundle-text');
    const file = path.join(dir, 'dm.pdf');
    fs.writeFileSync(file, await evidenceListPdf(model('ầ')));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('DANH MỤC TÀI LIỆU KIỂM CHỨNG');
    expect(text).toContain('SỞ Y TẾ TỈNH TRÀ VINH');
    expect(text).toContain('08/06/2023');
    expect(text).toContain('Ngày lập: 20/11/2026');
    expect(text).toContain('Cần bổ sung');
    const sa = path.join(dir, 'sa.pdf');
    fs.writeFileSync(sa, await selfAssessmentPdf(model('ầ')));
    const t2 = execFileSync('pdftotext', ['-layout', sa, '-'], { encoding: 'utf8' });
    expect(t2).toContain('BẢNG TỰ ĐÁNH GIÁ');
    expect(t2).toMatch(/2,5/); // Vietnamese decimal comma
    expect(t2).toContain('TỔNG ĐIỂM');
  });

  it('XLSX reports hold the same rows, dates as dd/mm/yyyy date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await evidenceListXlsx(model('ầ'))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('Danh mục TLKC');
    const rows: ExcelJS.Row[] = [];
    ws?.eachRow((r) => rows.push(r));
    const row78 = rows.find((r) => r.getCell(3).value === '78/KH-SYT');
    expect(row78).toBeDefined();
    const date = row78?.getCell(4);
    expect(date?.value).toBeInstanceOf(Date);
    expect((date?.value as Date).toISOString().slice(0, 10)).toBe('2023-06-08');
    expect(date?.numFmt).toBe('dd/mm/yyyy');
    expect(row78?.getCell(7).value).toMatch(/^1\.1\/1\.1_01_78-KH-SYT\.pdf$/);

    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await selfAssessmentXlsx(model('ầ'))) as unknown as ArrayBuffer);
    const codes: unknown[] = [];
    wb2.worksheets[0]?.eachRow((r) => codes.push(r.getCell(1).value));
    expect(codes).toEqual(expect.arrayContaining(['1', '1.1', '1.2']));
  });
});
