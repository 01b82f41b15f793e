// One writer per workspace, with real processes: two CLI scans at once, the app (the web launcher's
// session) and a CLI scan, a CLI watch and the app. Nobody sees SQL text; the second writer waits
// (and is told who holds the workspace) or is refused with "đang được … sử dụng"; reading
// commands run while another program writes; the final state equals one scan's.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { apiCall, startApp, type App } from '../e2e/harness.js';
import { REPO_ROOT, SEEDS, copyCorpus, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('one-writer-home');
const ENV = { ...process.env, KIEMCHUNG_HOME: home };
const SQL_TEXT = /UNIQUE constraint|database is locked|SQLITE_|SqliteError|constraint failed|no such table/i;
const BUSY = /Không gian làm việc đang được (kiemchung \w+|ứng dụng KiemChung) \(PID \d+\) sử dụng/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `docs --json` without what differs between two workspaces over the same files (ids, link times). */
function docsState(ws: string): unknown[] {
  const r = run('docs', ws, '--json');
  expect(r.code, r.stderr).toBe(0);
  const docs = JSON.parse(r.stdout) as DocumentJson[];
  return docs
    .map((d) => ({ ...d, id: undefined, duplicates: d.duplicates.length, criteria: d.criteria.map((c) => ({ code: c.code, source: c.source, reason: c.reason })) }))
    .sort((a, b) => a.relPath.localeCompare(b.relPath));
}

function statusSummary(ws: string): unknown {
  const r = run('status', ws, '--json');
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as { summary: unknown; criteria: { code: string; status: string; documents?: unknown }[] };
  return { summary: s.summary, criteria: s.criteria.map((c) => [c.code, c.status]) };
}

function newWorkspace(evidence: string): string {
  const ws = path.join(tempDir('one-writer-ws'), 'ws');
  expect(run('init', ws, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023').code).toBe(0);
  expect(run('folder', 'add', ws, evidence).code).toBe(0);
  return ws;
}

const evidence = tempDir('one-writer-evidence');
let single: { docs: unknown[]; status: unknown };

beforeAll(() => {
  copyCorpus(SEEDS, evidence, '1.1');
  copyCorpus(SEEDS, evidence, 'Khác');
  const ws = newWorkspace(evidence);
  const r = run('scan', ws, '--no-ocr', '--json');
  expect(r.code, r.stderr).toBe(0);
  single = { docs: docsState(ws), status: statusSummary(ws) };
}, 240_000);

describe('one writer per workspace', () => {
  it('two CLI scans at once: the second waits for the first, no SQL text, the state of one scan', async () => {
    const ws = newWorkspace(evidence);
    const [a, b] = await Promise.all([runAsync('scan', ws, '--no-ocr', '--json'), runAsync('scan', ws, '--no-ocr', '--json')]);
    for (const r of [a, b]) {
      expect(r.stdout + r.stderr).not.toMatch(SQL_TEXT);
      // Each one either ran (alone) or was refused with the words, never half of each.
      if (r.code !== 0) expect(r.stderr).toMatch(BUSY);
    }
    expect([a.code, b.code]).toContain(0);
    // The one that came second was told who holds the workspace while it waited.
    expect(a.stderr + b.stderr).toMatch(/đang chờ: không gian làm việc đang được kiemchung scan \(PID \d+\) sử dụng/);
    const reports = [a, b].filter((r) => r.code === 0).map((r) => JSON.parse(r.stdout) as { errors: unknown[]; problems: unknown[] });
    for (const rep of reports) {
      expect(rep.errors).toEqual([]);
      expect(rep.problems).toEqual([]);
    }
    expect(docsState(ws)).toEqual(single.docs);
    expect(statusSummary(ws)).toEqual(single.status);
  }, 240_000);

  it('a writer that holds on (watch) refuses a scan and an assign with the message; reading commands still run', async () => {
    const ws = newWorkspace(evidence);
    expect(run('scan', ws, '--no-ocr', '--json').code).toBe(0);
    const watch = spawn(process.execPath, [BIN, 'watch', ws], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        watch.stdout.on('data', (d: Buffer) => d.toString().includes('"ready"') && resolve());
        watch.once('exit', (c) => reject(new Error(`watch exited ${c}`)));
      });
      const scan = run('scan', ws, '--no-ocr', '--json');
      expect(scan.code).toBe(1);
      expect(scan.stderr).toMatch(/đang chờ: không gian làm việc đang được kiemchung watch \(PID \d+\) sử dụng/);
      expect(scan.stderr).toMatch(new RegExp(`Không gian làm việc đang được kiemchung watch \\(PID ${watch.pid}\\) sử dụng`));
      expect(scan.stdout + scan.stderr).not.toMatch(SQL_TEXT);
      const docs = JSON.parse(run('docs', ws, '--json').stdout) as DocumentJson[];
      const assign = run('assign', ws, docs[0]?.id ?? '', '3.1', '--json');
      expect(assign.code).toBe(1);
      expect(assign.stderr).toMatch(BUSY);
      // Status, docs, search, history and verify do not need the lock.
      for (const args of [['status', ws, '--json'], ['docs', ws, '--json'], ['search', ws, 'kế hoạch', '--json'], ['history', ws, '--json'], ['settings', ws, '--json']]) {
        const r = run(...args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toBe('');
      }
      expect(docsState(ws)).toEqual(single.docs);
    } finally {
      watch.kill('SIGTERM');
      await new Promise((r) => watch.once('exit', r));
    }
    // The lock went with the watcher: writing works again at once.
    const scan = run('scan', ws, '--no-ocr', '--json');
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stderr).toBe('');
  }, 240_000);

  it('a program that holds the database itself (outside the lock) gets words, not SQL text', () => {
    const ws = newWorkspace(evidence);
    expect(run('scan', ws, '--no-ocr', '--json').code).toBe(0);
    const doc = (JSON.parse(run('docs', ws, '--json').stdout) as DocumentJson[])[0];
    const other = new Database(path.join(ws, 'kiemchung.db'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const assign = run('assign', ws, doc?.id ?? '', '3.1', '--json');
      expect(assign.code).toBe(1);
      expect(assign.stderr).toMatch(/Không gian làm việc đang được một chương trình khác sử dụng \(cơ sở dữ liệu đang bận\)/);
      expect(assign.stdout + assign.stderr).not.toMatch(SQL_TEXT);
      expect(assign.stderr).not.toMatch(/unexpected failure|at .*\.js:\d+/);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(run('assign', ws, doc?.id ?? '', '3.1', '--json').code).toBe(0);
  }, 120_000);

  describe('the app and the CLI', () => {
    let app: App;
    beforeAll(async () => {
      app = await startApp({}, { home });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
    });

    it('the app holds an open workspace: a CLI scan is refused with the app named, reads run; closed, the scan runs', async () => {
      const ws = newWorkspace(evidence);
      await apiCall(app, 'workspace:open', { dir: ws });
      await apiCall(app, 'index:scan', { ocr: false });
      const scan = run('scan', ws, '--no-ocr', '--json');
      expect(scan.code).toBe(1);
      expect(scan.stderr).toMatch(new RegExp(`Không gian làm việc đang được ứng dụng KiemChung \\(PID ${app.child.pid}\\) sử dụng`));
      expect(scan.stdout + scan.stderr).not.toMatch(SQL_TEXT);
      expect(docsState(ws)).toEqual(single.docs);
      expect(statusSummary(ws)).toEqual(single.status);
      await apiCall(app, 'workspace:close', {});
      const again = run('scan', ws, '--no-ocr', '--json');
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as { unchanged: number }).unchanged).toBe((single.docs as unknown[]).length);
    }, 240_000);

    it('a second process holds a SQLite write lock: the app\'s write is refused as workspace.busy-unknown in words, and the next call works', async () => {
      const ws = newWorkspace(evidence);
      await apiCall(app, 'workspace:open', { dir: ws });
      await apiCall(app, 'index:scan', { ocr: false });
      const [doc] = (JSON.parse(run('docs', ws, '--json').stdout) as DocumentJson[]);
      // This test process is not the app: it takes the database's write lock the way an older
      // KiemChung or a sqlite3 shell would, outside the writer lock file.
      const other = new Database(path.join(ws, 'kiemchung.db'));
      try {
        other.exec('BEGIN IMMEDIATE');
        const res = await fetch(`${app.origin}/api/review:assign`, { method: 'POST', body: JSON.stringify({ doc: doc?.id, code: '3.1' }), headers: { 'X-Kiemchung-Token': app.token } });
        const r = (await res.json()) as { ok: boolean; error?: { kind: string; message: string; params: { fact: { kind: string; params: Record<string, string> } } } };
        expect(r.ok).toBe(false);
        expect(r.error?.kind).toBe('user');
        expect(r.error?.params.fact).toEqual({ kind: 'workspace.busy-unknown', params: { path: ws } });
        expect(r.error?.message).toMatch(/đang được một chương trình khác sử dụng/);
        expect(JSON.stringify(r)).not.toMatch(SQL_TEXT);
        other.exec('ROLLBACK');
      } finally {
        other.close();
      }
      await apiCall(app, 'review:assign', { doc: doc?.id, code: '3.1' });
      await apiCall(app, 'workspace:close', {});
    }, 240_000);

    it('a CLI writer holds the workspace: the app is refused with the fact workspace.busy naming it', async () => {
      const ws = newWorkspace(evidence);
      const watch = spawn(process.execPath, [BIN, 'watch', ws], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        await new Promise<void>((resolve, reject) => {
          watch.stdout.on('data', (d: Buffer) => d.toString().includes('"ready"') && resolve());
          watch.once('exit', (c) => reject(new Error(`watch exited ${c}`)));
        });
        const res = await fetch(`${app.origin}/api/workspace:open`, { method: 'POST', body: JSON.stringify({ dir: ws }), headers: { 'X-Kiemchung-Token': app.token } });
        const r = (await res.json()) as { ok: boolean; error?: { kind: string; message: string; params: { fact: { kind: string; params: Record<string, string> } } } };
        expect(r.ok).toBe(false);
        expect(r.error?.kind).toBe('user');
        expect(r.error?.params.fact).toMatchObject({ kind: 'workspace.busy', params: { program: 'kiemchung watch', pid: String(watch.pid) } });
        expect(r.error?.message).not.toMatch(SQL_TEXT);
        // The app stays usable: nothing is open, and it answers the next call.
        expect(await apiCall(app, 'workspace:current', {})).toBeNull();
      } finally {
        watch.kill('SIGTERM');
        await new Promise((r) => watch.once('exit', r));
      }
      await apiCall(app, 'workspace:open', { dir: ws });
      await apiCall(app, 'workspace:close', {});
    }, 240_000);
  });
});
