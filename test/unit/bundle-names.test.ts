// Entry names of the bundle: Windows-safe, ≤ 120 characters, Vietnamese kept.
import { describe, expect, it } from 'vitest';
import {
  MAX_ENTRY_PATH, charLength, documentLabel, entryExtension, entryPathProblems, evidenceEntryPath, formatDateVi, mergedEntryPath, safeSegment,
} from '../../shared/bundle-names.js';

describe('bundle names', () => {
  it('names evidence <code>/<code>_<nn>_<number>.pdf with the number made safe', () => {
    expect(evidenceEntryPath('1.3', 1, documentLabel({ number: '78/KH-SYT', relPath: 'x/KH 78.pdf' }))).toBe('1.3/1.3_01_78-KH-SYT.pdf');
    expect(evidenceEntryPath('1.7.2', 12, documentLabel({ number: '1074/QĐ-BXD', relPath: 'a.pdf' }))).toBe('1.7.2/1.7.2_12_1074-QĐ-BXD.pdf');
    expect(evidenceEntryPath('2.1', 100, 'x')).toBe('2.1/2.1_100_x.pdf');
    expect(mergedEntryPath('1.3')).toBe('1.3/1.3_TongHop.pdf');
  });

  it('falls back to the file name without extension, keeping Vietnamese letters', () => {
    expect(documentLabel({ number: null, relPath: 'Phòng TCCB/Báo cáo quý I.PDF' })).toBe('Báo cáo quý I');
    expect(entryExtension('Phòng TCCB/Báo cáo quý I.PDF')).toBe('.pdf');
    expect(entryExtension('no-extension')).toBe('.pdf');
  });

  it('replaces characters Windows refuses and trims trailing dots and spaces', () => {
    expect(safeSegment('a<b>c:d"e\\f|g?h*i/j\u0001k')).toBe('a-b-c-d-e-f-g-h-i-j-k');
    expect(safeSegment('  Kế hoạch số 5.  ')).toBe('Kế hoạch số 5');
    expect(safeSegment('...')).toBe('tai-lieu');
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeSegment('Console')).toBe('Console');
  });

  it('cuts long names to ≤ 120 characters, preferring a word boundary, counting code points', () => {
    const title = 'Kế hoạch tuyên truyền cải cách hành chính năm 2023 của Sở Y tế tỉnh Trà Vinh về nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước';
    const p = evidenceEntryPath('1.7.2', 3, title);
    expect(charLength(p)).toBeLessThanOrEqual(MAX_ENTRY_PATH);
    expect(p.endsWith('.pdf')).toBe(true);
    expect(p).not.toMatch(/ \.pdf$/);
    expect(entryPathProblems(p)).toEqual([]);
    const emoji = evidenceEntryPath('1.1', 1, '😀'.repeat(200));
    expect(charLength(emoji)).toBeLessThanOrEqual(MAX_ENTRY_PATH);
    expect(emoji).not.toContain('\ufffd');
  });

  it('entryPathProblems finds every rule broken', () => {
    expect(entryPathProblems('1.1/ok.pdf')).toEqual([]);
    expect(entryPathProblems('a/b:c.pdf').join()).toMatch(/contains/);
    expect(entryPathProblems('a /b.pdf').join()).toMatch(/ends with a dot or space/);
    expect(entryPathProblems('aux/b.pdf').join()).toMatch(/reserved/);
    expect(entryPathProblems('../b.pdf').join()).toMatch(/'\.\.'/);
    expect(entryPathProblems('/abs.pdf').join()).toMatch(/absolute/);
    expect(entryPathProblems('x'.repeat(121)).join()).toMatch(/121 characters/);
    expect(entryPathProblems('Ke\u0302\u0301.pdf').join()).toMatch(/NFC/);
  });

  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2023-06-08')).toBe('08/06/2023');
    expect(formatDateVi(null)).toBe('');
  });
});
