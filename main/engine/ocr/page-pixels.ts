// The pixels OCR reads from a page, decoded once. A scanner's page is one image drawn over the
// whole page (JPEG, CCITT, JBIG2 or Flate): that image is taken as it is, at its own resolution,
// from pdf.js's own decoding (page.objs after getOperatorList), without drawing it onto a canvas
// at another resolution. Any other page (text, vector drawing, several images, an image over
// part of the page, a stamp image on top of the scan) is rendered with pdf.js as before; the
// operator list is built with the same options render uses, so pdf.js does not build it twice.
//
// Before anything is decoded the page's image sizes are read from the PDF's dictionaries
// (pdf-lib): an image past MAX_IMAGE_PIXELS (an "image bomb") refuses the page with
// ImageTooLargeError instead of being decoded. pdf.js is opened with the same limit
// (maxImageSize) as a backstop for images the dictionaries do not show (inline images).
import { PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument as PdfLibDocument, type PDFObject } from 'pdf-lib';
import { AnnotationMode, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserError } from '../errors.js';
import type { OcrSettings } from './ocr-jobs.js';
import { renderPageRgba, type GrayImage } from './page-image.js';

/** 8,000 × 8,000: A3 at 600 dpi is 7,000 × 9,900 (69 MP); beyond this a page is refused, not decoded. */
export const MAX_IMAGE_PIXELS = 64_000_000;

export class ImageTooLargeError extends UserError {
  constructor(page: number, width: number, height: number) {
    super(`page ${page}: image too large to read (${width} × ${height} pixels, at most ${MAX_IMAGE_PIXELS / 1e6} megapixels)`, {
      kind: 'ocr-image-too-large',
      params: { page, width, height, maxPixels: MAX_IMAGE_PIXELS },
    });
    this.name = 'ImageTooLargeError';
  }
}

/** A page's pixels as decoded: gray (1 byte a pixel) or RGB (3), rows top to bottom, page upright. */
export interface PageRaster {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array | Uint8ClampedArray;
  /** Pixels per inch on the page (the smaller of the two axes for an image). */
  dpi: number;
  /** 'image': the page's one full-page image; 'render': drawn by pdf.js at `dpi`. */
  source: 'image' | 'render';
  /** The part of the page held, from its top (a rendered header band holds only that band). */
  topFraction: number;
}

/** What pdf.js hands over for a decoded image (ImageKind 1: 1 bit gray, 2: RGB, 3: RGBA). */
interface PdfJsImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Operators that put visible marks on the page (besides images and text, handled apart). */
const PAINT = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.shadingFill,
  OPS.rawFillPath,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);
const SHOW_TEXT = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
/** constructPath's first argument: the operator that ends the path (pdf.js 5). */
const PATH_END_HARMLESS = new Set<number>([OPS.endPath, OPS.clip, OPS.eoClip]);

/** The id of the page's one image, when it covers the whole page and nothing visible is drawn over it. */
function soleFullPageImage(page: PDFPageProxy, fnArray: number[], argsArray: unknown[][]): string | null {
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let textMode = 0;
  const textModes: number[] = [];
  let found: string | null = null;
  let annotation = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i] as number;
    const args = argsArray[i] ?? [];
    // Annotations (a signature's appearance, a form field) lie over the page, not in the scan.
    if (fn === OPS.beginAnnotation) annotation++;
    else if (fn === OPS.endAnnotation) annotation--;
    if (annotation > 0) continue;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        textModes.push(textMode);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? IDENTITY;
        textMode = textModes.pop() ?? 0;
        break;
      case OPS.transform:
        ctm = mul(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.setTextRenderingMode:
        textMode = Number(args[0]);
        break;
      case OPS.constructPath:
        // A path painted before the image is covered by it; one painted after is a mark on the scan.
        if (found && !PATH_END_HARMLESS.has(Number(args[0]))) return null;
        break;
      case OPS.paintImageXObject: {
        const [a, b, c, d, e, f] = ctm;
        // Upright, inside the page (2 pt slack) and over at least 90% of its width and height:
        // a scanner's margin is paper, white either way.
        const pw = vx1 - vx0;
        const ph = vy1 - vy0;
        const coversPage = b === 0 && c === 0 && a >= pw * 0.9 && d >= ph * 0.9 && e >= vx0 - 2 && f >= vy0 - 2 && e + a <= vx1 + 2 && f + d <= vy1 + 2;
        // A second image, or one over part of the page: draw the page as it is.
        if (found || !coversPage) return null;
        found = String(args[0]);
        break;
      }
      default:
        if (SHOW_TEXT.has(fn)) {
          // Invisible text (an OCR layer, mode 3 or 7) is no mark; visible text after the image is.
          if (found && textMode !== 3 && textMode !== 7) return null;
        } else if (PAINT.has(fn) && found) return null;
    }
  }
  return found;
}

