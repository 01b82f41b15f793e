// bench/results.json: one committed file holding every bench's figures, one section per bench
// (`npm run bench` writes `index`, …). Each section carries the rows of the README's table, so
// `npm run bench:readme` regenerates that table from this file alone (readme-table.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
export const RESULTS_FILE = path.join(REPO, 'bench', 'results.json');

export interface TableRow {
  measure: string;
  value: string;
  target: string;
}

export interface BenchSection {
  /** The command that reproduces the figures, shown in the table's first column. */
  command: string;
  date: string;
  machine?: { cores: number; node: string; load?: number[] };
  rows: TableRow[];
  figures: Record<string, unknown>;
}

export type Results = Record<string, BenchSection>;

export function readResults(file = RESULTS_FILE): Results {
  if (!fs.existsSync(file)) return {};
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  return parsed && typeof parsed === 'object' && 'sections' in parsed ? ((parsed as { sections: Results }).sections ?? {}) : {};
}

/** Replace one bench's section, keeping the others (and their order). */
export function writeSection(name: string, section: BenchSection, file = RESULTS_FILE): void {
  const sections = { ...readResults(file), [name]: section };
  fs.writeFileSync(file, `${JSON.stringify({ note: 'written by the benches; npm run bench:readme renders the README table', sections }, null, 2)}\n`);
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Median with its spread: "0.41 s (0.39–0.47, 3 runs)". */
export function withSpread(xs: readonly number[], digits: number, unit: string): string {
  const f = (x: number): string => x.toFixed(digits);
  return `${f(median(xs))} ${unit} (${f(Math.min(...xs))}–${f(Math.max(...xs))}, ${xs.length} runs)`;
}
