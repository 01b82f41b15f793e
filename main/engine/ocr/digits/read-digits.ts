// Reads the handwritten digits of one cleaned slot crop with the digit model: segment.ts proposes
// glyphs, the classifier decides which touching digits to split and which broken strokes to
// join (the interpretation whose digits it is surest of wins), printed neighbours at the edges
// ("ày", "th", the "/" of the code, which the model calls "not a digit") are dropped, and the
// reading is refused when any digit is doubtful: a wrong number or date is worse than a blank.
import type { GrayImage } from '../page-image.js';
import { classify, JUNK, loadModel, SIZE, type DigitModel } from './model.js';
import { normalizeGlyph, type Glyph } from './normalize.js';
import { cutCandidates, segment, splitAt, union } from './segment.js';

export interface DigitGuess {
  digit: string;
  /** The model's probability of that digit (0..1). */
  p: number;
  /** The runner-up digit and its probability: what a doubtful glyph might be instead. */
  second: string;
  pSecond: number;
  x0: number;
  x1: number;
}

export interface DigitReading {
  /** The digits read, '' when the reading is refused. */
  digits: string;
  /** The least sure digit's probability (0..1); 0 when refused. */
  confidence: number;
  perDigit: DigitGuess[];
  /** Why nothing is read: 'no ink', 'too many digits', 'touching digits', 'doubtful digit', 'not a digit'. */
  rejected?: string;
}

export interface ReadOptions {
  /** The white margin around the slot in the crop (cleanCrop's PAD). */
  pad: number;
  maxDigits: number;
  /** Below this probability a digit is doubtful and the reading refused. */
  minP?: number;
  /**
   * The digits a position can hold, given how many digits were read (a day's first of two is
   * 0-3, a month's 0-1): the model's probability is taken among those (and "not a digit") only.
   */
  allowed?: (position: number, count: number) => readonly number[] | null;
  /**
   * Whether the print before the slot is small ("Số:"'s colon): then a digit-sized glyph at the
   * left edge is a digit too, never dropped as a printed neighbour. Not so before a day or
   * month ("ngày"'s "y", "tháng"'s "g" are tall and wide).
   */
  smallLeftNeighbour?: boolean;
  /**
   * Average the model's answer for the glyph and for its strokes made bolder. Measured on the
   * scans of the corpus: more days and months read, none wrong; fewer numbers read, so it is
   * asked for days and months only (read-handwriting.ts).
   */
  boldVote?: boolean;
}

/** Set before measuring on the corpus, not tuned on it (test/integration/ocr-handwriting-boxes.test.ts). */
export const MIN_DIGIT_P = 0.8;

/** An edge glyph the model gives this much "1" may be a 1: never dropped as a printed neighbour. */
const EDGE_ONE_P = 0.05;

interface Scored {
  glyph: Glyph;
  probs: Float32Array;
  digit: number;
  p: number;
  junk: number;
  /** Too wide for one digit and not cut: probably two touching ones. */
  touching?: boolean;
}

/** The least advance from one handwritten digit to the next, in digit heights (a "1" is ~0.5). */
const MIN_PITCH = 0.45;

/** Handwritten digits are narrower than tall (the widest, a flat "2" or "0", about 1.1). */
const TOUCHING_ASPECT = 1.2;

/** A glyph's class probabilities (the model, or the model voting over versions of the glyph). */
type Classifier = (glyph: Glyph) => Float32Array;

/** The same glyph with strokes one pixel bolder in the model's 28×28 input. */
function thicken(x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let y = 0; y < SIZE; y++) {
    for (let c = 0; c < SIZE; c++) {
      let m = x[y * SIZE + c] as number;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = c + dx;
          if (yy < 0 || xx < 0 || yy >= SIZE || xx >= SIZE) continue;
          // Side neighbours spread more ink than diagonal ones: a round pen, not a square.
          const v = (x[yy * SIZE + xx] as number) * (dx === 0 || dy === 0 ? 0.8 : 0.4);
          if (v > m) m = v;
        }
      }
      out[y * SIZE + c] = m;
    }
  }
  return out;
}

