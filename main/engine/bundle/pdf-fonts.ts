// Be Vietnam Pro (OFL, @expo-google-fonts/be-vietnam-pro) for the generated PDFs: its TTF keeps
// every Vietnamese glyph when pdf-lib subsets it (Noto builds lose some; see ENGINEERING.md).
// TTF only: WOFF2 crashes fontkit. Each font file is read and parsed once per process.
import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);

export type FontWeight = '400Regular' | '700Bold' | '400Regular_Italic';

const bytesCache = new Map<FontWeight, Uint8Array>();

export function fontPath(weight: FontWeight): string {
  const dir = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  return path.join(dir, weight, `BeVietnamPro_${weight}.ttf`);
}

export function fontBytes(weight: FontWeight): Uint8Array {
  let bytes = bytesCache.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(fontPath(weight));
    bytesCache.set(weight, bytes);
  }
  return bytes;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<Font['layout']>;

/**
 * Shaping (fontkit's layout: GSUB/GPOS lookups) was most of the CPU of a 2,000-row evidence list:
 * pdf-lib lays out every drawn line and every measured string. pdf-lib uses only the glyphs of
 * the run (ids and advance widths, never the GPOS positions), and Be Vietnam Pro has no
 * substitution across a space, so a line's glyphs are its words' glyphs joined by the space
 * glyph. Vietnamese text is made of few distinct syllables, so words are shaped once and cached.
 * pdf-fonts.test.ts checks the identity against whole-line layout on real report text.
 */
export function cacheLayout(font: Font): Font {
  const layout = font.layout.bind(font);
  const words = new Map<string, GlyphRun['glyphs']>();
  const shaped = (word: string): GlyphRun['glyphs'] => {
    let glyphs = words.get(word);
    if (!glyphs) {
      glyphs = layout(word).glyphs;
      if (words.size < 200_000) words.set(word, glyphs);
    }
    return glyphs;
  };
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    if (!text.includes(' ')) return { glyphs: shaped(text), positions: [] } as unknown as GlyphRun;
    const space = shaped(' ');
    const glyphs: GlyphRun['glyphs'] = [];
    text.split(' ').forEach((word, i) => {
      if (i > 0) glyphs.push(...space);
      if (word) glyphs.push(...shaped(word));
    });
    return { glyphs, positions: [] } as unknown as GlyphRun;
  };
  return font;
}

const parsed = new Map<Uint8Array, Font>();
/** A fontkit that parses each font file once per process and caches word shaping (above). */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = cacheLayout(fontkit.create(buffer, postscriptName));
      parsed.set(buffer, font);
    }
    return font;
  },
};

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** `subset: false` embeds whole fonts: the reference rendering the render test compares against. */
export async function embedFonts(doc: PDFDocument, subset = true): Promise<Fonts> {
  doc.registerFontkit(cachingFontkit);
  return {
    regular: await doc.embedFont(fontBytes('400Regular'), { subset }),
    bold: await doc.embedFont(fontBytes('700Bold'), { subset }),
    italic: await doc.embedFont(fontBytes('400Regular_Italic'), { subset }),
  };
}
