// Handwritten slots of a scanned official document: the crops, the readings and how they are
// stored with the OCR'd header. Where the slots are is found from the printed words around them
// (slot-plan.ts); each gap is cropped from the colour page, cleaned here, and read by the digit
// model (read-handwriting.ts).
import type { GrayImage } from './page-image.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type SlotKind = 'number' | 'day' | 'month';

export interface Slot {
  kind: SlotKind;
  box: Box;
}

/** Margin of white around a crop: Tesseract reads a word touching the image edge badly. */
export const PAD = 24;

/**
 * A slot cut from the colour page and made black on white: red stamp ink goes white, blue and
 * dark ink black, the rest (paper, shadows, dotted leaders' halo) by a threshold between paper
 * and ink measured on the crop itself (Otsu).
 */
export function cleanCrop(page: RgbaImage, box: Box): GrayImage {
  const x0 = Math.max(0, box.x0);
  const y0 = Math.max(0, box.y0);
  const x1 = Math.min(page.width, box.x1);
  const y1 = Math.min(page.height, box.y1);
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const gray = new Uint8Array(w * h);
  const hist = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * page.width + x0 + x) * 4;
      const r = page.data[i] as number;
      const g = page.data[i + 1] as number;
      const b = page.data[i + 2] as number;
      let v: number;
      if (r > 110 && r - g > 50 && r - b > 30) v = 255; // red stamp
      else {
        v = Math.round((r * 299 + g * 587 + b * 114) / 1000);
        // Blue ballpoint reads as dark; a pale blue paper (a copier's tint: blue ahead of red and
        // green by 20-45) must not, or the whole slot turns to ink.
        if (b - Math.max(r, g) >= 50) v = Math.round(v * 0.5);
      }
      gray[y * w + x] = v;
      hist[v] = (hist[v] ?? 0) + 1;
    }
  }
  const cut = otsu(hist, w * h);
  const W = w + 2 * PAD;
  const H = h + 2 * PAD;
  const out = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) if ((gray[y * w + x] as number) <= cut) out[(y + PAD) * W + x + PAD] = 0;
  }
  return { width: W, height: H, data: out };
}

function otsu(hist: Uint32Array, total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] as number);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let cut = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      cut = t;
    }
  }
  // A crop of blank paper has no ink: never let the cut climb into the paper's own shades.
  return Math.min(cut, 170);
}

/** Ink pixels of a binary crop, with specks (dots of a leader, dust) and edge-cut parts dropped. */
function inkComponents(img: GrayImage): { pixels: Int32Array; count: number; box: Box } | null {
  const { width: w, height: h, data } = img;
  const label = new Int32Array(w * h).fill(-1);
  const stack: number[] = [];
  const comps: { pixels: number[]; x0: number; y0: number; x1: number; y1: number }[] = [];
  for (let start = 0; start < w * h; start++) {
    if (data[start] !== 0 || label[start] !== -1) continue;
    const c = { pixels: [] as number[], x0: w, y0: h, x1: 0, y1: 0 };
    label[start] = comps.length;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      c.pixels.push(p);
      const x = p % w;
      const y = (p - x) / w;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]] as const) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (data[q] === 0 && label[q] === -1) {
          label[q] = comps.length;
          stack.push(q);
        }
      }
    }
    comps.push(c);
  }
  const tallest = Math.max(0, ...comps.map((c) => c.y1 - c.y0 + 1));
  const box: Box = { x0: w, y0: h, x1: 0, y1: 0 };
  let count = 0;
  const pixels = new Int32Array(w * h);
  for (const c of comps) {
    const ch = c.y1 - c.y0 + 1;
    // A digit is at least a third as tall as the tallest stroke; a dot or a comma is not.
    if (ch < tallest * 0.34 || c.pixels.length < 12) continue;
    for (const p of c.pixels) pixels[count++] = p;
    box.x0 = Math.min(box.x0, c.x0);
    box.y0 = Math.min(box.y0, c.y0);
    box.x1 = Math.max(box.x1, c.x1);
    box.y1 = Math.max(box.y1, c.y1);
  }
  return count === 0 ? null : { pixels, count, box };
}

/**
 * Versions of a cleaned slot for the digit reader (cut to its ink, scaled to a print-like height,
 * optionally un-slanted, strokes redrawn). Tesseract's models learnt print and most handwriting
 * defeats them whatever the version (a sweep of 5 heights × 3 shears × 3 strokes × 3 page
 * segmentations on corpus/real read 4 of 21 slots); what one version reads by accident the
 * others rarely repeat, so the versions vote and only a clear majority is kept.
 */
