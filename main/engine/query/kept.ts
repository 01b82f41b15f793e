// What the engine computed from the database, kept until the database changes (its change stamp:
// db/data.ts, changeStamp). The status, the duplicate groups and a criterion's documents of a
// 60,000-document workspace take a while to compute; the app asks for them again and again
// between writes. Kept per workspace connection, a few entries per kind; a value read inside a
// transaction (the stamp is null there) is never kept.
import type { Workspace } from '../workspace/workspace.js';

interface Entry {
  stamp: string;
  value: unknown;
}

/** At most this many entries per workspace (the status, the duplicates, a few criteria's documents). */
const MAX_ENTRIES = 16;

const byWorkspace = new WeakMap<Workspace, Map<string, Entry>>();

/**
 * `compute()`'s value, or the one computed for `key` while the database was as it is now. The
 * value is shared by every caller until the next write: callers must not change it.
 */
export function kept<T>(ws: Workspace, key: string, compute: () => T): T {
  const stamp = ws.reader.changeStamp();
  if (stamp === null) return compute();
  let entries = byWorkspace.get(ws);
  if (!entries) byWorkspace.set(ws, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last: the oldest entry is the one dropped.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  // Computing only reads: the stamp is the same after, unless another process wrote meanwhile
  // (then the value may mix both states, and is not kept).
  if (ws.reader.changeStamp() !== stamp) return value;
  entries.delete(key);
  entries.set(key, { stamp, value });
  for (const old of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(old);
  }
  return value;
}

/** Forget what is kept for `ws` (tests, and a caller that changed files the stamp cannot see). */
export function forgetKept(ws: Workspace): void {
  byWorkspace.delete(ws);
}
