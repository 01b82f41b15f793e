// The counts above every screen (`docs:counts`): how many documents, unreadable, unassigned and
// waiting in the confirmation queue. The queue is computed by the same confirmQueue as `docs:queue`,
// so the badge and the queue screen cannot disagree; only the numbers leave the engine.
import type { DocumentCountsJson } from '../../../shared/dashboard.js';
import { listDocuments } from '../query/documents.js';
import type { Workspace } from '../workspace/workspace.js';
import { confirmQueue } from './corrections.js';

export function documentCounts(ws: Workspace): DocumentCountsJson {
  const counts = ws.reader.documents.counts();
  return { total: counts.documents, unreadable: counts.errors, unassigned: counts.unassigned, queue: confirmQueue(ws, listDocuments(ws)).length };
}
