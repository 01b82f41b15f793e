// A glyph's ink made into the model's input, exactly as scripts/train-digits.py `normalize` does
// (the model only knows glyphs made this way): the ink's bounding box, its longer side scaled to
// 20 px (aspect kept, so a "1" stays thin), centred in 28×28, each output pixel the share of its
// area the scaled ink covers (MNIST's convention).
import { SIZE } from './model.js';

const BOX = 20;

/** Ink pixels of one glyph, in the coordinates of the crop they come from. */
export interface Glyph {
  xs: Int32Array;
  ys: Int32Array;
  x0: number;
  y0: number;
  x1: number; // inclusive
  y1: number; // inclusive
}

/** Target pixels a source row/column covers, with the overlap of each. */
function spans(n: number, scale: number, offset: number): { from: number; weights: number[] }[] {
  const out: { from: number; weights: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    const a = offset + i * scale;
    const b = offset + (i + 1) * scale;
    const from = Math.max(0, Math.floor(a));
    const to = Math.min(SIZE, Math.ceil(b));
    const weights: number[] = [];
    for (let j = from; j < to; j++) weights.push(Math.max(0, Math.min(b, j + 1) - Math.max(a, j)));
    out.push({ from, weights });
  }
  return out;
}

export function normalizeGlyph(g: Glyph): Float32Array {
  const h = g.y1 - g.y0 + 1;
  const w = g.x1 - g.x0 + 1;
  const s = BOX / Math.max(h, w);
  const rows = spans(h, s, (SIZE - h * s) / 2);
  const cols = spans(w, s, (SIZE - w * s) / 2);
  const out = new Float32Array(SIZE * SIZE);
  for (let k = 0; k < g.xs.length; k++) {
    const r = rows[(g.ys[k] as number) - g.y0];
    const c = cols[(g.xs[k] as number) - g.x0];
    if (!r || !c) continue;
    for (let a = 0; a < r.weights.length; a++) {
      const base = (r.from + a) * SIZE + c.from;
      const wy = r.weights[a] as number;
      for (let b = 0; b < c.weights.length; b++) out[base + b] = (out[base + b] as number) + wy * (c.weights[b] as number);
    }
  }
  for (let i = 0; i < out.length; i++) if ((out[i] as number) > 1) out[i] = 1;
  return out;
}
