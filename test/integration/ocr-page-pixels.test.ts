// The pixels OCR reads (main/engine/ocr/page-pixels.ts) on real scans of the corpus: a page that
// is one full-page image is taken as that image, at its own size and resolution, upright (a
// /Rotate 270 scan too); a page with anything else on it (an image over part of the page, a
// born-digital text page) is rendered. An image bomb (an image whose dictionary declares 30,000 ×
// 30,000 pixels) is refused by name before anything is decoded, and the OCR phase records it as
// that document's failure while the others are read.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageTooLargeError, MAX_IMAGE_PIXELS, pageRaster, type PageRaster } from '../../main/engine/ocr/page-pixels.js';
import { ocrStage } from '../../main/engine/scan/stages.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { DEV, REAL, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

async function rasterOf(bytes: Uint8Array, page: number): Promise<PageRaster> {
  const lib = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0, maxImageSize: MAX_IMAGE_PIXELS }).promise;
  try {
    return await pageRaster(doc, lib, page, { renderDpi: 100 });
  } finally {
    await doc.destroy();
  }
}
const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

/** One page whose image dictionary declares `side` × `side` gray pixels (its data is a few bytes). */
async function bomb(side: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const image = pdf.context.stream(new Uint8Array(16), { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
  const ref = pdf.context.register(image);
  page.node.setXObject(PDFName.of('Im0'), ref);
  const content = pdf.context.stream('q 595 0 0 842 0 0 cm /Im0 Do Q');
  page.node.set(PDFName.of('Contents'), pdf.context.register(content));
  return pdf.save();
}

describe('the pixels OCR reads', () => {
  it('takes a CCITT scan page as its own 1-bit image, 200 dpi, black text on white', async () => {
    const r = await rasterOf(read(path.join(REAL, 'kg-1942-KH-SYT.pdf')), 1);
    expect(r).toMatchObject({ source: 'image', width: 1658, height: 2355, channels: 1, topFraction: 1 });
    expect(Math.round(r.dpi)).toBe(200);
    const values = new Set(r.data.subarray(0, 200_000));
    expect([...values].sort()).toEqual([0, 255]);
    // Mostly paper.
    let white = 0;
    for (const v of r.data) if (v === 255) white++;
    expect(white / r.data.length).toBeGreaterThan(0.85);
  });

  it('takes a JPEG scan page as its RGB image at 300 dpi', async () => {
    const r = await rasterOf(read(path.join(REAL, 'hg-1940-QD-UBND-scan.pdf')), 1);
    expect(r).toMatchObject({ source: 'image', width: 2471, height: 3441, channels: 3 });
    expect(Math.round(r.dpi)).toBe(300);
  });

  it('turns a /Rotate 270 landscape scan upright', async () => {
    const r = await rasterOf(read(path.join(REAL, 'company-89-2026-QD-CT-scan.pdf')), 1);
    expect(r).toMatchObject({ source: 'image', width: 1654, height: 2340 });
  });

  it('renders a page whose image covers only part of it, and a born-digital page', async () => {
    const partial = await rasterOf(read(path.join(DEV, 'bt-666-TB-scan.pdf')), 1);
    expect(partial.source).toBe('render');
    expect(Math.round(partial.dpi)).toBe(100);
    const text = await rasterOf(read(path.join(DEV, 'bnv-8151-CV-text.pdf')), 1);
    expect(text).toMatchObject({ source: 'render', channels: 3, width: 827 });
  });

  it('refuses an image bomb by name before decoding it', async () => {
    const err = await rasterOf(await bomb(30_000), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageTooLargeError);
    expect((err as ImageTooLargeError).fact).toEqual({ kind: 'ocr-image-too-large', params: { page: 1, width: 30_000, height: 30_000, maxPixels: MAX_IMAGE_PIXELS } });
    expect((err as Error).message).toMatch(/page 1: image too large to read \(30000 × 30000 pixels/);
  });

  describe('in the OCR phase', () => {
    let ws: Workspace;
    afterAll(() => ws?.close());

    it('records the bomb as its document failure and reads the other scan', async () => {
      const root = tempDir('bomb');
      fs.writeFileSync(path.join(root, 'bomb.pdf'), await bomb(30_000));
      fs.copyFileSync(path.join(REAL, 'kg-2082-SYT-NVY.pdf'), path.join(root, 'scan.pdf'));
      ws = await makeWorkspace([root]);
      await scanWorkspace(ws, { ocr: false });
      const report = await ocrStage(ws, { enabled: true, workers: 1, maxPages: 1 });
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]?.path).toBe(path.join(root, 'bomb.pdf'));
      expect(report.failed[0]?.message).toMatch(/image too large to read/);
      expect(report.headers).toBe(1);
      expect(report.documents).toBe(1);
    }, 300_000);
  });
});
