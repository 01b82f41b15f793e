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
  /** The printed day, month and year of the place-date line, when printed. */
  day: number | null;
  month: number | null;
  year: number | null;
}

interface WordLike {
  text: string;
  bbox: Box;
  /** Tesseract's word confidence (0..100); print reads at 90+, handwriting misread lower. */
  confidence?: number;
  symbols: { text: string; bbox: Box }[];
}

function wordsOfLines(page: Tesseract.Page): WordLike[][] {
  const out: WordLike[][] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) out.push(line.words.map((w) => ({ text: w.text, bbox: w.bbox, confidence: w.confidence, symbols: w.symbols ?? [] })));
    }
  }
  return out;
}

/** Height of printed text on a line: the median of its words' boxes. */
function lineHeight(words: readonly WordLike[]): number {
  const hs = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 40;
}

/**
 * A line as one string of characters with the x span of each. OCR glues handwriting to the
 * printed anchors ("ngày@ổ", "thánglOhăm", "Số:£‡54/CTPH-…") or splits a code ("/UBND-" "KSTTHC"):
 * searching the line's characters instead of its words finds the anchors either way. Each
 * character's span is its symbol box when Tesseract gave one per letter, else a share of its
 * word's width; a space joins two words and spans the gap between them.
 */
interface LineChars {
  /** foldForMatch of the line, one character per character of the line. */
  key: string;
  /** The line's characters as read (for case: the form's "Số" is capitalised). */
  raw: string[];
  x0: number[];
  x1: number[];
  /** Index of the word each character belongs to (-1 for the joining spaces). */
  word: number[];
}

function charsOf(words: readonly WordLike[]): LineChars {
  const out: LineChars = { key: '', raw: [], x0: [], x1: [], word: [] };
  // Tesseract gives the handwriting glued to an anchor to the anchor's last letter ("ngày" whose
  // "y" spans 70 px, "tháng" whose "g" runs over the handwritten month): a letter far wider than
  // the line's letters ends where a letter would.
  const widths = words.flatMap((w) => w.symbols.map((sym) => sym.bbox.x1 - sym.bbox.x0)).sort((a, b) => a - b);
  const letter = widths[Math.floor(widths.length / 2)] ?? 0;
  words.forEach((w, wi) => {
    const chars = [...w.text];
    if (wi > 0) {
      const prev = words[wi - 1] as WordLike;
      out.key += ' ';
      out.raw.push(' ');
      out.x0.push(prev.bbox.x1);
      out.x1.push(Math.max(prev.bbox.x1, w.bbox.x0));
      out.word.push(-1);
    }
    const bySymbol = w.symbols.length === chars.length;
    chars.forEach((ch, i) => {
      const folded = foldForMatch(ch);
      // One key character per character: a letter whose fold is longer or empty keeps itself.
      out.key += [...folded].length === 1 ? folded : ch.toLowerCase().slice(0, 1) || '?';
      out.raw.push(ch);
      const sym = bySymbol ? w.symbols[i] : undefined;
      const n = Math.max(1, chars.length);
      out.x0.push(sym ? sym.bbox.x0 : Math.round(w.bbox.x0 + ((w.bbox.x1 - w.bbox.x0) * i) / n));
      const x1 = sym ? sym.bbox.x1 : Math.round(w.bbox.x0 + ((w.bbox.x1 - w.bbox.x0) * (i + 1)) / n);
      const x0 = out.x0[out.x0.length - 1] as number;
      out.x1.push(sym && letter > 0 && x1 - x0 > 1.7 * letter ? Math.round(x0 + 1.2 * letter) : x1);
      out.word.push(wi);
    });
  });
  return out;
}

/** The middle of a line's print: the median of its words' middles (a glued word holding
 * handwriting is taller than print and would pull a mean). */
function lineMiddle(words: readonly WordLike[]): number {
  const ms = words.map((w) => (w.bbox.y0 + w.bbox.y1) / 2).sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? 0;
}

/**
 * The band a handwritten gap occupies: handwriting rises above the printed line and is taller,
 * so the box reaches up most of a line height and down a little.
 */
function gapBox(x0: number, x1: number, words: readonly WordLike[], h: number): Box | null {
  if (x1 - x0 < h * 0.4 || words.length === 0) return null;
  const mid = lineMiddle(words);
  // Down to a line height below the middle: a hand that slopes or writes large descends under the
  // printed baseline (dev/pt-4532's number was cut at 0.85).
  return { x0: Math.round(x0 + h * 0.08), y0: Math.round(mid - h * 1.25), x1: Math.round(x1 - h * 0.08), y1: Math.round(mid + h * 1.05) };
}

// "Số:", "So:", OCR's "S6:", "Sé:", "sá:"; at the start of a word, not inside one ("Hồ sơ", "số
// liệu" have no code after them, which is checked below).
const SO = /(?:^| )(s[o6ea])(?![a-z])[:;.]?/g;
// The slash that opens the printed code: "/KH-UBND", "/2026/QĐ-CT", "/SYT-NVY", "/CTPH-LĐLĐ-SVH,TT,DL".
const CODE_AT = /^\/\s?(?:(?:19|20)\d\d\/)?[\p{Lu}Đ][\p{Lu}\p{Ll}Đđ0-9&]*(?:\s?[-–]\s?[\p{Lu}Đ0-9&,]+)+/u;

