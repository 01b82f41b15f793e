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
  /** What was skipped, for the app's words: a symbolic link, a name that is not UTF-8. */
  kind?: 'skipped-symlink' | 'name-not-utf8';
}

/**
 * A name's bytes as text: its valid UTF-8 as it is, every other byte as \xNN ("bao-cao-\xFF\xFEA.pdf"),
 * so that a name Linux allows but no text can hold is still shown, and told apart from its neighbours.
 */
export function bytesName(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const seq = len > 0 ? bytes.subarray(i, i + len) : null;
    // One sequence is valid when it decodes and encodes back to the same bytes (no overlong form,
    // no surrogate, no truncated tail).
    const text = seq && seq.length === len ? seq.toString('utf8') : null;
    if (text !== null && !text.includes('\ufffd') && Buffer.from(text, 'utf8').equals(seq as Buffer)) {
      out += text;
      i += len;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

/** A directory entry's name as a string when its bytes are valid UTF-8, else null. */
function utf8Name(bytes: Buffer): string | null {
  const name = bytes.toString('utf8');
  return Buffer.from(name, 'utf8').equals(bytes) ? name : null;
}

function notUtf8Problem(dirAbs: string, bytes: Buffer, isDir: boolean): WalkProblem {
  const shown = bytesName(bytes);
  return {
    path: path.join(dirAbs, shown),
    kind: 'name-not-utf8',
    message:
      `${isDir ? 'folder' : 'file'} name is not valid UTF-8 (bytes ${bytes.toString('hex').replace(/(..)/g, '$1 ').trim()}): skipped. ` +
      `Rename it (for example with convmv, or in the file manager) so that KiemChung can read it.`,
  };
}

async function symlinkProblem(abs: string): Promise<WalkProblem> {
  const target = await fs.readlink(abs).catch(() => null);
  return {
    path: abs,
    kind: 'skipped-symlink',
    message:
      `symbolic link${target !== null ? ` to ${target}` : ''}: skipped, KiemChung does not follow links (they can loop or lead outside the evidence folder). ` +
      `Add the folder it points to as an evidence folder if it holds evidence.`,
  };
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
      const st = await fs.lstat(abs); // like walkRoot: a symbolic link is not followed, it is reported
      if (st.isFile()) files.push({ relPath, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
      else if (st.isSymbolicLink()) problems.push(await symlinkProblem(abs));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push({ path: abs, message: `cannot read file information: ${(e as Error).message}` });
    }
  }
  return { files, problems };
}

/** Files stated at once while listing: enough to hide each stat's latency, few enough for any disk. */
export const STAT_IN_FLIGHT = 32;

/** `f` over `items` with at most `limit` calls in flight; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Walks `root` depth-first. Names are read as bytes: a name that is not valid UTF-8 (Linux allows
 * any bytes) is reported by its bytes, not opened under a mangled name. Symbolic links are not
 * followed (they can loop) and are reported as skipped. Folders are listed first, then every file
 * is stated, STAT_IN_FLIGHT at a time (one by one, 60,000 files took seconds of round trips);
 * the files come out in the same order either way.
 */
export async function walkRoot(root: string, skipDirs: readonly string[] = [], statInFlight = STAT_IN_FLIGHT): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const found: string[] = [];
  const problems: WalkProblem[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const abs = path.join(root, rel);
    let entries: import('node:fs').Dirent<Buffer>[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      problems.push({ path: abs, message: `cannot list folder: ${(e as Error).message}` });
      continue;
    }
    for (const entry of entries) {
      const name = utf8Name(entry.name);
      if (name === null) {
        if (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()) problems.push(notUtf8Problem(abs, entry.name, entry.isDirectory()));
        continue;
      }
      if (isIgnoredName(name)) continue;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (entry.isDirectory()) {
        if (!skipDirs.includes(path.join(root, childRel))) stack.push(childRel);
      } else if (entry.isFile()) {
        found.push(childRel);
      } else if (entry.isSymbolicLink()) {
        problems.push(await symlinkProblem(path.join(root, childRel)));
      }
    }
  }
  const stated = await mapLimit(found, Math.max(1, statInFlight), async (relPath): Promise<WalkedFile | WalkProblem> => {
    const abs = path.join(root, relPath);
    try {
      const st = await fs.stat(abs);
      return { relPath, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) };
    } catch (e) {
      return { path: abs, message: `cannot read file information: ${(e as Error).message}` };
    }
  });
  const files: WalkedFile[] = [];
  for (const s of stated) {
    if ('relPath' in s) files.push(s);
    else problems.push(s);
  }
  return { files, problems };
}
