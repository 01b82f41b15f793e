// What a page shows besides its own text, read from pdf.js annotations and the operator list:
//
// - Text drawn inside annotation appearances. Vietnamese e-office systems stamp the document
//   number and day into signature widgets placed right after "Số:" and "ngày" when the document
//   is signed, so the page's own text reads "Số: /TB-SGDĐT … ngày tháng 3". Those short inserted
//   fields are returned as positioned items so they land in the right place on the line; the
//   signature stamps ("Ký bởi: …, Thời gian ký: …") are returned apart: they are not the page's text.
// - The rectangles of the signature widgets, so text flattened into the page inside them can be
//   told from the page's own text.
// - How much of the page painted images cover, and how much of the page's own text is visible on
//   top (not invisible render mode 3/7, not painted over by a later page-sized image): a scanner's
//   OCR layer is hidden text over a page image.

import { AnnotationMode, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PositionedText } from './pdf-text.js';

/** Widgets taller than this are signature stamps (name, e-mail, signing time), not inserted fields. */
const MAX_FIELD_HEIGHT = 40;
/**
 * An inserted field holds a number, a day, a month or a year ("8151", "14 11", "2025"), at most a
 * short code with it; anything longer or worded is a stamp ("Cơ quan phát hành: …").
 */
const FIELD_VALUE = /^(?=.*\d)[\p{N}\p{Lu}/.\-–\s]{1,24}$/u;
/** An image covering this share of the page is the page itself (a scan), not a logo or a seal. */
const PAGE_IMAGE = 0.5;

export type Rect = [number, number, number, number];

export interface PageLayout {
  /** Inserted fields, positioned on the line they fill. */
  inline: PositionedText[];
  /** Texts of signature stamps and other annotation boxes. */
  stamps: string[];
  /** Signature widget rectangles [x1, y1, x2, y2] in page space. */
  widgets: Rect[];
  /** Share of the page area covered by images of the page content (0..1); null when not measured. */
  imageCover: number | null;
  /** Glyphs of the page content: drawn visibly on top, or hidden (invisible, or under a page image). */
  glyphs: { visible: number; hidden: number };
}

interface Glyph {
  unicode?: unknown;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, t: readonly number[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t;
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** Area of the unit square mapped by `m`, clipped to the page box. */
function imageArea(m: Matrix, view: readonly number[]): number {
  const xs = [m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]];
  const ys = [m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]];
  const [vx1 = 0, vy1 = 0, vx2 = 0, vy2 = 0] = view;
  const w = Math.min(Math.max(...xs), vx2) - Math.max(Math.min(...xs), vx1);
  const h = Math.min(Math.max(...ys), vy2) - Math.max(Math.min(...ys), vy1);
  return w > 0 && h > 0 ? w * h : 0;
}

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);

/**
 * Read the annotations of a page and, when `measure` is set (or annotation appearances exist),
 * its operator list. The operator list decodes page images, so callers ask for it only where it
 * can change a decision (the page has text and the file holds images).
 */
export async function pageLayout(page: PDFPageProxy, measure: boolean): Promise<PageLayout> {
  const annotations = (await page.getAnnotations()) as Array<{ hasAppearance?: boolean; subtype?: string; fieldType?: string; rect?: number[] }>;
  const widgets: Rect[] = [];
  for (const a of annotations) {
    const r = a.rect;
    if (a.subtype === 'Widget' && a.fieldType === 'Sig' && Array.isArray(r) && r.length === 4) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = r;
      if (x2 - x1 > 1 && y2 - y1 > 1) widgets.push([Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]);
    }
  }
  const appearances = annotations.some((a) => a.hasAppearance);
  const layout: PageLayout = { inline: [], stamps: [], widgets, imageCover: null, glyphs: { visible: 0, hidden: 0 } };
  if (!appearances && !measure) return layout;

  const ops = await page.getOperatorList({ annotationMode: appearances ? AnnotationMode.ENABLE : AnnotationMode.DISABLE });
  const view = page.view;
  const pageArea = Math.max(1, ((view[2] ?? 0) - (view[0] ?? 0)) * ((view[3] ?? 0) - (view[1] ?? 0)));
  let rect: number[] | null = null;
  let text = '';
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  let covered = 0;
  let visible = 0;
  let hidden = 0;
  let visibleBeforeLastPageImage = 0;
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
        if (height <= MAX_FIELD_HEIGHT && FIELD_VALUE.test(value)) {
          // Baseline roughly a quarter up the box; `box` lets the line builder put it on the
          // printed line its box spans.
          layout.inline.push({
            str: ` ${value} `,
            x: Math.min(x1, x2),
            y: Math.min(y1, y2) + height * 0.25,
            width: Math.abs(x2 - x1),
            height: height * 0.6,
            box: [Math.min(y1, y2), Math.max(y1, y2)],
          });
        } else {
          layout.stamps.push(value);
        }
      }
      rect = null;
    } else if (rect) {
      if (fn === OPS.showText && Array.isArray(args?.[0])) {
        for (const g of args[0] as unknown[]) {
          if (g && typeof g === 'object' && typeof (g as Glyph).unicode === 'string') text += (g as Glyph).unicode as string;
          else if (typeof g === 'number' && g < -200) text += ' ';
        }
        text += ' ';
      }
    } else if (fn === OPS.save) {
      stack.push({ ctm, mode });
    } else if (fn === OPS.restore) {
      const top = stack.pop();
      if (top) ({ ctm, mode } = top);
    } else if (fn === OPS.transform && Array.isArray(args)) {
      ctm = multiply(ctm, args as number[]);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, mode });
      if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) {
      const top = stack.pop();
      if (top) ({ ctm, mode } = top);
    } else if (fn === OPS.setTextRenderingMode && typeof args?.[0] === 'number') {
      mode = args[0];
    } else if (fn === OPS.showText && Array.isArray(args?.[0])) {
      const n = (args[0] as unknown[]).filter((g) => g && typeof g === 'object').length;
      if (mode === 3 || mode === 7) hidden += n;
      else visible += n;
    } else if (fn !== undefined && IMAGE_OPS.has(fn)) {
      const area = imageArea(ctm, view);
      covered += area;
      // Text painted before a page-sized image lies under it: hidden, like an invisible OCR layer.
      if (area / pageArea >= PAGE_IMAGE) visibleBeforeLastPageImage = visible;
    }
  }
  layout.imageCover = Math.min(1, covered / pageArea);
  layout.glyphs = { visible: visible - visibleBeforeLastPageImage, hidden: hidden + visibleBeforeLastPageImage };
  return layout;
}

/** The former interface: inserted fields and stamp texts of page 1. */
export async function annotationTexts(page: PDFPageProxy): Promise<{ inline: PositionedText[]; stamps: string[] }> {
  const { inline, stamps } = await pageLayout(page, false);
  return { inline, stamps };
}
