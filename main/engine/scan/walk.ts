// Lists the files of an evidence root. Read-only: nothing in the user's folders is touched.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface WalkedFile {
  /** Relative to the root, forward slashes, exactly as named on disk (JSON output is NFC'd later). */
  relPath: string;
  size: number;
  mtimeMs: number;
}

export interface WalkProblem {
  path: string;
  message: string;
}

// Office suites' lock files, partial downloads and OS metadata: never evidence.
const IGNORED_NAME = /^(~\$.*|\.~lock.*|.*\.tmp|.*\.part|.*\.crdownload|thumbs\.db|desktop\.ini|\.ds_store)$/i;

export function isIgnoredName(name: string): boolean {
  return IGNORED_NAME.test(name) || name.startsWith('.');
}

/** Part of a root for a narrow reconcile (the watcher's): some files, and folders that vanished. */
export interface RootScope {
  rootId: number;
  /** Only these files (relative, forward slashes); omitted: the whole root. */
  relPaths?: readonly string[];
  /** Folders (relative) that disappeared: every document under them is in scope too. */
  removedDirs?: readonly string[];
}

/** Tells whether a document at a relative path belongs to the scope (no scope: everything does). */
export function scopeMatcher(scope: RootScope | undefined): (relPath: string) => boolean {
  if (!scope?.relPaths) return () => true;
  const files = new Set(scope.relPaths);
  const dirs = (scope.removedDirs ?? []).map((d) => `${d}/`);
  return (relPath) => files.has(relPath) || dirs.some((d) => relPath.startsWith(d));
}

/** Lists only the given files of `root` (a narrow reconcile); files that are gone are left out. */
export async function statPaths(root: string, relPaths: readonly string[]): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  for (const relPath of new Set(relPaths)) {
    if (relPath.split('/').some(isIgnoredName)) continue;
    const abs = path.join(root, relPath);
    try {
      const st = await fs.lstat(abs); // like walkRoot: a symbolic link is not followed
      if (st.isFile()) files.push({ relPath, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push({ path: abs, message: `cannot read file information: ${(e as Error).message}` });
    }
  }
  return { files, problems };
}

/** Walks `root` depth-first; symbolic links are not followed (they can loop). */
export async function walkRoot(root: string, skipDirs: readonly string[] = []): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const abs = path.join(root, rel);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: abs, message: `cannot list folder: ${(e as Error).message}` });
      continue;
    }
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const childAbs = path.join(root, childRel);
      if (entry.isDirectory()) {
        if (!skipDirs.includes(childAbs)) stack.push(childRel);
      } else if (entry.isFile()) {
        try {
          const st = await fs.stat(childAbs);
          files.push({ relPath: childRel, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
        } catch (e) {
          problems.push({ path: childAbs, message: `cannot read file information: ${(e as Error).message}` });
        }
      }
    }
  }
  return { files, problems };
}
