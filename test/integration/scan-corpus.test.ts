// Every real file of the shared corpus is scanned with the right error kind or the right facts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { scanWorkspace, type ScanReport } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, copyCorpus, readTruth, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const EXPECTED_ERROR: Record<string, string> = {
  'rb-zero-bytes.pdf': 'empty',
  'rb-docx-named-pdf.pdf': 'not-pdf',
  'rb-fuzzed-no-trailer.pdf': 'corrupt',
  'rb-pages-tree-loop.pdf': 'corrupt',
  'rb-encrypted-aes128-password.pdf': 'encrypted',
};

describe('scan of test/fixtures/corpus', () => {
  let ws: Workspace;
  let report: ScanReport;
  let docs: Map<string, DocumentJson>;
  let evidence: string;

  beforeAll(async () => {
    evidence = tempDir('evidence');
    copyCorpus(REAL, evidence, 'real');
    copyCorpus(SEEDS, evidence, 'seeds');
    fs.copyFileSync(path.join(REAL, 'truth.json'), path.join(evidence, 'real', 'truth.json'));
    ws = await makeWorkspace([evidence]);
    // Indexing only: OCR of the real scans has its own tests (ocr-*.test.ts) and takes minutes.
    report = await scanWorkspace(ws, { ocr: false });
    docs = new Map(listDocuments(ws).map((d) => [d.relPath, d]));
  });
  afterAll(() => ws.close());

  it('indexes every file and reports per-file errors without stopping', () => {
    const pdfs = fs.readdirSync(REAL).filter((f) => f.endsWith('.pdf')).length + fs.readdirSync(SEEDS).filter((f) => f.endsWith('.pdf')).length;
    expect(report.files).toBe(pdfs + 1); // + truth.json (kind "other")
    expect(docs.size).toBe(report.files);
    expect(report.problems).toEqual([]);
    expect(report.errors.map((e) => path.basename(e.path)).sort()).toEqual(Object.keys(EXPECTED_ERROR).sort());
  });

  for (const t of readTruth(REAL)) {
    it(`real/${t.file}: error kind, pages, encryption, signatures, text layer`, () => {
      const d = docs.get(`real/${t.file}`.normalize('NFC'));
      expect(d, t.file).toBeDefined();
      if (!d) return;
      expect(d.kind).toBe('pdf');
      expect(d.sha256).toBe(t.sha256);
      expect(d.error?.kind ?? null).toBe(EXPECTED_ERROR[t.file] ?? null);
      expect(d.encrypted).toBe(t.encrypted);
      expect(d.signatures).toBe(t.signatureCount);
      if (!d.error || d.error.kind === 'corrupt') expect(d.pages).toBe(t.pages);
      if (t.textLayerKind === 'none') expect(d.textLayer).toBe(false);
      if (t.textLayerKind === 'native') expect(d.textQuality).toBe('usable');
      if (t.textLayerKind === 'native-mojibake') expect(d.textQuality).toBe('mojibake');
      if (t.textLayerKind === 'ocr-garbled') expect(d.textQuality).toBe('no-diacritics');
    });
  }

  it('counts the self-made signature of the seed plan', () => {
    expect(docs.get('seeds/plan-003-selfsigned.pdf')?.signatures).toBe(1);
    expect(docs.get('seeds/plan-003.pdf')?.signatures).toBe(0);
  });

  it('records non-PDF files as kind "other" without an error', () => {
    const other = docs.get('real/truth.json');
    expect(other?.kind).toBe('other');
    expect(other?.error).toBeNull();
  });

  it('emits NFC JSON paths for Vietnamese file names', () => {
    const d = [...docs.values()].find((x) => x.relPath.includes('Kế hoạch 118'));
    expect(d?.relPath).toBe('real/Kế hoạch 118-KH-UBND Hà Giang.pdf'.normalize('NFC'));
    expect(d?.path.startsWith(evidence)).toBe(true);
  });
});
