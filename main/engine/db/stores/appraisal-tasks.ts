// The `appraisal_tasks` table: the appraiser's requests (giải trình / bổ sung) as the unit's open
// tasks on their criteria, until a supplement bundle answers them.
import type { RequestKind } from '../../../../shared/appraisal.js';
import type { Db } from '../database.js';

export interface AppraisalTaskRow {
  id: string;
  code: string;
  kind: RequestKind;
  note: string;
  due: string | null;
  round: number;
  requested_at: string;
  bundle_sha256: string;
  answered_sha256: string | null;
  answered_at: string | null;
}

export interface AppraisalTasksReader {
  all(): AppraisalTaskRow[];
  open(): AppraisalTaskRow[];
}

export interface AppraisalTasksWriter {
  /** Adds a request, or updates its wording; an answer already recorded is kept. */
  upsert(row: Omit<AppraisalTaskRow, 'answered_sha256' | 'answered_at'>): void;
  answer(id: string, sha256: string, at: string): void;
}

export function appraisalTasksStore(db: Db): { reader: AppraisalTasksReader; writer: AppraisalTasksWriter } {
  const cols = 'id, criterion_code AS code, kind, note, due, round, requested_at, bundle_sha256, answered_sha256, answered_at';
  const all = db.prepare(`SELECT ${cols} FROM appraisal_tasks ORDER BY round, id`);
  const open = db.prepare(`SELECT ${cols} FROM appraisal_tasks WHERE answered_sha256 IS NULL ORDER BY round, id`);
  const upsert = db.prepare(
    `INSERT INTO appraisal_tasks(id, criterion_code, kind, note, due, round, requested_at, bundle_sha256)
     VALUES (@id, @code, @kind, @note, @due, @round, @requested_at, @bundle_sha256)
     ON CONFLICT(id) DO UPDATE SET criterion_code = excluded.criterion_code, kind = excluded.kind, note = excluded.note, due = excluded.due`,
  );
  const answer = db.prepare('UPDATE appraisal_tasks SET answered_sha256 = ?, answered_at = ? WHERE id = ? AND answered_sha256 IS NULL');
  return {
    reader: { all: () => all.all() as AppraisalTaskRow[], open: () => open.all() as AppraisalTaskRow[] },
    writer: {
      upsert: (row) => void upsert.run(row),
      answer: (id, sha, at) => void answer.run(sha, at, id),
    },
  };
}
