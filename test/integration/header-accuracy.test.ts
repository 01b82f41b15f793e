// Header accuracy on every real document of test/fixtures/corpus (real, seeds, dev), through the
// real scan pipeline (index, then the OCR phase's header pass) on a temp workspace. The files are
// copied under neutral names (d01.pdf …) so the file-name fallback cannot help: a user's scanner
// names files "scan0001.pdf", and the held-out set is measured that way too.
//
// Per field and per group (corpus × scans / text-layer documents) it reports how many values are
// right, blank and WRONG. A blank is honest (the confirmation queue asks for it); a wrong value
// silently passes or fails a year gate, so wrong is what the ceiling bounds. A null in truth is a
// known value (a draft's blank number, a Thông tư that has no table type): null is right there.
//
//   npx vitest run test/integration/header-accuracy.test.ts
//
// prints the tables (the README's accuracy table is copied from it).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { foldForMatch, nfc } from '../../shared/vietnamese.js';
import { splitHandwriting, type SlotReading } from '../../main/engine/ocr/handwritten-slots.js';
import type { OcrReport } from '../../main/engine/ocr/ocr-phase.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { headerOf } from '../../main/engine/recognize/header-of.js';
import { ocrStage } from '../../main/engine/scan/stages.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { CORPUS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const SCORED = ['number', 'type', 'date', 'place'] as const;
type Field = (typeof SCORED)[number];
type Outcome = 'right' | 'blank' | 'wrong';

interface Truth {
  file: string;
  kind?: string;
  scanned?: boolean;
  number: string | null;
  type: string | null;
  date: string | null;
  place?: string | null;
}

interface Entry {
  corpus: string;
  truth: Truth;
  neutral: string;
  group: 'scan' | 'text';
}

function entries(): Entry[] {
  const out: Omit<Entry, 'neutral'>[] = [];
  for (const corpus of ['real', 'seeds', 'dev']) {
    const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, corpus, 'truth.json'), 'utf8')) as Truth[];
    for (const t of truth) {
      // Robustness files (encrypted, truncated, zero bytes…) are no official documents.
      if (t.kind !== undefined && t.kind !== 'vn-official') continue;
      out.push({ corpus, truth: t, group: t.scanned === true ? 'scan' : 'text' });
    }
  }
  return out.map((e, i) => ({ ...e, neutral: `d${String(i + 1).padStart(2, '0')}.pdf` }));
}

const norm = (s: string): string => nfc(s).replace(/\s+/g, '');

function outcome(field: Field, got: string | null, want: string | null | undefined): Outcome | null {
  if (want === undefined) return null; // truth does not say
  if (got === null) return want === null ? 'right' : 'blank';
  if (want === null) return 'wrong';
  // Places are names (case varies: "Thành Phố"); numbers and codes must match as printed.
  const ok = field === 'place' ? foldForMatch(got) === foldForMatch(want) : norm(got) === norm(want);
  return ok ? 'right' : 'wrong';
}

type Tally = Record<Outcome, number>;
const blankTally = (): Tally => ({ right: 0, blank: 0, wrong: 0 });

