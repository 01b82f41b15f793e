// The digit model alone on the real handwriting of the corpus: every handwritten or stamped box
// recorded in truth.json (dev: 48 boxes on 21 scans) is cut from page 1 rendered as the header
// pass renders it (pdf.js, 300 dpi, top 45%), read as a slot of its kind (read-handwriting.ts
// readSlot), and compared with its digits. Shared by test/integration/ocr-handwriting-boxes.test.ts
// and `npm run bench:ocr`. The boxes are validation only: nothing is trained on them.
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Box, SlotKind } from '../main/engine/ocr/handwritten-slots.js';
import { renderPageRgba } from '../main/engine/ocr/page-image.js';
import { readSlot } from '../main/engine/ocr/read-handwriting.js';

interface TruthBox {
  x: number;
  y: number;
  w: number;
  h: number;
  digits: string;
}
interface Entry {
  file: string;
  boxes?: Partial<Record<SlotKind, TruthBox>>;
}
export type Tally = { right: number; blank: number; wrong: number };

export interface BoxReport {
  documents: number;
  boxes: number;
  perField: Partial<Record<SlotKind, Tally>>;
  total: Tally;
  msPerBox: number;
  /** One markdown row per box: file, field, truth, read, verdict, per-digit probabilities. */
  rows: string[];
}

const DPI = 300;
/** The truth boxes are tight around the ink: a slot is wider, so some margin (in points). */
const MARGIN_X = 3;
const MARGIN_Y = 4;

export async function readTruthBoxes(dirs: readonly string[]): Promise<BoxReport> {
  const docs = dirs.flatMap((dir) =>
    (JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Entry[]).filter((e) => e.boxes && Object.keys(e.boxes).length > 0).map((e) => ({ dir, e })),
  );
  const perField: Partial<Record<SlotKind, Tally>> = {};
  const total: Tally = { right: 0, blank: 0, wrong: 0 };
  const rows: string[] = [];
  let ms = 0;
  for (const { dir, e } of docs) {
    const data = new Uint8Array(fs.readFileSync(path.join(dir, e.file)));
    const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    try {
      const rgba = await renderPageRgba(doc, 1, { dpi: DPI, topFraction: 0.45 });
      for (const [field, b] of Object.entries(e.boxes ?? {}) as [SlotKind, TruthBox][]) {
        const k = DPI / 72;
        const box: Box = { x0: Math.round((b.x - MARGIN_X) * k), y0: Math.round((b.y - MARGIN_Y) * k), x1: Math.round((b.x + b.w + MARGIN_X) * k), y1: Math.round((b.y + b.h + MARGIN_Y) * k) };
        const t0 = performance.now();
        const { reading, detail } = readSlot(rgba, box, field);
        ms += performance.now() - t0;
        const digits = reading?.digits ?? '';
        const verdict = digits === '' ? 'blank' : digits === b.digits ? 'right' : 'wrong';
        (perField[field] ??= { right: 0, blank: 0, wrong: 0 })[verdict]++;
        total[verdict]++;
        const seen = detail.perDigit.map((d) => `${d.digit}:${d.p}${d.p < 0.95 ? `/${d.second}:${d.pSecond}` : ''}`).join(' ');
        rows.push(`| ${e.file} | ${field} | ${b.digits} | ${digits || '–'} | ${verdict}${detail.rejected ? ` (${detail.rejected})` : ''} | ${seen} |`);
      }
    } finally {
      await doc.destroy();
    }
  }
  const boxes = total.right + total.blank + total.wrong;
  return { documents: docs.length, boxes, perField, total, msPerBox: ms / Math.max(1, boxes), rows };
}

export function boxTable(r: BoxReport): string {
  const table = ['| field | boxes | right | blank | wrong |', '|---|---|---|---|---|'];
  for (const [f, s] of Object.entries(r.perField)) table.push(`| ${f} | ${s.right + s.blank + s.wrong} | ${s.right} | ${s.blank} | ${s.wrong} |`);
  table.push(`| all | ${r.boxes} | ${r.total.right} | ${r.total.blank} | ${r.total.wrong} |`);
  return table.join('\n');
}
