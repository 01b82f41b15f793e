// Applies what the watcher saw by running the existing reconcile (narrowed to the settled paths,
// or a full sweep) and turns its outcome into events: the reconcile already matches moves by
// hash, reuses the analysis of identical bytes and writes each document as it completes, so an
// interrupted run keeps what it finished.
import path from 'node:path';
import type { ErrorKind } from '../../../shared/types.js';
import { nfc } from '../../../shared/vietnamese.js';
import { describeError } from '../errors.js';
import { scanWorkspace, type ScanOptions, type ScanReport } from '../scan/reconcile.js';
import { listRoots, type Root } from '../workspace/roots.js';
import type { Workspace } from '../workspace/workspace.js';
import { now, type WatchEvent } from './events.js';

interface Placed {
  rootId: number;
  relPath: string;
}

/** The few reads the watcher needs. */
export class WatchQueries {
  constructor(private readonly ws: Workspace) {}

  documentAt(rootId: number, relPath: string): ReturnType<Workspace['reader']['documents']['atPath']> {
    return this.ws.reader.documents.atPath(rootId, relPath);
  }

  /** Sizes of the documents stored at a file path, or under a folder path. */
  sizesAt(rootId: number, relPath: string, dir: boolean): number[] {
    return this.ws.reader.documents.sizesAt(rootId, relPath, dir);
  }

  documentCount(): number {
    return this.ws.reader.documents.count();
  }

  /** Where every document of these roots is now, by id. */
  placements(rootIds: readonly number[]): Map<string, Placed> {
    const out = new Map<string, Placed>();
    for (const rootId of rootIds) {
      for (const r of this.ws.reader.documents.placements(rootId)) out.set(r.id, { rootId: r.root_id, relPath: r.rel_path });
    }
    return out;
  }
}

export interface ApplyRun {
  roots: readonly Root[];
  options: Pick<ScanOptions, 'only' | 'defer' | 'signal' | 'pool' | 'ocr'>;
}

/**
 * One reconcile over `roots`, emitting `indexed`/`moved` as each file completes and `removed`
 * at the end. Problems the reconcile reports become `error` events (missing roots excepted: the
 * watcher reports those itself).
 */
export async function applyReconcile(ws: Workspace, q: WatchQueries, run: ApplyRun, emit: (e: WatchEvent) => void): Promise<ScanReport> {
  const rootIds = run.roots.map((r) => r.id);
  const before = q.placements(rootIds);
  const abs = (rootId: number, relPath: string): string => nfc(path.join(run.roots.find((r) => r.id === rootId)?.path ?? '', relPath));

  const onFile = (file: string): void => {
    const root = run.roots.find((r) => file.startsWith(r.path + path.sep));
    if (!root) return;
    const relPath = path.relative(root.path, file).split(path.sep).join('/');
    const doc = q.documentAt(root.id, relPath);
    if (!doc) return;
    const was = before.get(doc.id);
    const common = { at: now(), path: nfc(file), root: nfc(root.path), relPath: nfc(relPath), id: doc.id, sha256: doc.sha256 };
    if (was && (was.rootId !== root.id || was.relPath !== relPath)) {
      emit({ event: 'moved', ...common, from: abs(was.rootId, was.relPath) });
    } else {
      const error = doc.error_kind ? { kind: doc.error_kind as ErrorKind, message: doc.error_message ?? '' } : null;
      emit({ event: 'indexed', ...common, error });
    }
  };

  let report: ScanReport;
  try {
    report = await scanWorkspace(ws, {
      ...run.options,
      onProgress: (p) => {
        if (p.phase === 'indexing' && p.path) onFile(p.path);
      },
    });
  } catch (e) {
    emit({ event: 'error', at: now(), path: null, message: `could not update the index: ${describeError(e)}` });
    throw e;
  }

  const after = q.placements(rootIds);
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    const root = run.roots.find((r) => r.id === was.rootId);
    emit({ event: 'removed', at: now(), path: abs(was.rootId, was.relPath), root: nfc(root?.path ?? ''), relPath: nfc(was.relPath), id });
  }
  const rootPaths = new Set(listRoots(ws).map((r) => r.path)); // missing roots: the watcher reports them
  for (const p of report.problems) {
    if (!rootPaths.has(p.path)) emit({ event: 'error', at: now(), path: nfc(p.path), message: p.message });
  }
  return report;
}
