// Born-digital traps of e-signing systems and the cross-checks a value passes before it is
// accepted; below its bar a field stays blank and its reading becomes a suggestion.
import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/engine/recognize/index.js';
import { appendSigning, pdfDate, readSignatures, splitSigning, type SignatureInfo } from '../../main/engine/pdf/signing.js';

const G = '   ';
const signed = (at: string): SignatureInfo => ({ signedAt: at, name: null, reason: null, location: null, field: null });

function header(numberCell: string, dateCell: string, extra: string[] = []): string {
  return [`SỞ NỘI VỤ${G}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `${G}Độc lập - Tự do - Hạnh phúc`, `${numberCell}${G}${dateCell}`, ...extra, 'TỜ TRÌNH', 'Về việc trình ký Báo cáo'].join('\n');
}
const rec = (text: string, signatures: SignatureInfo[] = [], today = '2026-12-31') => recognizeHeader({ text, fileName: 'd01.pdf', source: 'text', signatures, today });

describe('signing-system traps in the text layer', () => {
  it('reads a number glued to "Số:"', () => {
    expect(rec(header('Số:6791/UBND-XD', 'Lào Cai, ngày 11 tháng 5 năm 2026')).number).toBe('6791/UBND-XD');
    expect(rec(header(`Số:6791${G}/UBND-XD`, 'Lào Cai, ngày 11 tháng 5 năm 2026')).number).toBe('6791/UBND-XD');
  });
  it('reads day and month glued to the words', () => {
    expect(rec(header('Số: 166/TTr-SNV', 'Lâm Đồng, ngày 18tháng11 năm 2025')).date).toBe('2025-11-18');
    expect(rec(header('Số: 166/TTr-SNV', 'Lâm Đồng, ngày15 tháng 3 năm 2026')).date).toBe('2026-03-15');
  });
  it('reads a day and month inserted in one box before "tháng"', () => {
    expect(rec(header('Số: 4646 /SGDĐT-TCCB', 'Thành phố Hồ Chí Minh, ngày 14 11 tháng năm 2025')).date).toBe('2025-11-14');
  });
  it('takes a number lowered onto its own line under a blank "Số: /CODE"', () => {
    const r = rec(header('Số:   /CĐ-VPCP', 'Hà Nội, ngày 07 tháng 10 năm 2025', ['2003']));
    expect(r.number).toBe('2003/CĐ-VPCP');
  });
  it('settles "tháng 54" (a stamped 5 over a printed 4) only with a signing time', () => {
    const text = header('Số: 12/TTr-SNV', 'Lâm Đồng, ngày15 tháng 54 năm 2026');
    const unsigned = rec(text);
    expect(unsigned.date).toBeNull();
    expect(unsigned.suggestions.date?.value).toMatch(/^2026-0[45]-15$/);
    expect(rec(text, [signed('2026-04-20T10:00:00+07:00')]).date).toBe('2026-04-15');
    expect(rec(text, [signed('2026-05-16T10:00:00+07:00')]).date).toBe('2026-05-15');
  });
});

describe('cross-checks', () => {
  const text = header('Số: 166/TTr-SNV', 'Lâm Đồng, ngày 12 tháng 3 năm 2026');
  it('accepts a date on or before the last signature', () => {
    expect(rec(text, [signed('2026-03-11T20:26:21+07:00'), signed('2026-03-12T07:50:49+07:00')]).date).toBe('2026-03-12');
  });
  it('leaves a date after the last signature blank, as a suggestion', () => {
    const r = rec(text, [signed('2026-03-10T09:00:00+07:00')]);
    expect(r.date).toBeNull();
    expect(r.fields.date).toBeUndefined();
    expect(r.suggestions.date).toMatchObject({ value: '2026-03-12', source: 'text' });
    expect(r.suggestions.date?.reason).toMatch(/signature/);
  });
  it('leaves a date after today blank', () => {
    expect(rec(text, [], '2026-03-01').date).toBeNull();
  });
  it('leaves a date outside the year printed in the number blank', () => {
    const r = rec(header('Số: 89/2025/QĐ-CT', 'Hà Nội, ngày 08 tháng 5 năm 2026'));
    expect(r.number).toBe('89/2025/QĐ-CT');
    expect(r.date).toBeNull();
    expect(r.suggestions.date?.value).toBe('2026-05-08');
  });
  it('rejects a day that does not exist in its month', () => {
    expect(rec(header('Số: 1/TTr-SNV', 'Lâm Đồng, ngày 30 tháng 2 năm 2026')).date).toBeNull();
  });
  it('does not take a body citation for the date', () => {
    const r = rec(header('Số: 4646 /SGDĐT-TCCB', 'Thành phố Hồ Chí Minh, ngày tháng năm 2025', ['Kính gửi: các đơn vị', 'Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;']));
    expect(r.date).toBeNull();
    expect(r.place).toBe('Thành phố Hồ Chí Minh');
  });
  it('gives every filled field a confidence at or above its bar, every blank one at most a suggestion', () => {
    const r = rec(text);
    for (const f of ['number', 'type', 'issuer', 'place', 'date', 'title'] as const) {
      if (r[f] !== null) expect(r.fields[f]?.confidence, f).toBeGreaterThan(0);
      else expect(r.fields[f], f).toBeUndefined();
    }
  });
});

describe('signature dictionaries', () => {
  it('reads /M, /Reason and /Location of each /Sig, once per byte range', () => {
    const pdf = [
      '%PDF-1.7',
      '5 0 obj',
      "<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 100 200 50] /Contents <3082ABCD> /M (D:20250918150247+07'00') /Reason (Signed) /Location <FEFF00480061002000E1006F0069> /Prop_Build << /App << /Name /X >> >> >>",
      'endobj',
      '6 0 obj',
      "<< /Type /Sig /ByteRange [0 0 0 0] /M (D:20200101000000Z) >>",
      'endobj',
    ].join('\n');
    const sigs = readSignatures(new TextEncoder().encode(pdf));
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ signedAt: '2025-09-18T15:02:47+07:00', reason: 'Signed', location: 'Ha áoi' });
  });
  it('parses PDF dates', () => {
    expect(pdfDate("D:20210105081524+07'00'")).toBe('2021-01-05T08:15:24+07:00');
    expect(pdfDate('D:20261122122600Z')).toBe('2026-11-22T12:26:00Z');
    expect(pdfDate('garbage')).toBeNull();
  });
  it('travels with the header text and comes off again', () => {
    const s = [signed('2026-03-12T07:50:49+07:00')];
    const stored = appendSigning('Số: 1/KH-SYT', s);
    expect(splitSigning(stored)).toEqual({ text: 'Số: 1/KH-SYT', signatures: s });
    expect(splitSigning('plain')).toEqual({ text: 'plain', signatures: [] });
  });
});
