// Where the handwritten number, day and month of a scanned header are. Offices print the form
// ("Số:      /KH-UBND", "Hà Giang, ngày      tháng 4 năm 2019") and write the number and the day
// by hand on signing; the full-page Tesseract pass reads that ink as noise. The printed words
// around each gap are read well, so their boxes locate the gap: the number lies between "Số:" and
// the "/" that opens the printed code, the day between "ngày" and "tháng" (and the month between
// "tháng" and "năm" when it is handwritten too).
import type Tesseract from 'tesseract.js';
import { foldForMatch } from '../../../shared/vietnamese.js';
import type { Box, Slot } from './handwritten-slots.js';

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
