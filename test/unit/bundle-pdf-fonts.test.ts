// The word-cached layout of pdf-fonts.ts must give exactly the glyphs fontkit's whole-line
// shaping gives, or the report PDFs would show different (wrong) glyphs than before the cache.
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { cacheLayout, fontBytes, type FontWeight } from '../../main/engine/bundle/pdf-fonts.js';
import { ISSUERS, SENTENCES, TYPES } from '../../main/engine/sample/sample-text.js';

type Font = ReturnType<typeof fontkit.create>;

const LINES = [
  ...ISSUERS.flatMap((i) => Object.values(i).filter((v): v is string => typeof v === 'string')),
  ...TYPES.flatMap((t) => Object.values(t).filter((v): v is string => typeof v === 'string')),
  ...SENTENCES,
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'DANH MỤC TÀI LIỆU KIỂM CHỨNG BỔ SUNG',
  'Tiêu chí 1.1.2. Mức độ thực hiện kế hoạch CCHC (12 tài liệu)',
  'Số: 78/KH-SYT   ·   Ngày lập: 05/03/2024   ·   fi ffi fl Th ýỷ ữ ẵ Ặ ặ',
  '1.1/1.1_01_Kế hoạch cải cách hành chính năm 2023.pdf',
  '  two  spaces  and a trailing one ',
  'Văn bản số 1234/UBND-NC  ngày 31/12/2023 về việc triển khai',
];

const glyphIds = (font: Font, text: string): number[] => font.layout(text).glyphs.map((g) => g.id);

describe('cached word layout', () => {
  for (const weight of ['400Regular', '700Bold', '400Regular_Italic'] as FontWeight[]) {
    it(`gives the same glyphs as whole-line shaping (${weight})`, () => {
      const plain = fontkit.create(Buffer.from(fontBytes(weight)));
      const cached = cacheLayout(fontkit.create(Buffer.from(fontBytes(weight))));
      expect(LINES.length).toBeGreaterThan(20);
      for (const line of LINES) {
        const want = glyphIds(plain, line);
        expect(want.length, line).toBeGreaterThan(0);
        expect(glyphIds(cached, line), line).toEqual(want);
        // Second call comes from the word cache.
        expect(glyphIds(cached, line), line).toEqual(want);
        const width = (f: Font): number => f.layout(line).glyphs.reduce((s, g) => s + g.advanceWidth, 0);
        expect(width(cached)).toBe(width(plain));
      }
    });
  }
});
