// The handwritten slots of scanned headers, without Tesseract: where the slots are found from the
// page's word boxes, how a crop is cleaned, how the versions' readings vote, and how header-of.ts
// combines a reading with the printed month/year and the file name (sanity rules: valid day, not
// in the future, the name's digits kept against a disagreeing reading, low confidence).
import fs from 'node:fs';
import path from 'node:path';
import type Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import {
  appendHandwriting,
  cleanCrop,
  digitVariants,
  splitHandwriting,
  vote,
  type HandwrittenReading,
} from '../../main/engine/ocr/handwritten-slots.js';
import { planSlots } from '../../main/engine/ocr/slot-plan.js';
import { OCR_VERSION } from '../../main/engine/ocr/tesseract-engine.js';
import type { ContentRow } from '../../main/engine/scan/document-store.js';
import { recogniseDocuments } from '../../main/engine/scan/stages.js';
import { headerOf } from '../../main/engine/recognize/header-of.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { REAL, tempDir } from '../helpers/corpus.js';
import { rawDb } from '../helpers/raw-db.js';
import { makeWorkspace } from '../helpers/workspace.js';

const HEADER = [
  'ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH HÀ GIANG        Độc lập - Tự do - Hạnh phúc',
  'Số: /KH-UBND        Hà Giang, ngày tháng 4 năm 2019',
  'KẾ HOẠCH',
  'Tổng thể triển khai thực hiện Chương trình giáo dục phổ thông',
  'Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;',
].join('\n');

function scan(text: string, hw?: HandwrittenReading): ContentRow {
  return {
    sha256: 'x',
    analyzer_version: 1,
    size: 1,
    kind: 'pdf',
    pages: 1,
    text_layer: 0,
    text_quality: 'none',
    ocr: 1,
    encrypted: 0,
    signatures: 0,
    error_kind: null,
    error_message: null,
    header_text: '',
    full_text: '',
    ocr_status: 'header',
    ocr_header_text: appendHandwriting(text, hw),
  };
}

const read = (digits: string, support = 1, confidence = 90) => ({ digits, support, confidence });