function imageFromObjs(page: PDFPageProxy, id: string): Promise<PdfJsImage | null> {
  const objs = (id.startsWith('g_') ? page.commonObjs : page.objs) as unknown as { get(id: string, cb: (v: unknown) => void): void };
  return new Promise((resolve) => objs.get(id, (v) => resolve((v as PdfJsImage | null) ?? null)));
}

/** An image's pixels as gray (1 bit/8 bit gray) or RGB; RGBA is laid over white paper. */
function fromPdfJs(img: PdfJsImage): { width: number; height: number; channels: 1 | 3; data: Uint8Array | Uint8ClampedArray } | null {
  const { width, height, kind, data } = img;
  if (!data) return null;
  if (kind === 1) {
    // 1 bit per pixel, rows padded to a byte, 1 = white (pdf.js applies /Decode and BlackIs1).
    const rowBytes = (width + 7) >> 3;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      const o = y * width;
      for (let x = 0; x < width; x++) out[o + x] = ((data[row + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { width, height, channels: 1, data: out };
  }
  if (kind === 2) return data.length >= width * height * 3 ? { width, height, channels: 3, data } : null;
  if (kind === 3) {
    if (data.length < width * height * 4) return null;
    const out = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; j < out.length; i += 4, j += 3) {
      const a = data[i + 3] as number;
      const bg = 255 - a;
      out[j] = ((data[i] as number) * a + 255 * bg) / 255;
      out[j + 1] = ((data[i + 1] as number) * a + 255 * bg) / 255;
      out[j + 2] = ((data[i + 2] as number) * a + 255 * bg) / 255;
    }
    return { width, height, channels: 3, data: out };
  }
  return null;
}

/** Turn a raster by the page's /Rotate (clockwise, as viewers show it). */
export function rotate<T extends { width: number; height: number; channels: 1 | 3; data: Uint8Array | Uint8ClampedArray }>(r: T, degrees: number): T {
  const turn = ((degrees % 360) + 360) % 360;
  if (turn === 0) return r;
  const { width: w, height: h, channels: ch, data } = r;
  const out = new Uint8Array(w * h * ch);
  const W = turn === 180 ? w : h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let X: number;
      let Y: number;
      if (turn === 90) [X, Y] = [h - 1 - y, x];
      else if (turn === 180) [X, Y] = [w - 1 - x, h - 1 - y];
      else [X, Y] = [y, w - 1 - x];
      const s = (y * w + x) * ch;
      const t = (Y * W + X) * ch;
      for (let k = 0; k < ch; k++) out[t + k] = data[s + k] as number;
    }
  }
  return { ...r, width: W, height: turn === 180 ? h : w, data: out };
}

/**
 * The sizes of the images a page's content may draw (its XObjects, and those of the forms it
 * draws), read from their dictionaries without decoding anything. Throws ImageTooLargeError.
 */
