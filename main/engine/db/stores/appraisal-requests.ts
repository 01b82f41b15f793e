// The `appraisal_requests` table (appraisal workspace): requests for a giải trình or a supplement
// per criterion, with the round whose supplement answered them.
import type { RequestKind } from '../../../../shared/appraisal.js';
import type { Db } from '../database.js';

export interface AppraisalRequestRow {
  id: string;
  code: string;
  kind: RequestKind;
  note: string;
  due: string | null;
  round: number;
  created_at: string;
  answered_round: number | null;
  /** JSON: the answer the supplement's manifest gave ({evidence, explanation}). */
  answer: string | null;
}

export interface AppraisalRequestsReader {
  all(): AppraisalRequestRow[];
}

export interface AppraisalRequestsWriter {
  add(row: Omit<AppraisalRequestRow, 'answered_round' | 'answer'>): void;
  answer(id: string, round: number, answer: string): void;
}

export function appraisalRequestsStore(db: Db): { reader: AppraisalRequestsReader; writer: AppraisalRequestsWriter } {
  const all = db.prepare('SELECT id, code, kind, note, due, round, created_at, answered_round, answer FROM appraisal_requests ORDER BY created_at, id');
  const add = db.prepare('INSERT INTO appraisal_requests(id, code, kind, note, due, round, created_at) VALUES (@id, @code, @kind, @note, @due, @round, @created_at)');
  const answer = db.prepare('UPDATE appraisal_requests SET answered_round = ?, answer = ? WHERE id = ? AND answered_round IS NULL');
  return {
    reader: { all: () => all.all() as AppraisalRequestRow[] },
    writer: {
      add: (row) => void add.run(row),
      answer: (id, round, a) => void answer.run(round, a, id),
    },
  };
}
