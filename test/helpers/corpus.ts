// Paths to the test corpus (test/fixtures/corpus: real PDFs with their truth.json) and temp-dir helpers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
export const REAL = path.join(CORPUS, 'real');
export const SEEDS = path.join(CORPUS, 'seeds');
export const DEV = path.join(CORPUS, 'dev');
export const PACKS_SOURCE = path.join(REPO_ROOT, 'test', 'fixtures', 'packs-source');

export interface TruthEntry {
  file: string;
  pages?: number | null;
  textLayerKind?: string | null;
  encrypted?: boolean;
  signatureCount?: number;
  signed?: boolean;
  corrupt?: boolean;
  number: string | null;
  type: string | null;
  issuer?: string | null;
  place?: string | null;
  date: string | null;
  title?: string | null;
  sha256?: string;
  kind?: string;
}

export function readTruth(dir: string): TruthEntry[] {
  return JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as TruthEntry[];
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kiemchung-${prefix}-`));
}

/** Copy the PDFs of a corpus folder into `dest` (optionally under a sub-folder). */
export function copyCorpus(src: string, dest: string, sub = ''): string[] {
  const target = path.join(dest, sub);
  fs.mkdirSync(target, { recursive: true });
  const files = fs.readdirSync(src).filter((f) => f.toLowerCase().endsWith('.pdf'));
  for (const f of files) fs.copyFileSync(path.join(src, f), path.join(target, f));
  return files;
}