export function checkImageSizes(lib: PdfLibDocument | null, pageNumber: number): void {
  if (!lib) return;
  const page = lib.getPages()[pageNumber - 1];
  if (!page) return;
  const seen = new Set<PDFObject>();
  const walk = (resources: PDFObject | undefined, depth: number): void => {
    const res = resources instanceof PDFRef ? lib.context.lookup(resources) : resources;
    if (!(res instanceof PDFDict) || depth > 4) return;
    const xo = res.lookup(PDFName.of('XObject'));
    if (!(xo instanceof PDFDict)) return;
    for (const [, ref] of xo.entries()) {
      const obj = ref instanceof PDFRef ? lib.context.lookup(ref) : ref;
      if (!obj || seen.has(obj) || !(obj instanceof PDFRawStream)) continue;
      seen.add(obj);
      const dict = obj.dict;
      const subtype = dict.lookup(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) {
        const num = (k: string): number => {
          const v = dict.lookup(PDFName.of(k));
          return v instanceof PDFNumber ? v.asNumber() : 0;
        };
        const w = num('Width');
        const h = num('Height');
        if (w * h > MAX_IMAGE_PIXELS) throw new ImageTooLargeError(pageNumber, w, h);
      } else if (subtype === PDFName.of('Form')) walk(dict.get(PDFName.of('Resources')), depth + 1);
    }
  };
  walk(page.node.Resources(), 0);
}

export interface RasterOptions {
  /** Resolution of a rendered page (a page that is not one full-page image). */
  renderDpi: number;
  /** A rendered page is drawn only this far from its top (the header band); an image is taken whole. */
  topFraction?: number;
  /** false: always render (the bench compares both ways). */
  direct?: boolean;
}

/** A page's pixels for OCR: its one full-page image as decoded, or the page rendered at renderDpi. */
export async function pageRaster(doc: PDFDocumentProxy, lib: PdfLibDocument | null, pageNumber: number, options: RasterOptions): Promise<PageRaster> {
  checkImageSizes(lib, pageNumber);
  if (options.direct !== false) {
    const page = await doc.getPage(pageNumber);
    // Same intent and annotation mode as page.render: a fallback render reuses this operator list.
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE_FORMS });
    const id = soleFullPageImage(page, ops.fnArray, ops.argsArray as unknown[][]);
    const img = id ? await imageFromObjs(page, id) : null;
    const px = img ? fromPdfJs(img) : null;
    if (px) {
      const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
      const dpi = Math.min((px.width * 72) / (vx1 - vx0), (px.height * 72) / (vy1 - vy0));
      const upright = rotate(px, page.rotate);
      // The decoded image stays in page.objs until cleanup; ours is a view or a copy of it.
      page.cleanup();
      return { ...upright, dpi, source: 'image', topFraction: 1 };
    }
  }
  const topFraction = Math.min(1, options.topFraction ?? 1);
  const rgba = await renderPageRgba(doc, pageNumber, { dpi: options.renderDpi, topFraction });
  const rgb = new Uint8Array(rgba.width * rgba.height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = rgba.data[i] as number;
    rgb[j + 1] = rgba.data[i + 1] as number;
    rgb[j + 2] = rgba.data[i + 2] as number;
  }
  return { width: rgba.width, height: rgba.height, channels: 3, data: rgb, dpi: options.renderDpi, source: 'render', topFraction };
}

/** The top `fraction` of the page (a view of the raster's rows, no copy). */
export function topBand(r: PageRaster, fraction: number): PageRaster {
  if (fraction >= r.topFraction) return r;
  const height = Math.max(1, Math.min(r.height, Math.round((r.height * fraction) / r.topFraction)));
  return { ...r, height, topFraction: fraction, data: r.data.subarray(0, r.width * height * r.channels) };
}

/**
 * Resample to `scale` (< 1 shrinks by averaging the source pixels each target pixel covers,
 * > 1 enlarges bilinearly). Channels are kept.
 */
