// The temporary file a bundle is written to before it is renamed into place:
// `.<bundle name>.<pid>.<random>.partial` beside the destination. A killed export leaves it behind
// (nothing can run after kill -9), so each export first removes the ones whose writer is gone, and
// so does opening the workspace (in the folders its bundles went to). A process that exits any
// other way (a stop signal's grace timer ending it mid-write) removes its own on exit.
// The leading dot hides it on Linux and macOS only; on Windows it is marked hidden as well.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PARTIAL = /^\..+\.(\d+)\.[0-9a-f]{8}\.partial$/;

/** This process's temporary files not yet renamed into place or removed. */
const own = new Set<string>();
let exitHooked = false;

export function partialPathFor(out: string): string {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  own.add(tmp);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', removeOwnPartials);
  }
  return tmp;
}

/** The temporary file was renamed into place or removed: nothing to clean up on exit. */
export function releasePartial(tmp: string): void {
  own.delete(tmp);
}

/** Removes this process's unfinished temporary files (synchronously: it runs on 'exit'). */
export function removeOwnPartials(): void {
  for (const tmp of own) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Already gone, or still open on Windows: the next export or open removes it.
    }
  }
  own.clear();
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

/** removeStalePartials in each folder (a workspace's export folders, when it opens); never throws. */
export function removeStalePartialsIn(dirs: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) removed.push(...removeStalePartials(dir).map((name) => path.join(dir, name)));
  return removed;
}

/** Windows shows dot files: mark the temporary file hidden there (best effort, asynchronous). */
export function hideOnWindows(file: string): void {
  if (process.platform !== 'win32') return;
  execFile('attrib', ['+h', file], { windowsHide: true }, () => undefined);
}