export function digitVariants(
  img: GrayImage,
  heights: readonly number[] = [32, 40, 56],
  shears: readonly number[] = [0, 0.2],
  strokes: readonly number[] = [-1],
): GrayImage[] {
  const ink = inkComponents(img);
  if (!ink) return [];
  const { box } = ink;
  const iw = box.x1 - box.x0 + 1;
  const ih = box.y1 - box.y0 + 1;
  const out: GrayImage[] = [];
  for (const target of heights) {
    const scale = target / ih;
    for (const shear of shears) for (const stroke of strokes) {
      const pad = Math.round(target * 0.5);
      const slantW = Math.ceil(shear * target);
      const W = Math.max(1, Math.round(iw * scale) + slantW + 2 * pad);
      const H = target + 2 * pad;
      const data = new Uint8Array(W * H).fill(255);
      const thick = target >= 40 ? 1 : 0;
      for (let k = 0; k < ink.count; k++) {
        const p = ink.pixels[k] as number;
        const x = (p % img.width) - box.x0;
        const y = (p - (p % img.width)) / img.width - box.y0;
        const ty = y * scale;
        // Upright the slant: the higher the pixel, the further left it moves.
        const tx = x * scale - shear * (target - ty) + slantW;
        const cx = Math.round(tx) + pad;
        const cy = Math.round(ty) + pad;
        const r = stroke >= 0 ? stroke : Math.max(thick, Math.ceil(scale / 2) - 1);
        for (let dy = -r; dy <= r; dy++) {
          for (let dx = -r; dx <= r; dx++) {
            const xx = cx + dx;
            const yy = cy + dy;
            if (xx >= 0 && yy >= 0 && xx < W && yy < H) data[yy * W + xx] = 0;
          }
        }
      }
      out.push({ width: W, height: H, data });
    }
  }
  return out;
}

/** One slot's answer: the digits most versions agreed on. */
export interface SlotReading {
  digits: string;
  /** Share of the versions that read exactly these digits (0..1). */
  support: number;
  /** Tesseract's mean confidence over those versions (0..100). */
  confidence: number;
}

/** What the handwritten slots of a header say, with the printed parts of the date. */
export interface HandwrittenReading {
  number?: SlotReading;
  day?: SlotReading;
  month?: SlotReading;
  /**
   * The printed day, or null when the day is a slot (handwritten). Absent in readings cached
   * before OCR version 3, which did not tell.
   */
  printedDay?: number | null;
  printedMonth: number | null;
  year: number | null;
}

/** The reading most versions gave; empty answers count against it. */
export function vote(reads: readonly { text: string; confidence: number }[]): SlotReading | null {
  const tally = new Map<string, { n: number; conf: number }>();
  for (const r of reads) {
    const d = r.text.replace(/\D/g, '');
    if (!d) continue;
    const t = tally.get(d) ?? { n: 0, conf: 0 };
    t.n++;
    t.conf += r.confidence;
    tally.set(d, t);
  }
  let best: { digits: string; n: number; conf: number } | null = null;
  // Most versions first; between equals, the surer ones (their summed confidence).
  for (const [digits, t] of tally) if (!best || t.n > best.n || (t.n === best.n && t.conf > best.conf)) best = { digits, ...t };
  if (!best) return null;
  return { digits: best.digits, support: Math.round((100 * best.n) / Math.max(1, reads.length)) / 100, confidence: Math.round(best.conf / best.n) };
}

// Stored after the OCR'd header text (contents.ocr_header_text), so the reading is cached with it
// and needs no column of its own; header-of.ts takes it off before recognition.
const MARK = '\u2063hw ';

export function appendHandwriting(text: string, hw: HandwrittenReading | undefined): string {
  // Kept without any reading too when the day is known to be handwritten: that demotes the page
  // OCR's day (header-of.ts).
  if (!hw || (!hw.number && !hw.day && !hw.month && hw.printedDay !== null)) return text;
  return `${text}\n${MARK}${JSON.stringify(hw)}`;
}

export function splitHandwriting(stored: string): { text: string; handwritten: HandwrittenReading | null } {
  const at = stored.lastIndexOf(`\n${MARK}`);
  if (at < 0) return { text: stored, handwritten: null };
  try {
    return { text: stored.slice(0, at), handwritten: JSON.parse(stored.slice(at + 1 + MARK.length)) as HandwrittenReading };
  } catch {
    return { text: stored.slice(0, at), handwritten: null };
  }
}
