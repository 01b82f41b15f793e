// The handwritten-digit model's forward pass, in plain TypeScript: the app ships no Python and no
// ONNX runtime. scripts/train-digits.py trains the network (three 3×3 convolutions with ReLU and
// 2×2 max-pooling, one hidden layer, 11 outputs: the digits and "not a digit") and writes its
// tensors to weights.f32 in PyTorch's state_dict order, described by weights.json. ~2M
// multiply-adds per glyph: about a millisecond.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZE = 28;
/** Output index of "not a digit" (printed letters, slashes, dots). */
export const JUNK = 10;

interface Manifest {
  size: number;
  classes: number;
  tensors: { name: string; shape: number[] }[];
}

interface Conv {
  w: Float32Array;
  b: Float32Array;
  cin: number;
  cout: number;
}
interface Dense {
  w: Float32Array;
  b: Float32Array;
  nin: number;
  nout: number;
}

export interface DigitModel {
  convs: Conv[];
  dense: Dense[];
}

const RELATIVE = path.join('main', 'engine', 'ocr', 'digits');

/**
 * The weights are committed next to this module's source. The build copies nothing, so they are
 * found from the package root (the nearest folder with a package.json), the same from
 * main/engine/ocr/digits/*.ts (vitest, tsx) and from dist/main/engine/ocr/digits/*.js (tsc).
 */
function weightsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, RELATIVE);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('digit model: no package.json above the module, cannot find weights.f32');
    dir = up;
  }
}

let cached: DigitModel | null = null;

export function loadModel(): DigitModel {
  if (cached) return cached;
  const dir = weightsDir();
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'weights.json'), 'utf8')) as Manifest;
  const bytes = fs.readFileSync(path.join(dir, 'weights.f32'));
  // Copy into an aligned buffer: a Buffer's offset in Node's pool need not be a multiple of 4.
  const all = new Float32Array(new Uint8Array(bytes).buffer);
  let at = 0;
  const take = (shape: readonly number[]): Float32Array => {
    const n = shape.reduce((a, b) => a * b, 1);
    const t = all.subarray(at, at + n);
    at += n;
    return t;
  };
  const convs: Conv[] = [];
  const dense: Dense[] = [];
  const ts = manifest.tensors;
  for (let i = 0; i + 1 < ts.length; i += 2) {
    const ws = (ts[i] as { shape: number[] }).shape;
    const w = take(ws);
    const b = take((ts[i + 1] as { shape: number[] }).shape);
    if (ws.length === 4) convs.push({ w, b, cout: ws[0] as number, cin: ws[1] as number });
    else dense.push({ w, b, nout: ws[0] as number, nin: ws[1] as number });
  }
  if (at !== all.length || manifest.size !== SIZE || manifest.classes !== JUNK + 1) throw new Error('digit model: weights.f32 does not match weights.json');
  cached = { convs, dense };
  return cached;
}

/** 3×3 convolution, zero padding 1, then ReLU and 2×2 max-pooling (floor), on a side×side map. */
function convBlock(x: Float32Array, side: number, c: Conv): { out: Float32Array; side: number } {
  const n = side * side;
  const act = new Float32Array(c.cout * n);
  for (let o = 0; o < c.cout; o++) {
    const plane = act.subarray(o * n, (o + 1) * n);
    plane.fill(c.b[o] as number);
    for (let i = 0; i < c.cin; i++) {
      const src = x.subarray(i * n, (i + 1) * n);
      const k = (o * c.cin + i) * 9;
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          const wv = c.w[k + ky * 3 + kx] as number;
          if (wv === 0) continue;
          const dy = ky - 1;
          const dx = kx - 1;
          const y0 = Math.max(0, -dy);
          const y1 = Math.min(side, side - dy);
          const x0 = Math.max(0, -dx);
          const x1 = Math.min(side, side - dx);
          for (let y = y0; y < y1; y++) {
            const row = y * side;
            const srow = (y + dy) * side + dx;
            for (let xx = x0; xx < x1; xx++) plane[row + xx] = (plane[row + xx] as number) + wv * (src[srow + xx] as number);
          }
        }
      }
    }
  }
  const half = Math.floor(side / 2);
  const out = new Float32Array(c.cout * half * half);
  for (let o = 0; o < c.cout; o++) {
    for (let y = 0; y < half; y++) {
      for (let xx = 0; xx < half; xx++) {
        const p = o * n + 2 * y * side + 2 * xx;
        const m = Math.max(act[p] as number, act[p + 1] as number, act[p + side] as number, act[p + side + 1] as number);
        out[(o * half + y) * half + xx] = m > 0 ? m : 0;
      }
    }
  }
  return { out, side: half };
}

function denseLayer(x: Float32Array, d: Dense, relu: boolean): Float32Array {
  const out = new Float32Array(d.nout);
  for (let o = 0; o < d.nout; o++) {
    let s = d.b[o] as number;
    const row = o * d.nin;
    for (let i = 0; i < d.nin; i++) s += (d.w[row + i] as number) * (x[i] as number);
    out[o] = relu && s < 0 ? 0 : s;
  }
  return out;
}

/** Class probabilities (softmax) of one normalised 28×28 glyph (ink 1, paper 0). */
export function classify(model: DigitModel, glyph: Float32Array): Float32Array {
  let x = glyph;
  let side = SIZE;
  for (const c of model.convs) ({ out: x, side } = convBlock(x, side, c));
  model.dense.forEach((d, i) => {
    x = denseLayer(x, d, i + 1 < model.dense.length);
  });
  let max = -Infinity;
  for (const v of x) max = Math.max(max, v);
  let sum = 0;
  const p = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) sum += p[i] = Math.exp((x[i] as number) - max);
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / sum;
  return p;
}
