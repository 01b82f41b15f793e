import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldForMatch, foldPreservingOffsets } from '../../shared/vietnamese.js';

describe('Vietnamese folding', () => {
  it('strips tone and vowel marks and maps đ/Đ explicitly', () => {
    expect(foldDiacritics('Tuyên truyền cải cách hành chính')).toBe('Tuyen truyen cai cach hanh chinh');
    expect(foldDiacritics('Đồng Nai, đơn vị')).toBe('Dong Nai, don vi');
    expect(foldForMatch('QUYẾT ĐỊNH')).toBe('quyet dinh');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldDiacritics('Tuyên truyền'.normalize('NFD'))).toBe('Tuyen truyen');
  });

  it('keeps offsets when folding for snippets', () => {
    const s = 'Kế hoạch tuyên truyền năm 2023 của Sở Y tế Đồng Nai';
    const f = foldPreservingOffsets(s);
    expect(f.length).toBe(s.normalize('NFC').length);
    const at = f.toLowerCase().indexOf('dong nai');
    expect(s.slice(at, at + 8)).toBe('Đồng Nai');
  });
});