function classifier(model: DigitModel, boldVote: boolean): Classifier {
  if (!boldVote) return (g) => classify(model, normalizeGlyph(g));
  return (g) => {
    const n = normalizeGlyph(g);
    const a = classify(model, n);
    const b = classify(model, thicken(n));
    return a.map((v, i) => (v + (b[i] as number)) / 2);
  };
}

function score(cls: Classifier, glyph: Glyph): Scored {
  const probs = cls(glyph);
  let digit = 0;
  for (let d = 1; d < 10; d++) if ((probs[d] as number) > (probs[digit] as number)) digit = d;
  return { glyph, probs, digit, p: probs[digit] as number, junk: probs[JUNK] as number };
}

const gmean = (xs: readonly Scored[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(Math.max(1e-6, x.p)), 0) / Math.max(1, xs.length));
const w = (g: Glyph): number => g.x1 - g.x0 + 1;
const h = (g: Glyph): number => g.y1 - g.y0 + 1;

/**
 * One group of ink as one digit, or as two or three touching ones. Handwritten digits are
 * narrower than tall; a wide group is cut at its thinnest columns and kept cut only when the
 * classifier is clearly surer of the pieces than of the whole.
 */
function interpret(cls: Classifier, g: Glyph, depth = 0): Scored[] {
  const whole = score(cls, g);
  const aspect = w(g) / h(g);
  if (aspect < 0.75 || depth > 1) return [whole];
  let best: Scored[] = [whole];
  // A wide whole is less likely one digit: the wider, the less the pieces need to beat it.
  let bestScore = whole.junk > whole.p ? 0 : whole.p + (aspect > 1.25 ? 0 : 0.1);
  for (const cut of cutCandidates(g, 0.25, 0.75, 3)) {
    const parts = splitAt(g, cut);
    if (!parts || parts.some((p) => h(p) < 0.5 * h(g))) continue;
    const pieces = parts.flatMap((p) => interpret(cls, p, depth + 1));
    const s = gmean(pieces);
    if (pieces.every((p) => p.p > p.junk) && s > bestScore) {
      best = pieces;
      bestScore = s;
    }
  }
  // Kept whole although it is far wider than a digit: two touching digits the cuts could not
  // part (dev/ld-289's day "22" was read as 2). Not read as one digit.
  if (best.length === 1 && best[0] === whole && aspect > TOUCHING_ASPECT) whole.touching = true;
  return best;
}

/** Two neighbours that overlap may be the two strokes of one digit: joined if the whole is surer. */
function joinBroken(cls: Classifier, glyphs: Glyph[], digitHeight: number): Glyph[] {
  const out = [...glyphs];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i] as Glyph;
    const b = out[i + 1] as Glyph;
    const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1;
    if (overlap <= 0.15 * Math.min(w(a), w(b))) continue;
    // Two full-height pieces side by side are two digits leaning on each other ("28" whose 2
    // runs under the 8 was read 8 when joined); the strokes of one digit cross more than that.
    const full = (g: Glyph): boolean => h(g) >= 0.8 * digitHeight;
    if (full(a) && full(b) && overlap < 0.5 * Math.min(w(a), w(b))) continue;
    const joined = score(cls, union(a, b));
    const apart = [score(cls, a), score(cls, b)];
    if (joined.p > joined.junk && joined.p > gmean(apart) + 0.1) {
      out.splice(i, 2, joined.glyph);
      i--;
    }
  }
  return out;
}

/** A glyph's reading among the digits its position can hold (probabilities renormalised over
 * those and "not a digit", so a junk-like glyph stays junk). */
function restrict(sc: Scored, allowed: readonly number[] | null): Scored {
  if (!allowed || allowed.length === 0) return sc;
  let total = sc.junk;
  for (const d of allowed) total += sc.probs[d] as number;
  if (total <= 0) return sc;
  const probs = new Float32Array(sc.probs.length);
  for (const d of allowed) probs[d] = (sc.probs[d] as number) / total;
  probs[JUNK] = sc.junk / total;
  let digit = allowed[0] as number;
  for (const d of allowed) if ((probs[d] as number) > (probs[digit] as number)) digit = d;
  return { ...sc, probs, digit, p: probs[digit] as number, junk: probs[JUNK] as number };
}

