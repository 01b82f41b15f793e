// Cuts a cleaned slot crop (black ink on white, see handwritten-slots.ts cleanCrop) into glyph
// candidates: connected components, minus what is not handwriting of this slot (the dots of the
// "……" leader, dust, rules and underlines, pieces of the lines above and below cut by the crop),
// with the broken strokes of one digit (a "5"'s flag, an open "4", a "7"'s bar) grouped. Which
// groups to merge further or split (touching digits) is decided by the classifier
// (read-digits.ts); this file proposes, geometrically.
import type { GrayImage } from '../page-image.js';
import type { Glyph } from './normalize.js';

export interface Segments {
  /** Glyph candidates left to right. */
  glyphs: Glyph[];
  /** Height of the tallest glyph: the scale the filters use. */
  digitHeight: number;
}

function components(img: GrayImage): Glyph[] {
  const { width: w, height: h, data } = img;
  const seen = new Uint8Array(w * h);
  const out: Glyph[] = [];
  const stack: number[] = [];
  const px: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (data[start] !== 0 || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    px.length = 0;
    while (stack.length > 0) {
      const p = stack.pop() as number;
      px.push(p);
      const x = p % w;
      const y = (p - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const q = ny * w + nx;
          if (data[q] === 0 && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    out.push(glyphOf(px.map((p) => p % w), px.map((p) => Math.floor(p / w))));
  }
  return out;
}

export function glyphOf(xs: readonly number[], ys: readonly number[]): Glyph {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), x0, y0, x1, y1 };
}

export function union(a: Glyph, b: Glyph): Glyph {
  const xs = new Int32Array(a.xs.length + b.xs.length);
  xs.set(a.xs);
  xs.set(b.xs, a.xs.length);
  const ys = new Int32Array(a.ys.length + b.ys.length);
  ys.set(a.ys);
  ys.set(b.ys, a.ys.length);
  return { xs, ys, x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

const width = (g: Glyph): number => g.x1 - g.x0 + 1;
const height = (g: Glyph): number => g.y1 - g.y0 + 1;
const overlapX = (a: Glyph, b: Glyph): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1);

/**
 * `pad`: the white margin cleanCrop added around the slot; ink touching the slot's own top or
 * bottom edge belongs to a neighbouring line unless it is most of the slot's height.
 */
export function segment(img: GrayImage, pad: number): Segments {
  const innerH = img.height - 2 * pad;
  const top = pad;
  const bottom = img.height - pad - 1;
  const comps = components(img).filter((c) => {
    const h = height(c);
    // A rule, an underline or a dashed leader: long and flat.
    if (width(c) >= 3 * h && h <= 0.2 * innerH) return false;
    // The lower edge of the line above, the top of the line below.
    if ((c.y0 <= top || c.y1 >= bottom) && h < 0.5 * innerH) return false;
    return c.xs.length >= 12;
  });
  const digitHeight = Math.max(0, ...comps.map(height));
  if (digitHeight === 0) return { glyphs: [], digitHeight };
  // A digit is at least a third of the tallest's height; smaller pieces are either strokes of a
  // digit they overlap (kept with it) or the leader's dots and dust (dropped).
  const major = comps.filter((c) => height(c) >= digitHeight * 0.34).sort((a, b) => a.x0 - b.x0);
  const minor = comps.filter((c) => height(c) < digitHeight * 0.34 && Math.max(width(c), height(c)) >= digitHeight * 0.2);
  const glyphs: Glyph[] = [];
  for (const c of major) {
    const last = glyphs[glyphs.length - 1];
    // One digit drawn in two strokes overlaps itself; two digits side by side barely do.
    if (last && overlapX(last, c) >= 0.6 * Math.min(width(last), width(c))) glyphs[glyphs.length - 1] = union(last, c);
    else glyphs.push(c);
  }
  for (const m of minor) {
    let best = -1;
    let most = 0;
    glyphs.forEach((g, i) => {
      const o = overlapX(g, m);
      if (o > most) {
        most = o;
        best = i;
      }
    });
    // The pen lifted: a flag or a bar above the digit's body.
    if (best >= 0 && most >= 0.4 * width(m)) glyphs[best] = union(glyphs[best] as Glyph, m);
  }
  return { glyphs, digitHeight };
}

/** The glyph's pixels left of column `cut` and from it on (a vertical cut of touching digits). */
export function splitAt(g: Glyph, cut: number): [Glyph, Glyph] | null {
  const lx: number[] = [];
  const ly: number[] = [];
  const rx: number[] = [];
  const ry: number[] = [];
  for (let i = 0; i < g.xs.length; i++) {
    const x = g.xs[i] as number;
    if (x < cut) {
      lx.push(x);
      ly.push(g.ys[i] as number);
    } else {
      rx.push(x);
      ry.push(g.ys[i] as number);
    }
  }
  if (lx.length < 12 || rx.length < 12) return null;
  return [glyphOf(lx, ly), glyphOf(rx, ry)];
}

/**
 * Where touching digits most likely meet: the columns with the least ink in the middle of the
 * glyph (the joint of two digits is a thin bridge), at most `n` of them, apart from each other.
 */
export function cutCandidates(g: Glyph, from: number, to: number, n: number): number[] {
  const w = width(g);
  const proj = new Int32Array(w);
  for (const x of g.xs) proj[x - g.x0] = (proj[x - g.x0] as number) + 1;
  const lo = Math.max(1, Math.round(from * w));
  const hi = Math.min(w - 1, Math.round(to * w));
  const order: number[] = [];
  for (let c = lo; c <= hi; c++) order.push(c);
  order.sort((a, b) => (proj[a] as number) - (proj[b] as number) || Math.abs(a - w / 2) - Math.abs(b - w / 2));
  const picked: number[] = [];
  for (const c of order) {
    if (picked.length >= n) break;
    if (picked.every((p) => Math.abs(p - c) >= Math.max(2, w * 0.08))) picked.push(c);
  }
  return picked.map((c) => c + g.x0);
}
