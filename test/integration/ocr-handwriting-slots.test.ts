// End to end on the scans of dev and real: page 1 rendered and read as the OCR worker does it
// (300 dpi top band, Tesseract header pass, slots located from its word boxes, read by the digit
// model), then header-of.ts's sanity rules. Reports how many truth boxes the slot finder locates
// at all, slot readings right / blank / wrong against the truth digits, and the header's number and
// date. The floors and the ceiling on wrong readings are the measured ones (see the report).
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { appendHandwriting, type Box, type HandwrittenReading, type SlotKind } from '../../main/engine/ocr/handwritten-slots.js';
import { planSlots } from '../../main/engine/ocr/slot-plan.js';
import { renderPageRgba, toGray } from '../../main/engine/ocr/page-image.js';
import { readHandwriting } from '../../main/engine/ocr/read-handwriting.js';
import { TesseractEngine } from '../../main/engine/ocr/tesseract-engine.js';
import type { ContentRow } from '../../main/engine/scan/document-store.js';
import { headerOf } from '../../main/engine/recognize/header-of.js';
import { DEV, REAL } from '../helpers/corpus.js';

interface Entry {
  file: string;
  scanned?: boolean;
  number: string | null;
  date: string | null;
  boxes?: Partial<Record<SlotKind, { x: number; y: number; w: number; h: number; digits: string }>>;
}

const DPI = 300;
const KINDS: SlotKind[] = ['number', 'day', 'month'];

function row(text: string, hw: HandwrittenReading): ContentRow {
  return {
    sha256: 'x', analyzer_version: 1, size: 1, kind: 'pdf', pages: 1, text_layer: 0, text_quality: 'none', ocr: 1, encrypted: 0, signatures: 0,
    error_kind: null, error_message: null, header_text: '', full_text: '', ocr_status: 'header', ocr_header_text: appendHandwriting(text, hw),
  };
}

/** The digits truth expects in each slot: the boxes (dev), else the number and date (real). */
function expected(e: Entry): Partial<Record<SlotKind, string>> {
  if (e.boxes) return Object.fromEntries(Object.entries(e.boxes).map(([k, b]) => [k, b.digits]));
  const out: Partial<Record<SlotKind, string>> = {};
  const digits = e.number?.split('/')[0];
  if (digits && /^\d+$/.test(digits)) out.number = digits;
  return out;
}

const area = (b: Box): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
const inter = (a: Box, b: Box): Box => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });

