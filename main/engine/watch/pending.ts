// Paths the watcher has seen change and not yet applied, with our own stability tracking:
// chokidar's awaitWriteFinish fires early when a writer pauses and is unreliable on Windows, so a
// file counts as finished only once its size and mtime stayed the same for the whole window.
//
// Removals are held back while other files are still settling, and settled files whose size
// matches a held removal wait for it: a folder rename arrives as adds and unlinks in any order
// (adds often first), and both halves must reach the same reconcile for the move to be matched
// by hash (the document keeps its id) instead of becoming a removal plus a new document.
import type { RootScope } from '../scan/walk.js';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface FileEntry {
  kind: 'file';
  rootId: number;
  relPath: string;
  stamp: FileStamp | null;
  /** Last time an event arrived or a stat differed from the previous one. */
  changedAt: number;
}

interface GoneEntry {
  kind: 'gone';
  rootId: number;
  relPath: string;
  dir: boolean;
  seenAt: number;
  /** Sizes of the documents that lived there: a settled file of one of these sizes may be their move. */
  sizes: number[];
}

type Entry = FileEntry | GoneEntry;

export interface PendingOptions {
  stabilityMs: number;
  /** Longest a removal waits for other files to settle before it is applied anyway. */
  holdMs: number;
  stat: (rootId: number, relPath: string) => FileStamp | null;
}

const keyOf = (rootId: number, relPath: string): string => `${rootId}\u0000${relPath}`;
const sameStamp = (a: FileStamp | null, b: FileStamp | null): boolean =>
  a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs);

export class PendingSet {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: PendingOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** An add or change event (or a file the sweep found still being written). */
  touch(rootId: number, relPath: string, now: number): void {
    const key = keyOf(rootId, relPath);
    const entry = this.entries.get(key);
    if (entry?.kind === 'file') {
      entry.changedAt = now;
      return;
    }
    this.entries.set(key, { kind: 'file', rootId, relPath, stamp: this.options.stat(rootId, relPath), changedAt: now });
  }

  /**
   * An unlink (or unlinkDir) event. `sizes` are the sizes of the documents stored there; with
   * none, nothing was ever indexed there and only pending files under it are forgotten.
   */
  gone(rootId: number, relPath: string, dir: boolean, sizes: number[], now: number): void {
    if (dir) {
      const prefix = `${relPath}/`;
      for (const [key, e] of this.entries) if (e.rootId === rootId && e.relPath.startsWith(prefix)) this.entries.delete(key);
    }
    const key = keyOf(rootId, relPath);
    if (sizes.length === 0) this.entries.delete(key);
    else this.entries.set(key, { kind: 'gone', rootId, relPath, dir, seenAt: now, sizes });
  }

  /** True when a path waits here (itself, or under a folder that vanished): sweeps leave it alone. */
  has(rootId: number, relPath: string): boolean {
    if (this.entries.has(keyOf(rootId, relPath))) return true;
    for (const e of this.entries.values()) {
      if (e.kind === 'gone' && e.dir && e.rootId === rootId && relPath.startsWith(`${e.relPath}/`)) return true;
    }
    return false;
  }

  dropRoot(rootId: number): void {
    for (const [key, e] of this.entries) if (e.rootId === rootId) this.entries.delete(key);
  }

  isEmpty(): boolean {
    return this.entries.size === 0;
  }

  /** True when take() would return something now (without taking it). */
  hasReady(now: number): boolean {
    return this.select(now) !== null;
  }

  /**
   * Re-stats every waiting file, then takes out what is ready to apply, grouped by root.
   * Returns null when nothing is ready yet.
   */
  take(now: number): RootScope[] | null {
    const ready = this.select(now);
    if (!ready) return null;
    const scopes = new Map<number, { rootId: number; relPaths: string[]; removedDirs: string[] }>();
    const scopeOf = (rootId: number): { rootId: number; relPaths: string[]; removedDirs: string[] } => {
      let s = scopes.get(rootId);
      if (!s) scopes.set(rootId, (s = { rootId, relPaths: [], removedDirs: [] }));
      return s;
    };
    for (const f of ready.files) {
      scopeOf(f.rootId).relPaths.push(f.relPath);
      this.entries.delete(keyOf(f.rootId, f.relPath));
    }
    for (const g of ready.removals) {
      if (g.dir) scopeOf(g.rootId).removedDirs.push(g.relPath);
      else scopeOf(g.rootId).relPaths.push(g.relPath);
      this.entries.delete(keyOf(g.rootId, g.relPath));
    }
    return [...scopes.values()];
  }

  private select(now: number): { files: FileEntry[]; removals: GoneEntry[] } | null {
    const { stabilityMs, holdMs, stat } = this.options;
    const settled: FileEntry[] = [];
    const gone: GoneEntry[] = [];
    let unsettled = 0;
    for (const e of this.entries.values()) {
      if (e.kind === 'gone') {
        gone.push(e);
        continue;
      }
      const stamp = stat(e.rootId, e.relPath);
      if (!sameStamp(stamp, e.stamp)) {
        e.stamp = stamp;
        e.changedAt = now;
      }
      if (now - e.changedAt >= stabilityMs) settled.push(e);
      else unsettled++;
    }
    let files = settled;
    let removals: GoneEntry[] = [];
    const oldestGone = Math.min(...gone.map((g) => g.seenAt));
    if (gone.length > 0 && unsettled > 0 && now - oldestGone < holdMs) {
      // Something is still moving: keep removals, and files that could be their other half.
      const sizes = new Set(gone.flatMap((g) => g.sizes));
      files = settled.filter((f) => f.stamp === null || !sizes.has(f.stamp.size));
    } else if (gone.length > 0 && (settled.length > 0 || now - oldestGone >= stabilityMs)) {
      removals = gone;
    }
    return files.length === 0 && removals.length === 0 ? null : { files, removals };
  }
}
