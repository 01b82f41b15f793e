// `docs:counts` counts the confirmation queue without building its rows (issue 13), and the number
// is the rows' number: on a real workspace (the real corpus and the seed plans filed under the
// Trà Vinh pack's codes, scanned without OCR, so the scans wait with blank numbers and dates),
// through every way a document enters or leaves the queue: a date confirmed by hand, a number
// cleared on purpose, a document unlinked, the assessment year changed, a read error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { confirmQueue } from '../../main/engine/review/corrections.js';
import { documentCounts, queueCount } from '../../main/engine/review/queue-counts.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('queue-count-home');

function cli<T>(...args: string[]): T {
  const r = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_HOME: home }, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const work = tempDir('queue-count');
const evidence = path.join(work, 'evidence');
const wsDir = path.join(work, 'ws');

/** The count, the rows' length (what the queue screen lists), and the CLI's count, read now. */
function measure(): { count: number; rows: number; cli: number; queued: string[] } {
  const ws = Workspace.open(wsDir);
  try {
    const rows = confirmQueue(ws, listDocuments(ws));
    expect(documentCounts(ws).queue).toBe(queueCount(ws));
    return { count: queueCount(ws), rows: rows.length, cli: cli<{ queue: number }>('docs', wsDir, '--counts').queue, queued: rows.map((r) => r.document.relPath).sort() };
  } finally {
    ws.close();
  }
}

beforeAll(() => {
  // Every real file under a code folder of the pack (linked by folder), a few seeds too, and two
  // real files at the top (linked only if their content says so).
  const codes = ['1.1', '2.1', '3.1', '4.1', '5.1'];
  const real = fs.readdirSync(REAL).filter((f) => f.endsWith('.pdf'));
  real.forEach((f, i) => {
    const dir = i < real.length - 2 ? path.join(evidence, codes[i % codes.length] ?? '1.1') : evidence;
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(REAL, f), path.join(dir, f));
  });
  for (const [seed, code] of [
    ['plan-000.pdf', '1.1'],
    ['plan-001.pdf', '2.1'],
    ['plan-003.pdf', '3.1'],
  ] as const) {
    fs.copyFileSync(path.join(SEEDS, seed), path.join(evidence, code, `seed-${seed}`));
  }
  cli('init', wsDir, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023');
  cli('folder', 'add', wsDir, evidence);
  cli('scan', wsDir, '--no-ocr');
}, 600_000);

describe('docs:counts queue = the queue rows', () => {
  it('equals the rows through confirmations, clearings, unlinking and a change of year', () => {
    const docs = (): DocumentJson[] => cli<DocumentJson[]>('docs', wsDir);
    const first = measure();
    expect(first.count).toBe(first.rows);
    expect(first.cli).toBe(first.rows);
    // Scans without OCR (blank fields), a plan of 2021 (outside the year), a plan without a date.
    expect(first.queued).toEqual(expect.arrayContaining(['2.1/seed-plan-001.pdf', '3.1/seed-plan-003.pdf']));
    expect(first.queued).not.toContain('1.1/seed-plan-000.pdf');
    expect(first.rows).toBeGreaterThanOrEqual(5);

    // A date confirmed by hand (in the year) takes the 2021 plan out: its number is confident.
    cli('fix', wsDir, path.join(evidence, '2.1', 'seed-plan-001.pdf'), '--date', '04/10/2023');
    const fixed = measure();
    expect(fixed.queued).not.toContain('2.1/seed-plan-001.pdf');
    expect([fixed.count, fixed.cli]).toEqual([fixed.rows, fixed.rows]);
    expect(fixed.rows).toBe(first.rows - 1);

    // A scan whose number and date are cleared on purpose ("no number printed") leaves the queue.
    const scan = docs().find((d) => d.relPath.endsWith('kg-1942-KH-SYT.pdf'));
    if (!scan) throw new Error('kg-1942-KH-SYT.pdf not indexed');
    expect(fixed.queued).toContain(scan.relPath);
    cli('fix', wsDir, scan.path, '--clear', 'number', '--clear', 'date');
    const cleared = measure();
    expect(cleared.queued).not.toContain(scan.relPath);
    expect([cleared.count, cleared.cli]).toEqual([cleared.rows, cleared.rows]);

    // An unlinked document is not in the queue.
    const undated = docs().find((d) => d.relPath === '3.1/seed-plan-003.pdf');
    for (const c of undated?.criteria ?? []) cli('unassign', wsDir, undated?.path ?? '', c.code);
    const unlinked = measure();
    expect(unlinked.queued).not.toContain('3.1/seed-plan-003.pdf');
    expect([unlinked.count, unlinked.cli]).toEqual([unlinked.rows, unlinked.rows]);

    // Another assessment year: 78/KH-SYT of 2023 is outside 2021; the plan confirmed by hand is not.
    cli('settings', wsDir, 'year', '2021');
    const year2021 = measure();
    expect(year2021.queued).toContain('1.1/seed-plan-000.pdf');
    expect(year2021.queued).not.toContain('2.1/seed-plan-001.pdf');
    expect([year2021.count, year2021.cli]).toEqual([year2021.rows, year2021.rows]);
    expect(year2021.rows).not.toBe(unlinked.rows);

    // A file that can no longer be read leaves the queue (its error is listed instead).
    const victim = path.join(evidence, '1.1', 'seed-plan-000.pdf');
    fs.writeFileSync(victim, '%PDF-1.4\n1 0 obj garbage');
    cli('scan', wsDir, '--no-ocr');
    const broken = measure();
    expect(broken.queued).not.toContain('1.1/seed-plan-000.pdf');
    expect([broken.count, broken.cli]).toEqual([broken.rows, broken.rows]);
  }, 600_000);
});
