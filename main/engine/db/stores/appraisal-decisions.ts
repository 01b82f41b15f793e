// The `appraisal_decisions` table (appraisal workspace): the appraiser's decision on a document
// of a criterion (keyed by its SHA-256 and the code).
import type { AppraisalDecision } from '../../../../shared/appraisal.js';
import type { Db } from '../database.js';

export interface AppraisalDecisionRow {
  sha256: string;
  code: string;
  path: string;
  decision: AppraisalDecision;
  note: string | null;
}

export interface AppraisalDecisionsReader {
  all(): AppraisalDecisionRow[];
}

export interface AppraisalDecisionsWriter {
  set(row: AppraisalDecisionRow): void;
}

export function appraisalDecisionsStore(db: Db): { reader: AppraisalDecisionsReader; writer: AppraisalDecisionsWriter } {
  const all = db.prepare('SELECT sha256, code, path, decision, note FROM appraisal_decisions ORDER BY code, path');
  const set = db.prepare(
    `INSERT INTO appraisal_decisions(sha256, code, path, decision, note, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sha256, code) DO UPDATE SET path = excluded.path, decision = excluded.decision, note = excluded.note, at = excluded.at`,
  );
  return {
    reader: { all: () => all.all() as AppraisalDecisionRow[] },
    writer: { set: (r) => void set.run(r.sha256, r.code, r.path, r.decision, r.note, new Date().toISOString()) },
  };
}
