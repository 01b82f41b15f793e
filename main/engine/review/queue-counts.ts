// The counts above every screen (`docs:counts`): how many documents, unreadable, unassigned and
// waiting in the confirmation queue. The queue is counted without building its rows (issue 13:
// building every row took seconds at 5,000 documents): the linked, readable documents' number,
// date, provenance and corrections are read in one query and decided by the same confirmReasons
// as `docs:queue`, so the badge and the queue screen cannot disagree.
import type { DocumentCountsJson } from '../../../shared/dashboard.js';
import { fieldsWithCorrections } from '../query/documents.js';
import type { Workspace } from '../workspace/workspace.js';
import { confirmReasons } from './corrections.js';

/** How many documents the confirmation queue holds: `confirmQueue(ws, listDocuments(ws)).length`. */
export function queueCount(ws: Workspace): number {
  const year = ws.settings().year ?? ws.pack().year;
  const cleared = new Set<string>();
  let n = 0;
  for (const r of ws.reader.documents.queueFacts()) {
    const d = { number: r.number, date: r.date, fields: fieldsWithCorrections(r) };
    if (confirmReasons(ws, r.sha256, d, year, cleared).length > 0) n++;
  }
  return n;
}

export function documentCounts(ws: Workspace): DocumentCountsJson {
  const counts = ws.reader.documents.counts();
  return { total: counts.documents, unreadable: counts.errors, unassigned: counts.unassigned, queue: queueCount(ws) };
}