describe('handwritten number and date through the slot finder', () => {
  const engine = new TesseractEngine();
  afterAll(() => engine.close());

  it('locates and reads the slots of the scans; wrong readings stay under the measured ceiling', async () => {
    const load = (dir: string): { dir: string; e: Entry }[] =>
      (JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Entry[]).filter((e) => e.scanned === true).map((e) => ({ dir, e }));
    const docs = [...load(DEV), ...load(REAL)];
    const slot = new Map<SlotKind, { truth: number; located: number; right: number; blank: number; wrong: number }>();
    const header = { number: { right: 0, blank: 0, wrong: 0, fromSlot: 0 }, date: { right: 0, blank: 0, wrong: 0, fromSlot: 0 } };
    const rows: string[] = [];
    let cpu = 0;
    for (const { dir, e } of docs) {
      const data = new Uint8Array(fs.readFileSync(path.join(dir, e.file)));
      const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
      const c0 = process.cpuUsage();
      const rgba = await renderPageRgba(doc, 1, { dpi: DPI, topFraction: 0.45 });
      await doc.destroy();
      const out = await engine.recognize({ width: rgba.width, height: rgba.height, data: toGray(rgba.data, false) }, DPI);
      const hw = await readHandwriting(engine, out.page, rgba);
      const c1 = process.cpuUsage(c0);
      cpu += (c1.user + c1.system) / 1e6;
      const plan = planSlots(out.page);
      const want = expected(e);
      const cells: string[] = [];
      for (const kind of KINDS) {
        const digits = want[kind] ?? (kind === 'day' && e.date && !e.boxes ? String(Number(e.date.slice(8))) : undefined);
        const got = hw[kind]?.digits;
        const found = plan.slots.find((s) => s.kind === kind);
        if (digits === undefined) {
          cells.push(got ? `(${got})` : '');
          continue;
        }
        const s = slot.get(kind) ?? { truth: 0, located: 0, right: 0, blank: 0, wrong: 0 };
        slot.set(kind, s);
        s.truth++;
        const b = e.boxes?.[kind];
        const tb: Box | null = b ? { x0: (b.x * DPI) / 72, y0: (b.y * DPI) / 72, x1: ((b.x + b.w) * DPI) / 72, y1: ((b.y + b.h) * DPI) / 72 } : null;
        // Located: the slot covers at least half of the truth box (real has no boxes: a slot of the kind).
        if (found && (!tb || area(inter(found.box, tb)) >= 0.5 * area(tb))) s.located++;
        // A day of the real corpus is compared as a number ("06" and "6" are the same day).
        const same = got !== undefined && (got === digits || (kind === 'day' && !e.boxes && Number(got) === Number(digits)));
        if (got === undefined) s.blank++;
        else if (same) s.right++;
        else s.wrong++;
        cells.push(`${digits}→${got ?? '–'}${found ? '' : ' (no slot)'}`);
      }
      const h = headerOf(row(out.text, hw), e.file);
      for (const f of ['number', 'date'] as const) {
        const t = header[f];
        const v = h[f];
        if (v === null) t.blank++;
        else if (v === e[f]) t.right++;
        else t.wrong++;
        if (v !== null && v === e[f] && h.fields[f]?.source === 'ocr') t.fromSlot++;
      }
      rows.push(`| ${e.file} | ${cells.join(' | ')} | ${h.number ?? '–'} (${h.fields.number?.source ?? '-'}) | ${h.date ?? '–'} vs ${e.date ?? '–'} |`);
    }
    const table = ['| slot | truth | located | right | blank | wrong |', '|---|---|---|---|---|---|'];
    for (const [k, s] of slot) table.push(`| ${k} | ${s.truth} | ${s.located} | ${s.right} | ${s.blank} | ${s.wrong} |`);
    const htable = ['| header field | right | of which from the slot reading | blank | wrong |', '|---|---|---|---|---|'];
    for (const [f, t] of Object.entries(header)) htable.push(`| ${f} | ${t.right} | ${t.fromSlot} | ${t.blank} | ${t.wrong} |`);
    console.log(
      `Handwritten slots end to end, ${docs.length} scans (dev + real), ${(cpu / docs.length).toFixed(2)} s CPU per header (render + Tesseract + slots)\n\n` +
        `${table.join('\n')}\n\n${htable.join('\n')}\n\n| file | number | day | month | header number | header date vs truth |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
    );
    expect(docs.length).toBeGreaterThanOrEqual(31);
    // Measured (weights retrained at OCR version 3, seed 12; slot bars of read-handwriting.ts).
    // The slot finder locates 29/30 numbers, 28/29 days, 9/9 handwritten months (before this
    // version: 25, 22, 3); the model reads 11, 21 and 8 of them right (before: 6, 9, 3).
    const at = (k: SlotKind) => slot.get(k) ?? { truth: 0, located: 0, right: 0, blank: 0, wrong: 0 };
    expect(at('number').located).toBeGreaterThanOrEqual(28);
    expect(at('day').located).toBeGreaterThanOrEqual(27);
    expect(at('month').located).toBeGreaterThanOrEqual(8);
    expect(at('number').right).toBeGreaterThanOrEqual(10);
    expect(at('day').right).toBeGreaterThanOrEqual(19);
    expect(at('month').right).toBeGreaterThanOrEqual(7);
    // Wrong slot readings: one number whose digits touch (dev/bca-3980's 3980 read 398, its "80"
    // one stroke); none of the days or months. The header's cross-check with the page OCR refuses
    // it: no wrong number or date reaches the header.
    expect(at('number').wrong).toBeLessThanOrEqual(1);
    expect(at('day').wrong + at('month').wrong).toBe(0);
    expect(header.date.right).toBeGreaterThanOrEqual(17);
    expect(header.number.right).toBeGreaterThanOrEqual(17);
    expect(header.date.wrong).toBe(0);
    expect(header.number.wrong).toBe(0);
  }, 900_000);
});
