// The `appraisal_criteria` table (appraisal workspace): the criteria of the bundle's manifest with
// the unit's self-score, giải trình and status, as the latest round stated them.
import type { Db } from '../database.js';

export interface AppraisalCriterionRow {
  code: string;
  position: number;
  title: string;
  max_points: number | null;
  self_score: number | null;
  explanation: string | null;
  status: string | null;
  round: number;
}

export interface AppraisalCriteriaReader {
  all(): AppraisalCriterionRow[];
}

export interface AppraisalCriteriaWriter {
  put(row: AppraisalCriterionRow): void;
}

export function appraisalCriteriaStore(db: Db): { reader: AppraisalCriteriaReader; writer: AppraisalCriteriaWriter } {
  const cols = 'code, position, title, max_points, self_score, explanation, status, round';
  const all = db.prepare(`SELECT ${cols} FROM appraisal_criteria ORDER BY position`);
  const put = db.prepare(
    `INSERT INTO appraisal_criteria(${cols}) VALUES (@code, @position, @title, @max_points, @self_score, @explanation, @status, @round)
     ON CONFLICT(code) DO UPDATE SET position = excluded.position, title = excluded.title, max_points = excluded.max_points,
       self_score = excluded.self_score, explanation = excluded.explanation, status = excluded.status, round = excluded.round`,
  );
  return {
    reader: { all: () => all.all() as AppraisalCriterionRow[] },
    writer: { put: (row) => void put.run(row) },
  };
}