function numberSlot(lines: readonly WordLike[][]): Slot | null {
  for (const words of lines) {
    const lc = charsOf(words);
    for (const so of lc.key.matchAll(SO)) {
      const at = (so.index ?? 0) + (so[0].startsWith(' ') ? 1 : 0);
      const end = at + so[0].trim().length;
      // The form's "Số:" is capitalised or has its colon; "số 1915/QĐ-SYT" in a citation has neither.
      if (!(lc.raw[at] === 'S' || /[:;]/.test(so[0]))) continue;
      // The code's slash within a short reach: handwriting between (glued or not) is up to ~12
      // characters of OCR noise; a citation's code comes right after "số" with nothing between.
      const rawLine = lc.raw.join('');
      for (let k = end; k < Math.min(lc.key.length, end + 16); k++) {
        if (lc.raw[k] !== '/' || !CODE_AT.test(rawLine.slice(k))) continue;
        const h = lineHeight(words);
        const box = gapBox(lc.x1[end - 1] as number, lc.x0[k] as number, words, h);
        if (box) return { kind: 'number', box };
        break;
      }
    }
  }
  return null;
}

// The place-date line: "<place>, ngày __ tháng __ năm 2019" with OCR's spellings of the anchors.
const NGAY = /ng[aà]y|ngav|ngy/g;
const THANG = /th[a4d]n?g|thang/;
// "năm", OCR's "nam", "năn", "nărn", and "hăm" when handwriting touches its "n".
const NAM = /[nh][aăe](?:m|n|rn)/;

function placeDateSlots(lines: readonly WordLike[][]): { slots: Slot[]; day: number | null; month: number | null; year: number | null } | null {
  for (const words of lines) {
    const lc = charsOf(words);
    for (const ng of lc.key.matchAll(NGAY)) {
      const i = ng.index ?? 0;
      // The form's line follows the place ("Hà Giang, ngày", "Hà Nội. ngày"); a citation ("Căn cứ
      // Luật … ngày 14 tháng 6 năm 2019") does not, and its printed month and year must not date
      // the document.
      if (!/[,.]\s?$/.test(lc.key.slice(Math.max(0, i - 2), i))) continue;
      const afterDay = i + ng[0].length;
      const rest = lc.key.slice(afterDay, afterDay + 40);
      const t = THANG.exec(rest);
      if (!t) continue;
      const tAt = afterDay + t.index;
      const afterMonth = tAt + t[0].length;
      const rest2 = lc.key.slice(afterMonth, afterMonth + 30);
      // The year closes the line: "năm 2019", "năm:2023", OCR's "nam2017".
      const y = new RegExp(`(${NAM.source})\\W{0,2}(\\d{4})?`).exec(rest2);
      if (!y) continue;
      const nAt = afterMonth + y.index;
      // The first place-date line is the document's, even when its year is misread ("201J"):
      // its slots are read, but without a year no date is made of them.
      const year = y[2] && /^(19|20)\d\d$/.test(y[2]) ? Number(y[2]) : null;
      const h = lineHeight(words);
      const slots: Slot[] = [];
      const day = printedBetween(words, lc, afterDay, tAt, year, 31);
      if (day === null) {
        const gap = gapBox(lc.x1[afterDay - 1] as number, lc.x0[tAt] as number, words, h);
        if (gap) slots.push({ kind: 'day', box: gap });
      }
      const month = printedBetween(words, lc, afterMonth, nAt, year, 12);
      if (month === null) {
        const gap = gapBox(lc.x1[afterMonth - 1] as number, lc.x0[nAt] as number, words, h);
        if (gap) slots.push({ kind: 'month', box: gap });
      }
      return { slots, day, month, year };
    }
  }
  return null;
}

/**
 * The day between "ngày" and "tháng", or the month between "tháng" and "năm", when it is printed:
 * one word of one or two digits, no taller than the printed year beside it (handwriting rises
 * above the line; OCR reads a handwritten 3 as "2" as readily as a printed 4). Else null: the
 * gap is a slot to read, and what the page OCR made of it is a print model's reading of ink.
 */
const PRINTED_DIGIT_CONFIDENCE = 88;

function printedBetween(words: readonly WordLike[], lc: LineChars, from: number, to: number, year: number | null, max: number): number | null {
  const between = lc.key.slice(from, to).trim();
  if (!/^\d{1,2}$/.test(between)) return null;
  const value = Number(between);
  if (value < 1 || value > max) return null;
  const wi = lc.word.slice(from, to).find((i) => i >= 0);
  const w = wi === undefined ? undefined : words[wi];
  const yw = year === null ? undefined : words.find((x) => x.text.includes(String(year)));
  if (!w || !yw) return value;
  const hm = w.bbox.y1 - w.bbox.y0;
  const hy = yw.bbox.y1 - yw.bbox.y0;
  // Print is read surely (96 on dev/qng-08's "4" and "2018"); its handwritten "03" read "23" at 78.
  const sure = w.confidence === undefined || w.confidence >= PRINTED_DIGIT_CONFIDENCE;
  return hm <= hy * 1.3 && sure ? value : null;
}

/** Where the handwritten number and day are, from the header pass's word boxes. */
export function planSlots(page: Tesseract.Page): SlotPlan {
  const lines = wordsOfLines(page);
  const slots: Slot[] = [];
  const num = numberSlot(lines);
  if (num) slots.push(num);
  const pd = placeDateSlots(lines);
  if (pd) slots.push(...pd.slots);
  return { slots, day: pd?.day ?? null, month: pd?.month ?? null, year: pd?.year ?? null };
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
