// The workspace writer lock across real processes: a second writer is refused (or waits) and is
// told who holds the lock; the lock goes with its process, also when that process is killed -9.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireWriterLock, WorkspaceBusyError } from '../../main/engine/db/writer-lock.js';
import { REPO_ROOT, tempDir } from '../helpers/corpus.js';

const LOCK_MODULE = path.join(REPO_ROOT, 'dist', 'main', 'engine', 'db', 'writer-lock.js');
let holder: ChildProcess | null = null;

/** Another process that takes the lock, says so on stdout, and holds it until killed. */
async function holdInOtherProcess(dir: string): Promise<ChildProcess> {
  const code = `import(${JSON.stringify(LOCK_MODULE)}).then(async (m) => { await m.acquireWriterLock(${JSON.stringify(dir)}, 'kiemchung scan'); console.log('locked'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.once('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
  return child;
}

afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
});

describe('workspace writer lock', () => {
  it('refuses a second writer and names the holder; the lock is free again after kill -9', async () => {
    const dir = tempDir('lock');
    holder = await holdInOtherProcess(dir);
    const refused = await acquireWriterLock(dir, 'ứng dụng KiemChung').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkspaceBusyError);
    expect((refused as WorkspaceBusyError).holder).toMatchObject({ program: 'kiemchung scan', pid: holder.pid });
    expect((refused as WorkspaceBusyError).fact).toMatchObject({ kind: 'workspace.busy', params: { program: 'kiemchung scan' } });

    holder.kill('SIGKILL');
    await new Promise((r) => holder?.once('exit', r));
    const lock = await acquireWriterLock(dir, 'ứng dụng KiemChung');
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  }, 30_000);

  it('a waiting writer is told who holds the lock and gets it when the holder ends', async () => {
    const dir = tempDir('lock-wait');
    holder = await holdInOtherProcess(dir);
    const told: (string | undefined)[] = [];
    const child = holder;
    setTimeout(() => child.kill('SIGTERM'), 800);
    const lock = await acquireWriterLock(dir, 'kiemchung assign', { waitMs: 10_000, onWait: (h) => told.push(h?.program) });
    expect(told).toEqual(['kiemchung scan']);
    lock.release();
    // Released in-process: the next writer gets it at once.
    (await acquireWriterLock(dir, 'kiemchung review')).release();
    expect(fs.existsSync(path.join(dir, 'kiemchung.lock'))).toBe(true);
  }, 30_000);
});
