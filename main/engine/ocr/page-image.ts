// Renders a PDF page (or its top band) to an 8-bit grayscale image for OCR, with pdf.js and the
// @napi-rs/canvas it ships with. The canvas must come from pdf.js's own factory: the project's
// top-level @napi-rs/canvas is another version, and pdf.js rejects its Path2D objects.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type RenderParams = Parameters<PDFPageProxy['render']>[0];

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white, rows top to bottom. */
  data: Uint8Array;
}

export interface RenderOptions {
  dpi: number;
  /** Render only the top part of the page (0 < fraction ≤ 1). */
  topFraction?: number;
  /** Turn clearly red pixels (stamps, seals, signatures in red ink) white. */
  dropRed?: boolean;
}

interface CanvasLike {
  width: number;
  height: number;
}
interface ContextLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: CanvasLike; context: ContextLike };
  destroy(canvasAndContext: { canvas: CanvasLike; context: ContextLike }): void;
}

/** A4 at 400 dpi is ~4,700 px tall; a page beyond this (posters, huge scans) is scaled down. */
const MAX_SIDE_PX = 5_000;

export async function renderPageGray(doc: PDFDocumentProxy, pageNumber: number, options: RenderOptions): Promise<GrayImage> {
  const rgba = await renderPageRgba(doc, pageNumber, options);
  return { width: rgba.width, height: rgba.height, data: toGray(rgba.data, options.dropRed ?? false) };
}

/** The page (or its top band) in colour: the handwritten slots are cleaned by ink colour. */
export async function renderPageRgba(
  doc: PDFDocumentProxy,
  pageNumber: number,
  options: RenderOptions,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const page = await doc.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    const wanted = options.dpi / 72;
    const scale = Math.min(wanted, MAX_SIDE_PX / Math.max(base.width, base.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height * Math.min(1, options.topFraction ?? 1)));
    const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const cc = factory.create(width, height);
    try {
      cc.context.fillStyle = 'white';
      cc.context.fillRect(0, 0, width, height);
      // Drawing past the canvas's bottom edge is clipped: a top band costs only its own pixels.
      const params = { canvasContext: cc.context, canvas: cc.canvas, viewport } as unknown as RenderParams;
      await page.render(params).promise;
      return { width, height, data: cc.context.getImageData(0, 0, width, height).data };
    } finally {
      factory.destroy(cc);
    }
  } finally {
    page.cleanup();
  }
}

export function toGray(rgba: Uint8ClampedArray, dropRed: boolean): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    const r = rgba[i] as number;
    const g = rgba[i + 1] as number;
    const b = rgba[i + 2] as number;
    if (dropRed && r > 120 && r - g > 60 && r - b > 40) {
      out[j] = 255;
      continue;
    }
    // ITU-R BT.601 luma, integer arithmetic.
    out[j] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
  }
  return out;
}

/** Binary PGM (P5): Leptonica reads it directly, and it costs nothing to encode. */
export function toPgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