describe('born-digital pages with a mojibake text layer, read by OCR', () => {
  // real/lc-466-PC-VPUBND.pdf: the layer (pdftotext) and the header pass's OCR of the same page.
  const layer = ['UBND 7ӌ1+ LÀO CAI', '&Ӝ1* HOÀ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM', '6ӕ 466 /PC-VPUBND', 'Lào Cai, ngày 12 tháng 5 QăP 2026', '9Ă1 PHÒNG'].join('\n');
  const ocr = [
    'UBND TỈNH LÀO CAI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'VĂN PHÒNG Độc lập - Tự do - Hạnh phúc',
    'Số: 466. /PC-VPUBND Lào Cai, ngày 12 tháng 5: năm 2026',
    'PHIẾU CHUYỀN',
  ].join('\n');
  const row = (layerText: string): ContentRow => ({ ...scan(ocr), text_quality: 'mojibake', text_layer: 1, header_text: layerText });

  it('takes the number and date the OCR read when the layer holds the same digits', () => {
    const h = headerOf(row(layer), 'd11.pdf');
    expect(h.number).toBe('466/PC-VPUBND');
    expect(h.date).toBe('2026-05-12');
    expect(h.fields.number?.confidence).toBeGreaterThanOrEqual(0.85);
    expect(h.fields.date?.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('gives them no extra trust when the layer says other digits', () => {
    const h = headerOf(row(layer.replace('466', '468').replace('ngày 12', 'ngày 13')), 'd11.pdf');
    // Page OCR digits alone stay a suggestion for the number; the printed date keeps its own 0.65.
    expect(h.number).toBeNull();
    expect(h.fields.date?.confidence).toBeLessThan(0.85);
  });
});

describe('handwritten date', () => {
  it('the page OCR leaves the date blank; a clear day reading completes it with the printed month and year', () => {
    expect(headerOf(scan(HEADER), 'ke-hoach.pdf').date).toBeNull();
    const h = headerOf(scan(HEADER, { printedMonth: 4, year: 2019, day: read('10') }), 'ke-hoach.pdf');
    expect(h.date).toBe('2019-04-10');
    expect(h.place).toBe('Hà Giang');
    expect(h.fields.date).toEqual({ source: 'ocr', confidence: 0.65 });
  });

  it('a handwritten month is read from its slot when the month is not printed', () => {
    const h = headerOf(scan(HEADER.replace('tháng 4', 'tháng'), { printedMonth: null, year: 2019, day: read('20'), month: read('3') }), 'a.pdf');
    expect(h.date).toBe('2019-03-20');
  });

  it('refuses readings that would be wrong answers: weak majority, day not in the month, future date', () => {
    const at = (hw: Partial<HandwrittenReading>): string | null =>
      headerOf(scan(HEADER, { printedMonth: 4, year: 2019, ...hw }), 'a.pdf').date;
    expect(at({ day: read('2', 0.5, 57) })).toBeNull();
    expect(at({ day: read('5', 1, 40) })).toBeNull();
    expect(at({ day: read('31') })).toBeNull(); // April has 30 days
    expect(at({ day: read('40') })).toBeNull();
    expect(at({ day: read('0') })).toBeNull();
    expect(at({ day: read('10'), year: new Date().getUTCFullYear() + 1 })).toBeNull();
  });

  it('a very clear slot replaces a day the page pass made of the handwriting; a printed day read the same stays', () => {
    const text = HEADER.replace('ngày tháng', 'ngày 2 tháng');
    expect(headerOf(scan(text), 'a.pdf').date).toBe('2019-04-02');
    expect(headerOf(scan(text, { printedMonth: 4, year: 2019, day: read('5', 0.83, 95) }), 'a.pdf').date).toBe('2019-04-05');
    // A clear slot reading that is not very clear disputes the page's day: neither is taken.
    const disputed = headerOf(scan(text, { printedMonth: 4, year: 2019, day: read('5', 0.67, 75) }), 'a.pdf');
    expect(disputed.date).toBeNull();
    expect(disputed.suggestions.date?.value).toBe('2019-04-02');
    const same = headerOf(scan(text, { printedMonth: 4, year: 2019, day: read('02') }), 'a.pdf');
    expect(same.date).toBe('2019-04-02');
    expect(same.fields.date?.confidence).toBeGreaterThan(0.5);
  });
});

describe('handwritten number', () => {
  it('without a number in the file name, a clear slot reading takes the printed code', () => {
    const h = headerOf(scan(HEADER, { printedMonth: 4, year: 2019, number: read('118') }), 'ke-hoach.pdf');
    expect(h.number).toBe('118/KH-UBND');
    expect(h.fields.number).toEqual({ source: 'ocr', confidence: 0.65 });
    expect(headerOf(scan(HEADER, { printedMonth: 4, year: 2019, number: read('118', 0.5, 60) }), 'ke-hoach.pdf').number).toBeNull();
  });

  it('a clear slot reading that differs from the page OCR\'s digits wins: taken when very clear, else the suggestion', () => {
    // dev/ag-154: the page pass read the handwritten 154 as "454".
    const text = HEADER.replace('Số: /KH-UBND', 'Số: 454/KH-UBND');
    const clear = headerOf(scan(text, { printedMonth: 4, year: 2019, number: read('154', 1, 97) }), 'd22.pdf');
    expect(clear.number).toBe('154/KH-UBND');
    expect(clear.fields.number?.confidence).toBe(0.65);
    const unsure = headerOf(scan(text, { printedMonth: 4, year: 2019, number: read('154', 1, 78) }), 'd22.pdf') as unknown as {
      number: string | null;
      suggestions?: { number?: { value: string } };
    };
    expect(unsure.number).toBeNull();
    expect(unsure.suggestions?.number?.value).toBe('154/KH-UBND');
  });

  it('a reading that agrees with the file name confirms it; a clear one that disagrees leaves the name as a suggestion', () => {
    const agree = headerOf(scan(HEADER, { printedMonth: 4, year: 2019, number: read('118', 0.5, 50) }), 'Kế hoạch 118-KH-UBND.pdf');
    expect(agree.number).toBe('118/KH-UBND');
    expect(agree.fields.number).toEqual({ source: 'ocr', confidence: 0.85 });
    const disagree = headerOf(scan(HEADER, { printedMonth: 4, year: 2019, number: read('448') }), 'Kế hoạch 118-KH-UBND.pdf');
    expect(disagree.number).toBeNull();
    expect(disagree.suggestions.number).toMatchObject({ value: '118/KH-UBND', source: 'filename', confidence: 0.4 });
  });

  it('digits the page OCR made of the handwriting give way to the file name; the printed code is kept', () => {
    const text = HEADER.replace('Số: /KH-UBND', 'Số: 22/KH-UBND').replace('UBND', 'UBND');
    const h = headerOf(scan(text), 'hg-118-KH-UBND.pdf');
    expect(h.number).toBe('118/KH-UBND');
    expect(h.fields.number).toEqual({ source: 'filename', confidence: 0.65 });
    // The file name cannot spell Đ: the printed code is kept.
    const d = headerOf(scan(text.replace('/KH-UBND', '/KH-BGDĐT')), 'moet-212-KH-BGDDT.pdf');
    expect(d.number).toBe('212/KH-BGDĐT');
  });
});

describe('slots, crops and votes', () => {
  const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 150) => ({
    text,
    bbox: { x0, y0, x1, y1 },
    symbols: [...text].map((c, i) => ({ text: c, bbox: { x0: x0 + ((x1 - x0) * i) / text.length, y0, x1: x0 + ((x1 - x0) * (i + 1)) / text.length, y1 } })),
  });
  const page = (lines: ReturnType<typeof word>[][]): Tesseract.Page =>
    ({ blocks: [{ paragraphs: [{ lines: lines.map((words) => ({ words })) }] }] }) as unknown as Tesseract.Page;

  it('finds the number between "Số:" and the printed code, the day between "ngày" and "tháng"', () => {
    const plan = planSlots(
      page([
        [word('Số:', 400, 480), word('/KH-UBND', 660, 940), word('Hà', 1200, 1260), word('Giang,', 1280, 1430), word('ngày', 1450, 1560), word('tháng', 1660, 1800), word('4', 1820, 1845), word('năm', 1860, 1960), word('2019', 1970, 2090)],
      ]),
    );
    expect(plan.month).toBe(4);
    expect(plan.year).toBe(2019);
    const number = plan.slots.find((s) => s.kind === 'number')?.box;
    const day = plan.slots.find((s) => s.kind === 'day')?.box;
    expect(number && number.x0 >= 480 && number.x1 <= 660 && number.x1 - number.x0 > 100).toBe(true);
    expect(day && day.x0 >= 1560 && day.x1 <= 1660).toBe(true);
    // Handwriting rises above the printed line: the box reaches above it.
    expect(day && day.y0 < 100 && day.y1 > 150).toBe(true);
    expect(plan.slots.some((s) => s.kind === 'month')).toBe(false);
  });

  it('finds the slots when OCR glued noise to the anchors, and a handwritten month', () => {
    const plan = planSlots(
      page([
        [word('Số;////QĐ-UBND', 366, 888), word('Hà', 1148, 1220), word('Giang,', 1238, 1389), word('ngày,ÖÊ', 1411, 1613), word('tháng', 1630, 1819), word('năm', 1853, 1952), word('2017', 1970, 2089)],
      ]),
    );
    expect(plan.slots.map((s) => s.kind).sort()).toEqual(['day', 'month', 'number']);
    const number = plan.slots.find((s) => s.kind === 'number')?.box;
    // The slot ends at the slash that opens the code, not at the first of the noise slashes.
    expect(number && number.x1 > 560).toBe(true);
    expect(plan.month).toBeNull();
  });

  it('finds the gaps inside glued words, past a last letter that swallowed the handwriting, and a code split in two', () => {
    // Tesseract's boxes on dev/kg-02 and dev/bca-996: "tháng"'s "g" runs over the handwritten
    // month, "sá:"'s colon over the number; the "/UBND-" "KSTTHC" code of dev/pt-4532.
    const wide = (w: ReturnType<typeof word>, last: number) => {
      const sym = w.symbols[w.symbols.length - 1];
      if (sym) sym.bbox.x1 = last;
      w.bbox.x1 = last;
      return w;
    };
    const plan = planSlots(
      page([
        [word('sá:ổ', 457, 617), word('/UBND-', 633, 800), word('KSTTHC', 810, 1000), word('Giang,', 1465, 1603), wide(word('ngày', 1625, 1730), 1800), word('tháng', 1816, 1940), word('2', 1960, 1981, 80, 160), word('hăm', 2005, 2090), word('2018', 2110, 2212)],
      ]),
    );
    const at = (k: string) => plan.slots.find((s) => s.kind === k)?.box;
    // "sá:" is four letters wide at 40 px each: the number starts after its colon, not after "ổ".
    expect(at('number')?.x0).toBeLessThan(600);
    expect(at('number')?.x1).toBeLessThanOrEqual(633);
    // "y" is clipped to a letter's width: the day gap starts near 1730, not at 1800.
    expect(at('day')?.x0).toBeLessThan(1760);
    // The "2" is twice the year's height: handwriting OCR misread, so the month is a slot.
    expect(plan.month).toBeNull();
    expect(at('month')).toBeDefined();
    expect(plan.year).toBe(2018);
  });

  it('tells a printed day from handwriting OCR misread as one (its confidence), and a handwritten day from the page OCR is only a suggestion', () => {
    const line = (dayConf: number) => {
      const d = { ...word('23', 1601, 1666, 100, 148), confidence: dayConf };
      const y = { ...word('2018', 1967, 2071, 100, 140), confidence: 96 };
      return page([[word('Ngãi,', 1350, 1464), word('ngày', 1484, 1589), d, word('tháng', 1686, 1809), { ...word('4', 1823, 1848, 100, 138), confidence: 96 }, word('năm', 1862, 1952), y]]);
    };
    // dev/qng-08: the handwritten "03" read "23" at 78 beside print read at 96.
    const misread = planSlots(line(78));
    expect(misread.day).toBeNull();
    expect(misread.slots.map((s) => s.kind)).toEqual(['day']);
    const printed = planSlots(line(95));
    expect(printed.day).toBe(23);
    expect(printed.slots).toEqual([]);
    const text = HEADER.replace('ngày tháng', 'ngày 23 tháng');
    expect(headerOf(scan(text, { printedDay: null, printedMonth: 4, year: 2019 }), 'a.pdf').date).toBeNull();
    expect(headerOf(scan(text, { printedDay: 23, printedMonth: 4, year: 2019 }), 'a.pdf').date).toBe('2019-04-23');
  });

  it('reads the first place-date line even when its year is misread, without making a year of it', () => {
    const plan = planSlots(page([[word('Thọ,', 1288, 1377), word('ngày', 1400, 1507), word('tháng', 1607, 1732), word('12', 1751, 1799), word('năm', 1816, 1906), word('201J', 1925, 2031)]]));
    expect(plan.year).toBeNull();
    expect(plan.month).toBe(12);
    expect(plan.slots.map((s) => s.kind)).toEqual(['day']);
  });

  it('a citation in the body ("ngày 18/6/2018") and a line without "Số" give no slot', () => {
    const plan = planSlots(page([[word('Chỉ', 740, 821), word('thị', 836, 896), word('số', 916, 964), word('16/CT-TTg', 986, 1244), word('ngày', 1260, 1367), word('18/6/2018', 1389, 1614)]]));
    expect(plan.slots).toEqual([]);
    const law = [word('Căn', 446, 529), word('cứ', 541, 594), word('Luật', 605, 700), word('ngày', 1290, 1389), word('14', 1405, 1450), word('tháng', 1464, 1582), word('6', 1598, 1619), word('năm', 1630, 1716), word('2019', 1730, 1830)];
    expect(planSlots(page([law]))).toEqual({ slots: [], day: null, month: null, year: null });
    const cited = planSlots(page([[word('Quyết', 382, 518), word('định', 532, 625), word('số', 646, 690), word('1915/QĐ-SYT', 700, 995)]]));
    expect(cited.slots).toEqual([]);
  });

  it('cleans a crop: red stamp ink goes white, blue and black ink black, paper white', () => {
    const w = 4;
    const rgba = new Uint8ClampedArray(w * 4);
    const px = [[250, 250, 245], [200, 30, 40], [40, 60, 170], [20, 20, 20]];
    px.forEach(([r, g, b], i) => rgba.set([r as number, g as number, b as number, 255], i * 4));
    const img = cleanCrop({ width: w, height: 1, data: rgba }, { x0: 0, y0: 0, x1: w, y1: 1 });
    const row = Array.from(img.data.slice(24 * img.width + 24, 24 * img.width + 28));
    expect(row).toEqual([255, 255, 0, 0]);
  });

  it('versions drop specks and keep the digits; votes need agreement', () => {
    const w = 60;
    const h = 60;
    const data = new Uint8Array(w * h).fill(255);
    for (let y = 10; y < 50; y++) for (let x = 20; x < 26; x++) data[y * w + x] = 0; // a stroke
    data[55 * w + 50] = 0; // a speck
    const versions = digitVariants({ width: w, height: h, data }, [32], [0]);
    expect(versions).toHaveLength(1);
    const v = versions[0];
    const dark = v ? v.data.filter((p) => p === 0).length : 0;
    expect(dark).toBeGreaterThan(50);
    expect(digitVariants({ width: w, height: h, data: new Uint8Array(w * h).fill(255) })).toEqual([]);

    expect(vote([{ text: '5', confidence: 90 }, { text: '5', confidence: 80 }, { text: '', confidence: 0 }])).toEqual({ digits: '5', support: 0.67, confidence: 85 });
    expect(vote([{ text: '89', confidence: 93 }, { text: '9', confidence: 0 }, { text: '9', confidence: 0 }, { text: '89', confidence: 87 }])?.digits).toBe('89');
    expect(vote([{ text: '', confidence: 0 }])).toBeNull();
  });

  it('the reading travels with the cached header text and is taken off before recognition', () => {
    const hw: HandwrittenReading = { printedMonth: 4, year: 2019, day: read('10') };
    const stored = appendHandwriting('Số: /KH-UBND', hw);
    expect(splitHandwriting(stored)).toEqual({ text: 'Số: /KH-UBND', handwritten: hw });
    expect(appendHandwriting('text', { printedMonth: 4, year: 2019 })).toBe('text');
    expect(splitHandwriting('plain text')).toEqual({ text: 'plain text', handwritten: null });
  });
});

describe('OCR version 2 (handwritten slots) in a workspace read by version 1', () => {
  it('reads the header again, keeps the pages already read, and the document gets the handwritten date', async () => {
    const root = tempDir('ocr-hw');
    fs.copyFileSync(path.join(REAL, 'kg-2082-SYT-NVY.pdf'), path.join(root, 'kg-2082-SYT-NVY.pdf'));
    const ws = await makeWorkspace([root]);
    try {
      await scanWorkspace(ws, { ocr: false });
      const [pending] = ws.reader.contents.pendingOcr('header', OCR_VERSION);
      expect(pending).toBeDefined();
      const sha = pending?.sha256 ?? '';
      // As version 1 left it: header and every page read, no handwriting.
      const header = 'SỞ Y TẾ\nSố: /SYT-NVY        Kiên Giang, ngày tháng 11 năm 2017';
      ws.writer.contents.saveOcrHeader(sha, header, 1);
      ws.writer.contents.saveOcrPages(sha, 'trang một: quản lý chất thải y tế', null);
      expect(ws.reader.contents.pendingOcr('header', OCR_VERSION).map((c) => c.sha256)).toEqual([sha]);

      ws.writer.contents.saveOcrHeader(sha, appendHandwriting(header, { printedMonth: 11, year: 2017, day: read('6') }), OCR_VERSION);
      recogniseDocuments(ws, { sha256: sha });
      expect(ws.reader.contents.pendingOcr('header', OCR_VERSION)).toEqual([]);
      expect(ws.reader.contents.pendingOcr('pages', OCR_VERSION)).toEqual([]);
      const row = rawDb(ws).prepare('SELECT ocr_status, full_text FROM contents WHERE sha256 = ?').get(sha);
      expect(row).toEqual({ ocr_status: 'done', full_text: 'trang một: quản lý chất thải y tế' });
      const [doc] = listDocuments(ws);
      expect(doc).toMatchObject({ number: '2082/SYT-NVY', date: '2017-11-06', place: 'Kiên Giang' });
      expect(doc?.fields.date).toEqual({ source: 'ocr', confidence: 0.65 });
    } finally {
      ws.close();
    }
  });
});
