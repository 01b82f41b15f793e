// The pixel helpers of main/engine/ocr/page-pixels.ts on small hand-made rasters.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OCR_SETTINGS } from '../../main/engine/ocr/ocr-jobs.js';
import { forOcr, grayOf, resample, rgbaOf, rotate, topBand, type PageRaster } from '../../main/engine/ocr/page-pixels.js';

const gray = (width: number, height: number, data: number[], dpi = 300): PageRaster => ({ width, height, channels: 1, data: Uint8Array.from(data), dpi, source: 'image', topFraction: 1 });

describe('page pixels', () => {
  // 3 × 2:  1 2 3
  //         4 5 6
  const r = gray(3, 2, [1, 2, 3, 4, 5, 6]);

  it('turns a raster clockwise by 90, 180 and 270 degrees', () => {
    expect(rotate(r, 90)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(rotate(r, 180)).toMatchObject({ width: 3, height: 2, data: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
    expect(rotate(r, 270)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
    expect(rotate(r, 0)).toBe(r);
  });

  it('cuts the top band of a page without copying, and never past what a rendered band holds', () => {
    const tall = gray(2, 10, Array.from({ length: 20 }, (_, i) => i));
    const band = topBand(tall, 0.45);
    expect(band).toMatchObject({ width: 2, height: 5, topFraction: 0.45 });
    expect(band.data.buffer).toBe(tall.data.buffer);
    expect(topBand(band, 0.45)).toBe(band);
  });

  it('shrinks by averaging and enlarges bilinearly, with the resolution following', () => {
    const checker = gray(4, 2, [0, 255, 0, 255, 255, 0, 255, 0]);
    const half = resample(checker, 0.5);
    expect(half).toMatchObject({ width: 2, height: 1, dpi: 150 });
    expect([...half.data]).toEqual([128, 128]);
    const up = resample(gray(2, 2, [0, 0, 255, 255], 100), 2);
    expect(up).toMatchObject({ width: 4, height: 4, dpi: 200 });
    expect(up.data[0]).toBe(0);
    expect(up.data[15]).toBe(255);
  });

  it('reads RGB as luma, turning red ink white when asked, and gray as it is', () => {
    const rgb: PageRaster = { width: 2, height: 1, channels: 3, data: Uint8Array.from([200, 30, 30, 10, 10, 200]), dpi: 300, source: 'image', topFraction: 1 };
    expect([...grayOf(rgb, false).data]).toEqual([Math.round((200 * 299 + 30 * 587 + 30 * 114) / 1000), Math.round((10 * 299 + 10 * 587 + 200 * 114) / 1000)]);
    expect(grayOf(rgb, true).data[0]).toBe(255);
    expect([...grayOf(r, false).data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...rgbaOf(gray(1, 1, [7])).data]).toEqual([7, 7, 7, 255]);
  });

  it('reads a header below 280 dpi at 300, a page below 150 or above 250 dpi at 200, and keeps other resolutions', () => {
    const s = DEFAULT_OCR_SETTINGS;
    const at = (dpi: number): PageRaster => gray(30, 20, new Array(600).fill(255), dpi);
    expect(Math.round(forOcr(at(200), true, s).dpi)).toBe(300);
    expect(forOcr(at(200), true, s).height).toBe(Math.round(20 * s.headerFraction * 1.5));
    expect(Math.round(forOcr(at(300), true, s).dpi)).toBe(300);
    expect(Math.round(forOcr(at(100), false, s).dpi)).toBe(200);
    expect(forOcr(at(240), false, s).dpi).toBe(240);
    expect(Math.round(forOcr(at(300), false, s).dpi)).toBe(200);
    expect(forOcr(at(300), false, s).width).toBe(20);
  });
});
