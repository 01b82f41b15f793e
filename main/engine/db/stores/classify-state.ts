// The `classify_dirty` and `classify_state` tables (schema 4): which documents classification has
// still to re-link, or whether it must re-link everything. Triggers fill them (see the migration);
// classification reads and clears them inside its own transaction.
import type { Db } from '../database.js';

export interface ClassifyPending {
  /** Everything must be re-linked: a pack, setting or root changed, or the classifier is newer. */
  all: boolean;
  /** Otherwise these documents (new, changed, moved, recognised again, or a manual decision). */
  ids: string[];
}

export interface ClassifyStateReader {
  /** What is pending for a classifier of version `classifier`. */
  pending(classifier: number): ClassifyPending;
  /** Whether anything is pending (cheap: no id list). */
  anyPending(classifier: number): boolean;
  /** Links and notes over every document (what a full run would report). */
  totals(): ClassifyTotals;
}

export interface ClassifyStateWriter {
  /** Everything was re-linked by a classifier of version `classifier`. */
  markAllClean(classifier: number): void;
  /** These documents were re-linked. */
  markClean(ids: readonly string[]): void;
  /** Re-link everything at the next classification (e.g. the pack's content changed in place). */
  markAllDirty(): void;
}

interface StateRow {
  all_dirty: number;
  classifier: number;
}

export function classifyStateStore(db: Db): { reader: ClassifyStateReader; writer: ClassifyStateWriter } {
  const state = db.prepare('SELECT all_dirty, classifier FROM classify_state WHERE id = 1');
  const dirtyIds = db.prepare('SELECT document_id FROM classify_dirty').pluck();
  const anyDirty = db.prepare('SELECT EXISTS (SELECT 1 FROM classify_dirty)').pluck();
  const allClean = db.prepare('UPDATE classify_state SET all_dirty = 0, classifier = ?, at = ? WHERE id = 1');
  const clearDirty = db.prepare('DELETE FROM classify_dirty');
  const cleanOne = db.prepare('DELETE FROM classify_dirty WHERE document_id = ?');
  const allDirty = db.prepare('UPDATE classify_state SET all_dirty = 1 WHERE id = 1');
  const isAll = (classifier: number): boolean => {
    const row = state.get() as StateRow | undefined;
    return !row || row.all_dirty === 1 || row.classifier !== classifier;
  };
  return {
    reader: {
      pending: (classifier) => (isAll(classifier) ? { all: true, ids: [] } : { all: false, ids: dirtyIds.all() as string[] }),
      anyPending: (classifier) => isAll(classifier) || anyDirty.get() === 1,
      totals: classifyTotals(db),
    },
    writer: {
      markAllClean: (classifier) => {
        clearDirty.run();
        allClean.run(classifier, new Date().toISOString());
      },
      markClean: (ids) => {
        for (const id of ids) cleanOne.run(id);
      },
      markAllDirty: () => void allDirty.run(),
    },
  };
}

/** Links and notes over every document, as a full classification run reports them. */
export interface ClassifyTotals {
  documents: number;
  linked: number;
  unassigned: number;
  links: number;
  notes: number;
}

export function classifyTotals(db: Db): () => ClassifyTotals {
  const q = db.prepare(
    `SELECT (SELECT count(*) FROM documents) AS documents,
            (SELECT count(DISTINCT document_id) FROM links) AS linked,
            (SELECT count(*) FROM links) AS links,
            (SELECT count(*) FROM classify_notes) AS notes`,
  );
  return () => {
    const r = q.get() as Omit<ClassifyTotals, 'unassigned'>;
    return { ...r, unassigned: r.documents - r.linked };
  };
}
