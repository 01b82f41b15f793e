// Handwritten slots of a scanned official document. Offices print the form ("Số:      /KH-UBND",
// "Hà Giang, ngày      tháng 4 năm 2019") and write the number and the day by hand on signing;
// the full-page Tesseract pass reads that ink as noise. The printed words around each gap are
// read well, so their boxes locate the gap: the number lies between "Số:" and the "/" that opens
// the printed code, the day between "ngày" and "tháng" (and the month between "tháng" and "năm"
// when it is handwritten too). Each gap is cropped from the colour page, cleaned and read alone
// with a digits-only whitelist (see tesseract-engine.ts, recognizeDigits).
import type Tesseract from 'tesseract.js';
import { foldForMatch } from '../../../shared/vietnamese.js';
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

/** What the printed words around the slots say; digits read in the slots complete it. */
export interface SlotPlan {
  slots: Slot[];
  /** The printed month and year of the place-date line, when printed. */
  month: number | null;
  year: number | null;
}

interface WordLike {
  text: string;
  bbox: Box;
  symbols: { text: string; bbox: Box }[];
}

function wordsOfLines(page: Tesseract.Page): WordLike[][] {
  const out: WordLike[][] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) out.push(line.words.map((w) => ({ text: w.text, bbox: w.bbox, symbols: w.symbols ?? [] })));
    }
  }
  return out;
}

/** The x where the first `n` letters of a word end: its symbol box, else a share of its width. */
function endOfPrefix(w: WordLike, n: number): number {
  const sym = w.symbols[n - 1];
  if (w.symbols.length === [...w.text].length && sym) return sym.bbox.x1;
  const chars = Math.max(1, [...w.text].length);
  return Math.round(w.bbox.x0 + ((w.bbox.x1 - w.bbox.x0) * Math.min(n, chars)) / chars);
}

function startOfChar(w: WordLike, index: number): number {
  const sym = w.symbols[index];
  if (w.symbols.length === [...w.text].length && sym) return sym.bbox.x0;
  const chars = Math.max(1, [...w.text].length);
  return Math.round(w.bbox.x0 + ((w.bbox.x1 - w.bbox.x0) * index) / chars);
}

/** Height of printed text on a line: the median of its words' boxes. */
function lineHeight(words: readonly WordLike[]): number {
  const hs = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 40;
}

/**
 * The band a handwritten gap occupies: handwriting rises above the printed line and is taller,
 * so the box reaches up most of a line height and down a little.
 */
function gapBox(x0: number, x1: number, words: readonly WordLike[], h: number): Box | null {
  if (x1 - x0 < h * 0.4) return null;
  const y0 = Math.min(...words.map((w) => w.bbox.y0));
  const y1 = Math.max(...words.map((w) => w.bbox.y1));
  const mid = (y0 + y1) / 2;
  return { x0: Math.round(x0 + h * 0.08), y0: Math.round(mid - h * 1.25), x1: Math.round(x1 - h * 0.08), y1: Math.round(mid + h * 0.85) };
}

// "Số:", "So:", OCR's "S6:", "Sé:"; glued to what follows ("Số:{24,2", "Số;////QĐ-UBND").
const SO = /^s[o6e](?![a-z])[:;.]?/;
// The printed code that ends the number: "/KH-UBND", "/2026/QĐ-CT", "/SYT-NVY".
const CODE = /\/(?:\d{4}\/)?[\p{Lu}Đ][\p{Lu}\p{Ll}Đđ0-9&]*(?:[-–][\p{Lu}Đ0-9&]+)+\.?$/u;

function numberSlot(lines: readonly WordLike[][]): Slot | null {
  for (const words of lines) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as WordLike;
      const so = SO.exec(foldForMatch(w.text));
      // The form's "Số:" is capitalised or has its colon; "số 1915/QĐ-SYT" in a citation has neither.
      if (!so || !(/^S/.test(w.text) || /[:;]/.test(so[0]))) continue;
      // The code may be glued to "Số" or be one of the next three words.
      const rest = words.slice(i, i + 4);
      const h = lineHeight(words);
      for (let k = 0; k < rest.length; k++) {
        const cw = rest[k] as WordLike;
        const text = k === 0 ? cw.text.slice(so[0].length) : cw.text;
        const m = CODE.exec(text);
        if (!m) continue;
        const slash = [...cw.text].length - [...text].length + [...text.slice(0, m.index)].length;
        const start = endOfPrefix(w, so[0].length);
        const end = startOfChar(cw, slash);
        const box = gapBox(start, end, rest.slice(0, k + 1), h);
        return box ? { kind: 'number', box } : null;
      }
    }
  }
  return null;
}

function placeDateSlots(lines: readonly WordLike[][]): { slots: Slot[]; month: number | null; year: number | null } | null {
  for (const words of lines) {
    const keys = words.map((w) => foldForMatch(w.text));
    for (let i = 0; i < words.length; i++) {
      if (!(keys[i] ?? '').startsWith('ngay')) continue;
      // The form's line follows the place ("Hà Giang, ngày"); a citation ("Căn cứ Luật … ngày 14
      // tháng 6 năm 2019") does not, and its printed month and year must not date the document.
      if (!/,$/.test(words[i - 1]?.text ?? '')) continue;
      const t = keys.findIndex((k, j) => j > i && j <= i + 3 && /^th[a4]ng/.test(k));
      if (t < 0) continue;
      const n = keys.findIndex((k, j) => j > t && j <= t + 3 && /^n[aă](m|rn)/.test(k));
      if (n < 0) continue;
      const yearText = (keys[n + 1] ?? '').replace(/[^0-9]/g, '');
      const year = /^(19|20)\d\d$/.test(yearText) ? Number(yearText) : null;
      // Only the form's line, with a year: a citation ("ngày 18/6/2018") has no "tháng".
      if (year === null) continue;
      const h = lineHeight(words);
      const slots: Slot[] = [];
      const ngay = words[i] as WordLike;
      const thang = words[t] as WordLike;
      const nam = words[n] as WordLike;
      const day = gapBox(endOfPrefix(ngay, 4), thang.bbox.x0, words.slice(i, t + 1), h);
      if (day) slots.push({ kind: 'day', box: day });
      const between = keys.slice(t + 1, n).join(' ');
      const printedMonth = /^\d{1,2}$/.test(between) ? Number(between) : null;
      const month: number | null = printedMonth !== null && printedMonth >= 1 && printedMonth <= 12 ? printedMonth : null;
      if (month === null) {
        const gap = gapBox(endOfPrefix(thang, 5), nam.bbox.x0, words.slice(t, n + 1), h);
        if (gap) slots.push({ kind: 'month', box: gap });
      }
      return { slots, month, year };
    }
  }
  return null;
}

/** Where the handwritten number and day are, from the header pass's word boxes. */
export function planSlots(page: Tesseract.Page): SlotPlan {
  const lines = wordsOfLines(page);
  const slots: Slot[] = [];
  const num = numberSlot(lines);
  if (num) slots.push(num);
  const pd = placeDateSlots(lines);
  if (pd) slots.push(...pd.slots);
  return { slots, month: pd?.month ?? null, year: pd?.year ?? null };
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
  if (!hw || (!hw.number && !hw.day && !hw.month)) return text;
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
