// The appraiser's rejections, as the last imported decisions file gave them (issue 15): keyed by
// criterion code and the unit's document id. The appraisal names documents by content, so every
// copy of the rejected bytes linked to that criterion is rejected there.
import type { AppraisalDecision } from '../../../shared/appraisal.js';
import type { Workspace } from '../workspace/workspace.js';

export interface AppraisalVerdict {
  decision: AppraisalDecision;
  note: string | null;
}

export type AppraisalRejections = Map<string, AppraisalVerdict>;

export const rejectionKey = (code: string, documentId: string): string => `${code}\n${documentId}`;

export function appraisalRejections(ws: Workspace): AppraisalRejections {
  const out: AppraisalRejections = new Map();
  for (const d of ws.reader.appraisedDocuments.all()) {
    if (d.decision !== 'rejected') continue;
    for (const id of ws.reader.documents.idsWithSha(d.sha256)) out.set(rejectionKey(d.code, id), { decision: d.decision, note: d.note });
  }
  return out;
}
