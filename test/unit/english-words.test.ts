import { describe, expect, it } from 'vitest';
import { englishWords } from '../helpers/english-words.js';

describe('englishWords (the language walk’s detector)', () => {
  it('passes Vietnamese, codes and names', () => {
    expect(englishWords('Tài liệu kiểm chứng đợt 1 của Sở Y tế tỉnh Trà Vinh, số 78/KH-SYT ngày 08/06/2023, tệp PDF 1,7 MB')).toEqual([]);
    expect(englishWords('Chua co tai lieu nao')).toEqual([]);
  });
  it('finds English sentences the app used to show', () => {
    const words = (s: string): string[] => englishWords(s).map((h) => h.word);
    expect(words('a scan without readable text (OCR has not read it)')).toEqual(expect.arrayContaining(['scan', 'without', 'readable', 'text']));
    expect(words('assigned by hand (manual)')).toEqual(expect.arrayContaining(['assigned', 'manual']));
    expect(words('none')).toEqual(['none']);
    expect(words('Failed to fetch')).toEqual(expect.arrayContaining(['Failed', 'fetch']));
    expect(words('usable')).toEqual(['usable']);
  });
});
