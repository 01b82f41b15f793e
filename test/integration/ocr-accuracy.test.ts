// Header recognition on the scanned documents of test/fixtures/corpus/real (truth.json: scanned),
// read by OCR: the real scan pipeline (index, then the OCR phase's header pass in its worker
// pool) with the body pages left out to keep the test short. Prints per-field accuracy and the
// source of each value; the floors asserted are the ones measured (see README, OCR section).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { foldForMatch } from '../../shared/vietnamese.js';
import { splitHandwriting, type SlotReading } from '../../main/engine/ocr/handwritten-slots.js';
import type { OcrReport } from '../../main/engine/ocr/ocr-phase.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { ocrStage } from '../../main/engine/scan/stages.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, tempDir, type TruthEntry } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { rawDb } from '../helpers/raw-db.js';

const FIELDS = ['number', 'type', 'date', 'place'] as const;
type Field = (typeof FIELDS)[number];

type Truth = TruthEntry & { scanned?: boolean };
const scanned = (JSON.parse(fs.readFileSync(path.join(REAL, 'truth.json'), 'utf8')) as Truth[]).filter((t) => t.scanned === true);

function same(field: Field, got: string | null, want: string | null | undefined): boolean {
  if (want === undefined) return false;
  if (want === null) return got === null;
  if (got === null) return false;
  // Places are names: compare without case ("Thành phố Hồ Chí Minh" / "Thành Phố Hồ Chí Minh").
  return field === 'place' ? foldForMatch(got) === foldForMatch(want) : got === want;
}

describe('OCR header recognition on the real scans', () => {
  let ws: Workspace;
  let docs: Map<string, DocumentJson>;
  let ocr: OcrReport;

  beforeAll(async () => {
    const root = tempDir('ocr-real');
    for (const t of scanned) fs.copyFileSync(path.join(REAL, t.file), path.join(root, t.file));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    ocr = await ocrStage(ws, { enabled: true, maxPages: 0 });
    docs = new Map(listDocuments(ws).map((d) => [d.relPath, d]));
  }, 600_000);
  afterAll(() => ws.close());

  it('reads every scan header and prints per-field accuracy', () => {
    expect(scanned.length).toBeGreaterThanOrEqual(10);
    expect(ocr.failed).toEqual([]);
    expect(ocr.headers).toBe(scanned.length);

    const stats = new Map<Field, { correct: number; fromOcr: number; known: number }>();
    const rows: string[] = [];
    const slotRows: string[] = [];
    const wrong: string[] = [];
    const stored = rawDb(ws).prepare('SELECT c.ocr_header_text AS t FROM documents d JOIN contents c ON c.sha256 = d.sha256 WHERE d.rel_path = ?');
    const cell = (r: SlotReading | undefined): string => (r ? `${r.digits} (${r.support}, ${r.confidence})` : '–');
    for (const t of scanned) {
      const d = docs.get(t.file);
      expect(d?.ocr, t.file).toBe(true);
      const cells: string[] = [];
      for (const f of FIELDS) {
        const s = stats.get(f) ?? { correct: 0, fromOcr: 0, known: 0 };
        stats.set(f, s);
        s.known++;
        const got = d?.[f] ?? null;
        const ok = same(f, got, t[f]);
        const source = d?.fields[f]?.source ?? '-';
        if (ok) s.correct++;
        if (!ok && got !== null) wrong.push(`${t.file}: ${f} ${got}`);
        if (ok && source === 'ocr') s.fromOcr++;
        cells.push(`${ok ? '✓' : '✗'} ${got ?? '–'} (${source})`);
      }
      rows.push(`| ${t.file} | ${cells.join(' | ')} |`);
      const hw = splitHandwriting((stored.get(t.file) as { t: string } | undefined)?.t ?? '').handwritten;
      slotRows.push(`| ${t.file} | ${cell(hw?.number)} | ${cell(hw?.day)} | ${cell(hw?.month)} | ${hw?.printedMonth ?? '–'}/${hw?.year ?? '–'} |`);
    }
    const pct = (n: number, k: number): string => `${Math.round((100 * n) / k)}%`;
    const table = ['| field | correct | of which read by OCR | known | accuracy |', '|---|---|---|---|---|'];
    for (const [f, s] of stats) table.push(`| ${f} | ${s.correct} | ${s.fromOcr} | ${s.known} | ${pct(s.correct, s.known)} |`);
    console.log(
      `OCR header recognition, ${scanned.length} scanned real documents\n\n${table.join('\n')}\n\n` +
        `| file | number | type | date | place |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
        `Handwritten slots read (digits (support, confidence))\n\n| file | number | day | month | printed month/year |\n|---|---|---|---|---|\n${slotRows.join('\n')}\n`,
    );

    const acc = (f: Field): number => (stats.get(f)?.correct ?? 0) / (stats.get(f)?.known ?? 1);
    expect(acc('number')).toBeGreaterThanOrEqual(1);
    expect(acc('type')).toBeGreaterThanOrEqual(0.8);
    expect(acc('place')).toBeGreaterThanOrEqual(0.8);
    // The days are handwritten (nine of ten) and Tesseract's print-trained model reads few of them
    // even cut out of the page (handwritten-slots.ts): 2 of 10, far below the 70% the issue asks for
    // (see the report). What the sanity rules guarantee instead: no date or number is wrong, a
    // field is right or left blank.
    expect(acc('date')).toBeGreaterThanOrEqual(0.2);
    expect(wrong.filter((w) => / (number|date) /.test(w))).toEqual([]);
  });
});
