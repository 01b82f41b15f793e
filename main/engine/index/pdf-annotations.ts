// Text drawn inside annotation appearances. Vietnamese e-office systems stamp the document
// number and day into signature widgets placed right after "Số:" and "ngày" when the document is
// signed, so the page's own text reads "Số: /TB-SGDĐT … ngày tháng 3". Those widget texts are
// returned as positioned items so they land in the right place on the line.

import { AnnotationMode, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PositionedText } from './pdf-text.js';

/** Widgets taller than this are signature stamps (name, e-mail, signing time), not inserted fields. */
const MAX_FIELD_HEIGHT = 40;

interface Glyph {
  unicode?: unknown;
}

export async function annotationTexts(page: PDFPageProxy): Promise<{ inline: PositionedText[]; stamps: string[] }> {
  const annotations = (await page.getAnnotations()) as Array<{ hasAppearance?: boolean }>;
  if (!annotations.some((a) => a.hasAppearance)) return { inline: [], stamps: [] };
  // The operator list also decodes page images, so it is only built when appearances exist.
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const inline: PositionedText[] = [];
  const stamps: string[] = [];
  let rect: number[] | null = null;
  let text = '';
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) {
      rect = Array.isArray(args?.[1]) ? (args[1] as number[]) : null;
      text = '';
    } else if (fn === OPS.endAnnotation) {
      const value = text.replace(/\s+/g, ' ').trim();
      if (rect && value) {
        const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
        const height = Math.abs(y2 - y1);
        if (height <= MAX_FIELD_HEIGHT) {
          // Baseline roughly a quarter up the box, like the neighbouring printed text.
          inline.push({ str: ` ${value} `, x: Math.min(x1, x2), y: Math.min(y1, y2) + height * 0.25, width: Math.abs(x2 - x1), height: height * 0.6 });
        } else {
          stamps.push(value);
        }
      }
      rect = null;
    } else if (rect && fn === OPS.showText && Array.isArray(args?.[0])) {
      for (const g of args[0] as unknown[]) {
        if (g && typeof g === 'object' && typeof (g as Glyph).unicode === 'string') text += (g as Glyph).unicode as string;
        else if (typeof g === 'number' && g < -200) text += ' ';
      }
      text += ' ';
    }
  }
  return { inline, stamps };
}