export function resample(r: PageRaster, scale: number): PageRaster {
  if (Math.abs(scale - 1) < 0.01) return r;
  const W = Math.max(1, Math.round(r.width * scale));
  const H = Math.max(1, Math.round(r.height * scale));
  const ch = r.channels;
  const src = r.data;
  const out = new Uint8Array(W * H * ch);
  const sx = r.width / W;
  const sy = r.height / H;
  if (scale < 1) {
    for (let Y = 0; Y < H; Y++) {
      const y0 = Math.floor(Y * sy);
      const y1 = Math.max(y0 + 1, Math.min(r.height, Math.floor((Y + 1) * sy)));
      for (let X = 0; X < W; X++) {
        const x0 = Math.floor(X * sx);
        const x1 = Math.max(x0 + 1, Math.min(r.width, Math.floor((X + 1) * sx)));
        const n = (y1 - y0) * (x1 - x0);
        for (let k = 0; k < ch; k++) {
          let sum = 0;
          for (let y = y0; y < y1; y++) for (let x = x0, i = (y * r.width + x0) * ch + k; x < x1; x++, i += ch) sum += src[i] as number;
          out[(Y * W + X) * ch + k] = (sum + (n >> 1)) / n;
        }
      }
    }
  } else {
    for (let Y = 0; Y < H; Y++) {
      const fy = Math.min(r.height - 1, Math.max(0, (Y + 0.5) * sy - 0.5));
      const y0 = Math.floor(fy);
      const y1 = Math.min(r.height - 1, y0 + 1);
      const wy = fy - y0;
      for (let X = 0; X < W; X++) {
        const fx = Math.min(r.width - 1, Math.max(0, (X + 0.5) * sx - 0.5));
        const x0 = Math.floor(fx);
        const x1 = Math.min(r.width - 1, x0 + 1);
        const wx = fx - x0;
        for (let k = 0; k < ch; k++) {
          const a = src[(y0 * r.width + x0) * ch + k] as number;
          const b = src[(y0 * r.width + x1) * ch + k] as number;
          const c = src[(y1 * r.width + x0) * ch + k] as number;
          const d = src[(y1 * r.width + x1) * ch + k] as number;
          out[(Y * W + X) * ch + k] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy + 0.5;
        }
      }
    }
  }
  return { ...r, width: W, height: H, data: out, dpi: r.dpi * (W / r.width) };
}

/**
 * What OCR reads of a page's pixels: the header band (header jobs), an image's own resolution
 * kept unless the settings bound it (a 100 dpi scan is enlarged to pageDpi).
 */
export function forOcr(r: PageRaster, header: boolean, s: OcrSettings): PageRaster {
  const band = header ? topBand(r, s.headerFraction) : r;
  if (band.source !== 'image') return band;
  if (header) return s.headerMinDpi > 0 && band.dpi < s.headerMinDpi ? resample(band, s.headerDpi / band.dpi) : band;
  const off = (s.pageMinDpi > 0 && band.dpi < s.pageMinDpi) || (s.pageMaxDpi > 0 && band.dpi > s.pageMaxDpi);
  return off ? resample(band, s.pageDpi / band.dpi) : band;
}

/** 8-bit gray for Tesseract; dropRed turns clearly red pixels (stamps, red ink) white. */
export function grayOf(r: PageRaster, dropRed: boolean): GrayImage {
  const n = r.width * r.height;
  if (r.channels === 1) return { width: r.width, height: r.height, data: r.data instanceof Uint8Array ? r.data.subarray(0, n) : new Uint8Array(r.data.buffer, r.data.byteOffset, n) };
  const out = new Uint8Array(n);
  const d = r.data;
  for (let i = 0, j = 0; j < n; i += 3, j++) {
    const red = d[i] as number;
    const g = d[i + 1] as number;
    const b = d[i + 2] as number;
    if (dropRed && red > 120 && red - g > 60 && red - b > 40) out[j] = 255;
    // ITU-R BT.601 luma, integer arithmetic (as page-image.ts's toGray).
    else out[j] = (red * 299 + g * 587 + b * 114 + 500) / 1000;
  }
  return { width: r.width, height: r.height, data: out };
}

/** RGBA for the handwritten slots, which clean their crops by ink colour. */
export function rgbaOf(r: PageRaster): { width: number; height: number; data: Uint8ClampedArray } {
  const n = r.width * r.height;
  const out = new Uint8ClampedArray(n * 4);
  const d = r.data;
  for (let j = 0, i = 0; j < n; j++, i += 4) {
    const s = j * r.channels;
    const red = d[s] as number;
    out[i] = red;
    out[i + 1] = r.channels === 3 ? (d[s + 1] as number) : red;
    out[i + 2] = r.channels === 3 ? (d[s + 2] as number) : red;
    out[i + 3] = 255;
  }
  return { width: r.width, height: r.height, data: out };
}
