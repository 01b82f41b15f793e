// What the bundle is made of, read from the workspace: the pack's criteria with self-scores and
// status, and every document with its links to criteria.
import type { CriterionStatus, CriterionStatusJson, DocumentJson } from '../../../shared/types.js';
import { diskPaths } from '../db/disk-path.js';
import { listDocuments } from '../query/documents.js';
import type { Workspace } from '../workspace/workspace.js';
import { computeStatus } from '../completeness/status.js';

/** A criterion as the bundle shows it: its status fields, null where status has no entry. */
export type BundleCriterion = Pick<CriterionStatusJson, 'code' | 'title' | 'parent' | 'maxPoints' | 'selfScore' | 'explanation'> & {
  status: CriterionStatus | null;
  /** Leaf criteria carry the evidence (CONTRACTS.md §3). */
  leaf: boolean;
};

export interface BundleInput {
  unit: string | null;
  year: number | null;
  pack: { id: string; name: string };
  criteria: BundleCriterion[];
  documents: DocumentJson[];
}

export function collectBundleInput(ws: Workspace): BundleInput {
  const pack = ws.pack();
  const settings = ws.settings();
  const parents = new Set(pack.criteria.map((c) => c.parent).filter((p): p is string => p !== null));
  const states = new Map(computeStatus(ws).criteria.map((s) => [s.code, s]));
  const criteria = pack.criteria.map((c): BundleCriterion => {
    const s = states.get(c.code);
    return {
      code: c.code,
      title: c.title,
      parent: c.parent,
      maxPoints: s?.maxPoints ?? c.maxPoints,
      selfScore: s?.selfScore ?? null,
      explanation: s?.explanation ?? null,
      status: s?.status ?? null,
      leaf: !parents.has(c.code),
    };
  });
  return {
    unit: settings.unit,
    year: settings.year ?? pack.year,
    pack: { id: pack.id, name: pack.name },
    criteria,
    documents: onDisk(ws, listDocuments(ws)),
  };
}

/**
 * The documents with `path` as the file is named on disk, since the bundle reads the files (the
 * JSON's NFC path of an NFD name is another file, or none); relPath stays NFC for the names and
 * lists of the bundle.
 */
function onDisk(ws: Workspace, documents: DocumentJson[]): DocumentJson[] {
  const paths = diskPaths(ws.reader);
  return documents.map((d) => ({ ...d, path: paths.get(d.id) ?? d.path }));
}
