// Header recognition against the checked ground truth of the real corpus and the seed plans.
// Every PDF whose text layer the analyzer calls usable goes through the real extractor and the
// recognizer; number, type and date must be right for at least 95% of the values truth knows
// (a null in truth is a known value: a blank draft number must come out null). Place, issuer and
// title are measured and printed but not gated: truth records the issuer's canonical name where
// the page has none (seeds), and titles differ in small print details.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../main/engine/pdf/pdf-analyze.js';
import { recognizeHeader, type RecognizedHeader } from '../../main/engine/recognize/index.js';
import { foldForMatch, nfc } from '../../shared/vietnamese.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join(repoRoot, 'test', 'fixtures', 'corpus');

const GATED = ['number', 'type', 'date'] as const;
const INFORMATIVE = ['place', 'issuer', 'title'] as const;
type Field = (typeof GATED)[number] | (typeof INFORMATIVE)[number];

type Truth = Record<string, unknown> & { file: string };

function readTruth(dir: string): Truth[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(corpus, dir, 'truth.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${dir}/truth.json is not an array`);
  return raw.filter((t): t is Truth => typeof t === 'object' && t !== null && typeof (t as Truth).file === 'string');
}

/** Titles: whitespace and quote styles vary between print and truth; a final period is print detail. */
function normTitle(s: string): string {
  return nfc(s)
    .replace(/[“”«»"]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*\.$/, '')
    .trim();
}

function same(field: Field, got: string | null, want: unknown): boolean {
  if (want === null) return got === null;
  if (typeof want !== 'string' || got === null) return false;
  if (field === 'title') return normTitle(got) === normTitle(want);
  // Issuers are compared without case: truth spells some as printed ("SỞ Y TẾ"), some as a name ("Sở Y tế").
  if (field === 'issuer' || field === 'place') return foldForMatch(got) === foldForMatch(want);
  return got === want;
}

interface Row {
  file: string;
  got: RecognizedHeader;
  truth: Truth;
}

interface Corpus {
  /** Usable text layers, read as born-digital text. */
  usable: Row[];
  /** Scanner OCR layers that lost their diacritics, read as OCR text. */
  ocrLayers: Row[];
}

async function recognizeCorpus(): Promise<Corpus> {
  const out: Corpus = { usable: [], ocrLayers: [] };
  for (const dir of ['real', 'seeds']) {
    for (const truth of readTruth(dir)) {
      const file = path.join(corpus, dir, truth.file);
      if (!fs.existsSync(file)) continue;
      const analysis = await analyzePdf(new Uint8Array(fs.readFileSync(file)));
      if (analysis.textQuality === 'usable') {
        const got = recognizeHeader({ text: analysis.headerText, fileName: truth.file, source: 'text' });
        out.usable.push({ file: `${dir}/${truth.file}`, got, truth });
      } else if (analysis.textQuality === 'no-diacritics') {
        const got = recognizeHeader({ text: analysis.headerText, fileName: truth.file, source: 'ocr' });
        out.ocrLayers.push({ file: `${dir}/${truth.file}`, got, truth });
      }
    }
  }
  return out;
}

// Analysing the corpus takes seconds: once for all tests of this file.
let cached: Promise<Corpus> | null = null;
function corpusRows(): Promise<Corpus> {
  cached ??= recognizeCorpus();
  return cached;
}

describe('header recognition accuracy on the real corpus', () => {
  it('gets number, type and date right for ≥ 95% of the values truth knows', async () => {
    const rows = (await corpusRows()).usable;
    // The corpus holds 3 usable real files and 6 seeds; fewer means the extractor or corpus changed.
    expect(rows.length).toBeGreaterThanOrEqual(9);

    const stats = new Map<Field, { correct: number; known: number }>();
    const misses: string[] = [];
    for (const field of [...GATED, ...INFORMATIVE]) {
      const s = { correct: 0, known: 0 };
      for (const { file, got, truth } of rows) {
        if (!(field in truth)) continue;
        s.known++;
        if (same(field, got[field], truth[field])) s.correct++;
        else misses.push(`${field} ${file}: got ${JSON.stringify(got[field])}, truth ${JSON.stringify(truth[field])}`);
      }
      stats.set(field, s);
    }

    const pct = (c: number, k: number): string => (k === 0 ? 'n/a' : `${((100 * c) / k).toFixed(1)}%`);
    const table = ['| field | correct | known | accuracy |', '|---|---|---|---|'];
    for (const [field, s] of stats) table.push(`| ${field} | ${s.correct} | ${s.known} | ${pct(s.correct, s.known)} |`);
    const gated = GATED.map((f) => stats.get(f) ?? { correct: 0, known: 0 });
    const correct = gated.reduce((a, s) => a + s.correct, 0);
    const known = gated.reduce((a, s) => a + s.known, 0);
    table.push(`| number+type+date | ${correct} | ${known} | ${pct(correct, known)} |`);
    console.log(`Header recognition, ${rows.length} PDFs with a usable text layer\n\n${table.join('\n')}\n`);
    if (misses.length > 0) console.log(`Misses:\n${misses.map((m) => `- ${m}`).join('\n')}`);

    expect(known).toBeGreaterThan(0);
    expect(correct / known).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every filled field a provenance and no null field one', async () => {
    const { usable, ocrLayers } = await corpusRows();
    for (const { file, got } of [...usable, ...ocrLayers]) {
      for (const field of ['number', 'type', 'issuer', 'place', 'date', 'title'] as const) {
        expect(got.fields[field] !== undefined, `${file} ${field}`).toBe(got[field] !== null);
      }
    }
  });

  it('invents nothing from garbled OCR layers: what it fills is right, the rest stays null', async () => {
    const { ocrLayers } = await corpusRows();
    // Four scans carry a diacritic-less OCR layer with handwritten numbers and days read as noise.
    expect(ocrLayers.length).toBeGreaterThanOrEqual(4);
    const lines: string[] = [];
    for (const { file, got, truth } of ocrLayers) {
      lines.push(`| ${file} | ${got.number ?? '-'} (${got.fields.number?.source ?? '-'}) | ${got.type ?? '-'} | ${got.date ?? '-'} |`);
      // The Đ of an issuer code ("BGDĐT") cannot be read back from OCR or a file name: compare folded.
      if (got.number !== null) expect(foldForMatch(got.number), file).toBe(foldForMatch(String(truth['number'])));
      if (got.type !== null) expect(got.type, file).toBe(truth['type']);
      if (got.date !== null) expect(got.date, file).toBe(truth['date']);
    }
    console.log(`OCR layers (source 'ocr')\n\n| file | number | type | date |\n|---|---|---|---|\n${lines.join('\n')}\n`);
  });
});