function guess(s: Scored): DigitGuess {
  let second = s.digit === 0 ? 1 : 0;
  for (let d = 0; d < 10; d++) if (d !== s.digit && (s.probs[d] as number) > (s.probs[second] as number)) second = d;
  return { digit: String(s.digit), p: round(s.p), second: String(second), pSecond: round(s.probs[second] as number), x0: s.glyph.x0, x1: s.glyph.x1 };
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function readDigits(img: GrayImage, options: ReadOptions, model: DigitModel = loadModel()): DigitReading {
  const minP = options.minP ?? MIN_DIGIT_P;
  const seg = segment(img, options.pad);
  if (seg.glyphs.length === 0) return { digits: '', confidence: 0, perDigit: [], rejected: 'no ink' };
  const cls = classifier(model, options.boldVote === true);
  let scored = joinBroken(cls, seg.glyphs, seg.digitHeight).flatMap((g) => interpret(cls, g));
  // Printed neighbours the slot caught at its edges are not digits: drop them from both ends. A
  // plain handwritten "1" looks like the "/" of the code: an edge glyph that might be a 1 is not
  // dropped (dropping it read 16 as 6 and 12 as 2), it makes the reading doubtful instead.
  const isJunk = (s: Scored): boolean => s.junk >= s.p;
  // A tall thin stroke may be a 1 too, even a printed italic one ("12" read as 2 when dropped).
  const oneLike = (s: Scored): boolean => (s.probs[1] as number) >= EDGE_ONE_P || (h(s.glyph) >= 0.75 * seg.digitHeight && w(s.glyph) <= 0.6 * h(s.glyph));
  const droppable = (s: Scored | undefined): boolean => !!s && isJunk(s) && !oneLike(s);
  // What follows a slot in print is narrow ("/" of the code, "t" of "tháng") or short ("n" of
  // "năm"); a glyph there as tall as the digits and as wide as one is a digit the model failed
  // (dropping it read 89 as 8): it stays, and the reading is refused. On the left, "ngày"'s "y"
  // is tall and wide, so the left edge keeps the plain rule.
  const digitSized = (s: Scored): boolean => h(s.glyph) >= 0.8 * seg.digitHeight && w(s.glyph) >= 0.45 * h(s.glyph);
  while (droppable(scored[0]) && !(options.smallLeftNeighbour && digitSized(scored[0] as Scored))) scored = scored.slice(1);
  while (droppable(scored[scored.length - 1]) && !digitSized(scored[scored.length - 1] as Scored)) scored = scored.slice(0, -1);
  // Inside, a small mark (a stray dot of the leader, a comma) goes; anything bigger is suspect.
  // Under half the digits' height nothing is a digit, whatever the model says (real/118's
  // trailing comma was read as a fourth digit "1").
  scored = scored.filter((s) => !(isJunk(s) && h(s.glyph) < 0.6 * seg.digitHeight) && h(s.glyph) >= 0.45 * seg.digitHeight);
  if (options.allowed) scored = scored.map((sc, i) => restrict(sc, options.allowed?.(i, scored.length) ?? null));
  const perDigit = scored.map(guess);
  if (scored.length === 0) return { digits: '', confidence: 0, perDigit, rejected: 'not a digit' };
  if (scored.some(isJunk)) return { digits: '', confidence: 0, perDigit, rejected: 'not a digit' };
  if (scored.length > options.maxDigits) return { digits: '', confidence: 0, perDigit, rejected: 'too many digits' };
  if (scored.some((sc) => sc.touching)) return { digits: '', confidence: 0, perDigit, rejected: 'touching digits' };
  // Digits written side by side advance by half a digit's height or more; more digits than the
  // ink's width holds means a digit was cut in two (real/hg-1940's 4 read as "40").
  const span = Math.max(...scored.map((sc) => sc.glyph.x1)) - Math.min(...scored.map((sc) => sc.glyph.x0)) + 1;
  if (scored.length > 1 && span / scored.length < MIN_PITCH * seg.digitHeight) return { digits: '', confidence: 0, perDigit, rejected: 'too many digits' };
  const confidence = Math.min(...scored.map((s) => s.p));
  if (confidence < minP) return { digits: '', confidence: 0, perDigit, rejected: 'doubtful digit' };
  return { digits: perDigit.map((d) => d.digit).join(''), confidence: round(confidence), perDigit };
}
