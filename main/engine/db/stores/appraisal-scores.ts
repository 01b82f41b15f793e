// The `appraisal_scores` table (appraisal workspace): the điểm thẩm định per criterion.
import type { Db } from '../database.js';

export interface AppraisalScoreRow {
  code: string;
  points: number;
  note: string | null;
}

export interface AppraisalScoresReader {
  all(): Map<string, AppraisalScoreRow>;
}

export interface AppraisalScoresWriter {
  set(row: AppraisalScoreRow): void;
}

export function appraisalScoresStore(db: Db): { reader: AppraisalScoresReader; writer: AppraisalScoresWriter } {
  const all = db.prepare('SELECT code, points, note FROM appraisal_scores');
  const set = db.prepare(
    'INSERT INTO appraisal_scores(code, points, note, at) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET points = excluded.points, note = excluded.note, at = excluded.at',
  );
  return {
    reader: { all: () => new Map((all.all() as AppraisalScoreRow[]).map((r) => [r.code, r])) },
    writer: { set: (r) => void set.run(r.code, r.points, r.note, new Date().toISOString()) },
  };
}
