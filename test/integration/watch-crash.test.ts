// `kiemchung watch` as a process: JSON lines on stdout, exit 0 on SIGINT/SIGTERM, and crash
// safety: kill -9 in the middle of the start-up scan, start again, and the database ends exactly
// as after an uninterrupted scan, without reading again anything that was finished.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { WatchEvent } from '../../main/engine/watch/events.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, REPO_ROOT, SEEDS, copyCorpus, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { waitFor } from '../helpers/wait.js';
import { rawDb } from '../helpers/raw-db.js';

const PROCESS_WAIT_MS = 90_000;

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
class WatchProcess {
  readonly events: WatchEvent[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;

  constructor(wsDir: string) {
    this.child = spawn(process.execPath, [BIN, 'watch', wsDir, '--stability', '500'], { stdio: ['ignore', 'pipe', 'pipe'] });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => this.events.push(JSON.parse(line) as WatchEvent));
    this.child.stderr.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  count(event: WatchEvent['event']): number {
    return this.events.filter((e) => e.event === event).length;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

type Row = Record<string, unknown>;

/** Long text compared by its hash, so that a difference prints readably. */
const digest = (v: unknown): unknown => (typeof v === 'string' && v.length > 200 ? `${v.length} chars, sha256 ${crypto.createHash('sha256').update(v).digest('hex').slice(0, 16)}` : v);

interface DbState {
  rows: Record<string, Row[]>;
  /** Full text for search, per content and per document: compared apart (see sameFullText). */
  fullText: Map<string, string>;
}

/** Everything the index holds, minus ids and times (two runs can never share those). */
function dbState(ws: Workspace): DbState {
  const fullText = new Map<string, string>();
  const strip = (rows: Row[], drop: string[], key: string): Row[] =>
    rows.map((r) => {
      for (const k of ['full_text', 'body']) if (typeof r[k] === 'string') fullText.set(`${k} of ${String(r[key])}`, r[k]);
      const kept = Object.entries(r).filter(([k]) => !drop.includes(k) && !k.endsWith('_at') && k !== 'full_text' && k !== 'body');
      return Object.fromEntries(kept.map(([k, v]) => [k, digest(v)]));
    });
  const all = (sql: string): Row[] => rawDb(ws).prepare(sql).all() as Row[];
  const rows = {
    documents: strip(all('SELECT d.*, r.path AS root FROM documents d JOIN roots r ON r.id = d.root_id ORDER BY r.path, d.rel_path'), ['id', 'root_id'], 'rel_path'),
    contents: strip(all('SELECT * FROM contents ORDER BY sha256'), [], 'sha256'),
    search: strip(all('SELECT d.rel_path, f.name, f.number, f.title, f.body FROM documents d JOIN documents_fts f ON f.rowid = d.rowid ORDER BY d.rel_path'), [], 'rel_path'),
    links: all('SELECT d.rel_path, l.criterion_code, l.source, l.reason FROM links l JOIN documents d ON d.id = l.document_id ORDER BY 1, 2'),
  };
  return { rows, fullText };
}

/**
 * Full text is collected under a time budget (pdf-analyze.ts: 4 s after the header pages), so a
 * long document read on a busier machine keeps fewer pages: equal, or one a prefix of the other.
 */
function sameFullText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.startsWith(b) || b.startsWith(a);
}

describe('kiemchung watch (process)', () => {
  it('prints JSON lines and exits 0 on SIGINT and on SIGTERM', async () => {
    const root = tempDir('watch-cli');
    copyCorpus(SEEDS, root);
    const ws = await makeWorkspace([root]);
    ws.setSetting('ocr', false);
    const dir = ws.dir;
    ws.close();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const p = new WatchProcess(dir);
      await waitFor('idle', () => (p.count('idle') > 0 ? true : undefined), PROCESS_WAIT_MS);
      expect(p.events[0]).toMatchObject({ event: 'ready', roots: 1, watching: 1 });
      p.kill(signal);
      expect(await p.exited).toEqual({ code: 0, signal: null });
      expect(p.stderr.join('')).toBe('');
    }
    const reopened = Workspace.open(dir); // closed cleanly: opens, and holds the six documents
    expect((rawDb(reopened).prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(6);
    reopened.close();
  }, 120_000);

  it('after kill -9 mid-scan, a restart ends with the database of an uninterrupted run and re-reads nothing finished', async () => {
    const root = tempDir('watch-crash');
    copyCorpus(REAL, root, 'real');
    copyCorpus(SEEDS, root, 'seeds');
    const total = fs.readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;

    const reference = await makeWorkspace([root]);
    reference.setSetting('ocr', false);
    await scanWorkspace(reference);
    const expected = dbState(reference);
    reference.close();
    expect(expected.rows['documents']).toHaveLength(total);

    const ws = await makeWorkspace([root]);
    ws.setSetting('ocr', false);
    const dir = ws.dir;
    ws.close();

    const first = new WatchProcess(dir);
    await waitFor('a few files indexed', () => (first.count('indexed') >= 4 ? true : undefined), PROCESS_WAIT_MS);
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const mid = Workspace.open(dir);
    const finished = rawDb(mid).prepare('SELECT d.rel_path, d.size, d.mtime_ms FROM documents d').all() as { rel_path: string }[];
    const analysed = rawDb(mid).prepare('SELECT sha256, analyzed_at FROM contents ORDER BY sha256').all() as { sha256: string }[];
    mid.close();
    expect(finished.length).toBeGreaterThanOrEqual(4);
    expect(finished.length).toBeLessThan(total); // it really died in the middle

    const second = new WatchProcess(dir);
    await waitFor('idle after restart', () => (second.count('idle') > 0 ? true : undefined), PROCESS_WAIT_MS);
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    const reindexed = second.events.filter((e) => e.event === 'indexed').map((e) => ('relPath' in e ? e.relPath : ''));
    expect(reindexed.filter((p) => finished.some((f) => f.rel_path === p))).toEqual([]);
    expect(reindexed.length).toBe(total - finished.length);

    const after = Workspace.open(dir);
    try {
      const got = dbState(after);
      for (const key of Object.keys(expected.rows)) expect({ [key]: got.rows[key] }).toEqual({ [key]: expected.rows[key] });
      expect([...got.fullText.keys()].sort()).toEqual([...expected.fullText.keys()].sort());
      const differ = [...got.fullText].filter(([k, text]) => !sameFullText(text, expected.fullText.get(k))).map(([k]) => k);
      expect(differ).toEqual([]);
      const again = new Map((rawDb(after).prepare('SELECT sha256, analyzed_at FROM contents').all() as { sha256: string; analyzed_at: string }[]).map((c) => [c.sha256, c.analyzed_at]));
      for (const c of analysed as { sha256: string; analyzed_at: string }[]) expect(again.get(c.sha256)).toBe(c.analyzed_at);
    } finally {
      after.close();
    }
  }, 240_000);
});