describe('header accuracy on every real document, under neutral names', () => {
  const list = entries();
  let ws: Workspace;
  let docs: Map<string, DocumentJson>;
  let suggestions: Map<string, Partial<Record<Field, string>>>;
  let slots: Map<string, string>;
  let ocr: OcrReport;

  beforeAll(async () => {
    const root = tempDir('accuracy');
    for (const e of list) fs.copyFileSync(path.join(CORPUS, e.corpus, e.truth.file), path.join(root, e.neutral));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    ocr = await ocrStage(ws, { enabled: true, maxPages: 0 });
    docs = new Map(listDocuments(ws).map((d) => [d.relPath, d]));
    // Suggestions are not stored: recognise each stored content again to see them.
    suggestions = new Map();
    slots = new Map();
    for (const d of docs.values()) {
      const content = ws.reader.contents.get(d.sha256);
      if (!content) continue;
      const hw = splitHandwriting(content.ocr_header_text ?? '').handwritten;
      const cell = (r: SlotReading | null | undefined): string => (r ? `${r.digits}(${r.support},${r.confidence})` : '–');
      slots.set(d.relPath, hw ? `${cell(hw.number)} ${cell(hw.day)} ${cell(hw.month)}` : '');
      const h = headerOf(content, d.relPath) as unknown as { suggestions?: Partial<Record<Field, { value: string }>> };
      const s: Partial<Record<Field, string>> = {};
      for (const f of SCORED) {
        const v = h.suggestions?.[f]?.value;
        if (v !== undefined) s[f] = v;
      }
      suggestions.set(d.relPath, s);
    }
  }, 900_000);
  afterAll(() => ws?.close());

  it('reports right / blank / wrong per field, scans and text-layer documents apart, per corpus', () => {
    expect(list.length).toBeGreaterThanOrEqual(52);
    expect(ocr.failed).toEqual([]);

    const groups = new Map<string, Map<Field, Tally>>();
    const tallyOf = (group: string, f: Field): Tally => {
      let g = groups.get(group);
      if (!g) groups.set(group, (g = new Map()));
      let t = g.get(f);
      if (!t) g.set(f, (t = blankTally()));
      return t;
    };
    const sugg = blankTally();
    const rows: string[] = [];
    const wrong: string[] = [];
    for (const e of list) {
      const d = docs.get(e.neutral);
      const cells: string[] = [];
      for (const f of SCORED) {
        const got = d?.[f] ?? null;
        const o = outcome(f, got, e.truth[f]);
        if (o === null) {
          cells.push('n/a');
          continue;
        }
        for (const g of [`${e.corpus} ${e.group}`, `all ${e.group}`, 'all']) tallyOf(g, f)[o]++;
        const s = suggestions.get(e.neutral)?.[f];
        if (o === 'blank' && s !== undefined) sugg[outcome(f, s, e.truth[f]) ?? 'blank']++;
        if (o === 'wrong') wrong.push(`${e.neutral} (${e.corpus}/${e.truth.file}) ${f}: got ${JSON.stringify(got)}, truth ${JSON.stringify(e.truth[f])}`);
        const mark = o === 'right' ? '✓' : o === 'blank' ? '·' : '✗';
        cells.push(`${mark} ${got ?? (s !== undefined ? `(${s})` : '–')} ${d?.fields[f] ? `${d.fields[f].source} ${d.fields[f].confidence}` : ''}`.trim());
      }
      rows.push(`| ${e.neutral} | ${e.corpus}/${e.truth.file} | ${e.group} | ${cells.join(' | ')} | ${slots.get(e.neutral) ?? ''} |`);
    }

    const pct = (n: number, k: number): string => (k === 0 ? 'n/a' : `${Math.round((100 * n) / k)}%`);
    const fmt = (t: Tally): string => {
      const k = t.right + t.blank + t.wrong;
      return `${t.right}/${t.blank}/${t.wrong} (${pct(t.right, k)})`;
    };
    const order = ['real scan', 'real text', 'seeds text', 'dev scan', 'dev text', 'all scan', 'all text', 'all'];
    const table = [`| group | ${SCORED.join(' | ')} | scored fields wrong |`, `|---|${SCORED.map(() => '---').join('|')}|---|`];
    let allWrong = 0;
    let allScored = 0;
    for (const name of order) {
      const g = groups.get(name);
      if (!g) continue;
      let w = 0;
      let n = 0;
      for (const t of g.values()) {
        w += t.wrong;
        n += t.right + t.blank + t.wrong;
      }
      if (name === 'all') {
        allWrong = w;
        allScored = n;
      }
      table.push(`| ${name} | ${SCORED.map((f) => fmt(g.get(f) ?? blankTally())).join(' | ')} | ${w}/${n} (${pct(w, n)}) |`);
    }
    console.log(
      `Header accuracy, ${list.length} real documents under neutral names (right/blank/wrong)\n\n${table.join('\n')}\n\n` +
        `Blank fields with a suggestion: ${sugg.right} right, ${sugg.wrong} wrong\n\n` +
        `| file | source | group | ${SCORED.join(' | ')} | handwritten number, day, month |\n|---|---|---|${SCORED.map(() => '---').join('|')}|---|\n${rows.join('\n')}\n\n` +
        `Wrong:\n${wrong.map((w) => `- ${w}`).join('\n') || '- none'}\n`,
    );

    const rate = (group: string, f: Field): number => {
      const t = groups.get(group)?.get(f) ?? blankTally();
      return t.right / Math.max(1, t.right + t.blank + t.wrong);
    };
    // Floors at what the pipeline yields today (the handwritten-digit reader will lift the scans).
    expect(rate('all text', 'number')).toBeGreaterThanOrEqual(FLOORS.text.number);
    expect(rate('all text', 'type')).toBeGreaterThanOrEqual(FLOORS.text.type);
    expect(rate('all text', 'date')).toBeGreaterThanOrEqual(FLOORS.text.date);
    expect(rate('all scan', 'number')).toBeGreaterThanOrEqual(FLOORS.scan.number);
    expect(rate('all scan', 'type')).toBeGreaterThanOrEqual(FLOORS.scan.type);
    expect(rate('all scan', 'date')).toBeGreaterThanOrEqual(FLOORS.scan.date);
    // The ceiling: a wrong number or date is worse than a blank.
    expect(allWrong / Math.max(1, allScored)).toBeLessThanOrEqual(MAX_WRONG);
  });
});

// Measured before issue 12's recognizer work: text 19/21, 21/21, 20/21 right; scans 4/31, 27/31,
// 4/31; 14 of 208 scored fields wrong. After it (coverage-based text quality, cross-checks, the
// bar): text 20/21, 21/21, 21/21; scans 3/31, 28/31, 5/31; 0 of 208 wrong. The scans' numbers
// and days wait for the handwritten-digit reader; until it reads them they stay blank, not wrong.
// With the digit reader merged (measured under heavy load, npm test of stop 18): text 19/21,
// 21/21, 20/21 (one number and one date of the real text-layer files lost: regressions to find);
// scans 5/31, 28/31, 10/31; 1 of 208 wrong.
// OCR version 3 (slot finder on each line's characters, retrained digit model, printed day told
// from handwriting, mojibake layers' digits confirming the OCR): text 20/21, 21/21, 21/21; scans
// 9/31, 30/31, 16/31; 0 of 208 wrong.
const FLOORS = {
  text: { number: 0.95, type: 1, date: 0.95 },
  scan: { number: 0.29, type: 0.9, date: 0.5 },
};
/** The issue's ceiling: at most 3% of all scored fields wrong. */
const MAX_WRONG = 0.03;
