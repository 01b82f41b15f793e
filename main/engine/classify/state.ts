// Classification of what changed only (CLASSIFIER_VERSION lives in classify.ts). The database keeps what is pending (db/stores/
// classify-state.ts, filled by triggers: documents written, manual decisions, pack, settings and
// root changes), so this holds across processes: the CLI scans, the app opens, nothing is lost.
// A document's links depend only on itself (path, root name, recognised type, subject and text),
// its bytes' manual decisions and the pack, so re-linking the dirty documents gives what a full
// run gives (test/integration/classify-incremental.test.ts compares both).
import type { Workspace } from '../workspace/workspace.js';
import { CLASSIFIER_VERSION, classifyWorkspace, type ClassifyReport } from './classify.js';

export { CLASSIFIER_VERSION };

export type ClassifyMode = 'skipped' | 'some' | 'all';

/** Totals over every document after the run, as a full run reports them, and what it re-linked. */
export type PendingClassifyReport = ClassifyReport & { mode: ClassifyMode; relinked: number };

/** Whether a classification is pending (a scan that found nothing new skips it). */
export function classificationPending(ws: Workspace): boolean {
  return ws.reader.classifyState.anyPending(CLASSIFIER_VERSION);
}

/** Re-link what is pending: nothing, some documents, or everything. */
export function classifyPending(ws: Workspace): PendingClassifyReport {
  const pending = ws.reader.classifyState.pending(CLASSIFIER_VERSION);
  if (pending.all) {
    const r = classifyWorkspace(ws);
    return { ...r, mode: 'all', relinked: r.documents };
  }
  const relinked = pending.ids.length > 0 ? classifyWorkspace(ws, pending.ids).documents : 0;
  return { ...ws.reader.classifyState.totals(), mode: relinked > 0 || pending.ids.length > 0 ? 'some' : 'skipped', relinked };
}

/**
 * Re-link these documents now (e.g. after a correction to their header, or a manual decision):
 * the confirmation queue's entry point. Unknown ids are ignored.
 */
export function reclassify(ws: Workspace, documentIds: readonly string[]): ClassifyReport {
  return classifyWorkspace(ws, documentIds);
}
