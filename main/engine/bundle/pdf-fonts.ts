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
const parsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
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
