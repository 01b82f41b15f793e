// Stability tracking and batching of the watcher's pending paths, on real files (explicit clock
// values stand in for waiting), and the polling choice for network shares.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PendingSet, type FileStamp } from '../../main/engine/watch/pending.js';
import { shouldPoll } from '../../main/engine/watch/root-watcher.js';
import { tempDir } from '../helpers/corpus.js';

const ROOT = 1;

function setup(): { dir: string; pending: PendingSet } {
  const dir = tempDir('pending');
  const stat = (_root: number, rel: string): FileStamp | null => {
    const st = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
    return st ? { size: st.size, mtimeMs: Math.trunc(st.mtimeMs) } : null;
  };
  return { dir, pending: new PendingSet({ stabilityMs: 2000, holdMs: 30_000, stat }) };
}

describe('pending paths', () => {
  it('takes a file only once its size and mtime held still for the whole window', () => {
    const { dir, pending } = setup();
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, 'part one');
    pending.touch(ROOT, 'a.pdf', 0);
    expect(pending.take(1000)).toBeNull();
    fs.appendFileSync(file, ', part two'); // the writer goes on without a new event (e.g. a share)
    expect(pending.take(2100)).toBeNull(); // the stat saw it change: the window starts again
    expect(pending.take(4000)).toBeNull();
    expect(pending.take(4100)).toEqual([{ rootId: ROOT, relPaths: ['a.pdf'], removedDirs: [] }]);
    expect(pending.isEmpty()).toBe(true);
  });

  it('keeps the two halves of a move together while other files still settle', () => {
    const { dir, pending } = setup();
    fs.writeFileSync(path.join(dir, 'moved.pdf'), '12345');
    fs.writeFileSync(path.join(dir, 'slow.pdf'), 'x');
    fs.writeFileSync(path.join(dir, 'other.pdf'), 'different size');
    pending.touch(ROOT, 'moved.pdf', 0); // its add came first
    pending.touch(ROOT, 'other.pdf', 0);
    pending.gone(ROOT, 'old/moved.pdf', false, [5], 100);
    pending.touch(ROOT, 'slow.pdf', 1500);
    // At 2500 moved.pdf and other.pdf settled, slow.pdf did not: only other.pdf goes (no size match).
    expect(pending.take(2500)).toEqual([{ rootId: ROOT, relPaths: ['other.pdf'], removedDirs: [] }]);
    expect(pending.has(ROOT, 'old/moved.pdf')).toBe(true);
    // Once slow.pdf settled too, the move's halves go in one batch.
    expect(pending.take(3600)).toEqual([{ rootId: ROOT, relPaths: ['moved.pdf', 'slow.pdf', 'old/moved.pdf'], removedDirs: [] }]);
  });

  it('applies a removal after the window when nothing else moves, and forgets never-indexed paths', () => {
    const { pending } = setup();
    pending.gone(ROOT, 'never-indexed.tmp.pdf', false, [], 0);
    expect(pending.isEmpty()).toBe(true);
    pending.gone(ROOT, 'folder', true, [10, 20], 0);
    expect(pending.has(ROOT, 'folder/x.pdf')).toBe(true);
    expect(pending.has(ROOT, 'folderx/x.pdf')).toBe(false);
    expect(pending.take(1000)).toBeNull();
    expect(pending.take(2000)).toEqual([{ rootId: ROOT, relPaths: [], removedDirs: ['folder'] }]);
  });

  it('a folder that vanished drops the files pending under it', () => {
    const { pending } = setup();
    pending.touch(ROOT, 'folder/a.pdf', 0);
    pending.gone(ROOT, 'folder', true, [], 10);
    expect(pending.isEmpty()).toBe(true);
  });
});

describe('polling choice', () => {
  it('polls roots marked so, and UNC paths on Windows only', () => {
    expect(shouldPoll({ path: '/srv/evidence', polling: true }, 'linux')).toBe(true);
    expect(shouldPoll({ path: '/srv/evidence', polling: false }, 'linux')).toBe(false);
    expect(shouldPoll({ path: '\\\\server\\share\\TLKC', polling: false }, 'win32')).toBe(true);
    expect(shouldPoll({ path: '//server/share', polling: false }, 'win32')).toBe(true);
    expect(shouldPoll({ path: 'C:\\TLKC', polling: false }, 'win32')).toBe(false);
    expect(shouldPoll({ path: '\\\\?\\C:\\TLKC', polling: false }, 'win32')).toBe(false); // long-path prefix, local disk
  });
});
