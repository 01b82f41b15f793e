// The temporary file a bundle is written to before it is renamed into place:
// `.<bundle name>.<pid>.<random>.partial` beside the destination. A killed export leaves it behind
// (nothing can run after kill -9), so each export first removes the ones whose writer is gone.
// The leading dot hides it on Linux and macOS only; on Windows it is marked hidden as well.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PARTIAL = /^\..+\.(\d+)\.[0-9a-f]{8}\.partial$/;

export function partialPathFor(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes leftovers of dead exports in `dir`; returns the names removed. Never throws. */
export function removeStalePartials(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // Another process may be removing it too, or the folder is read-only: harmless either way.
    }
  }
  return removed;
}

/** Windows shows dot files: mark the temporary file hidden there (best effort, asynchronous). */
export function hideOnWindows(file: string): void {
  if (process.platform !== 'win32') return;
  execFile('attrib', ['+h', file], { windowsHide: true }, () => undefined);
}
