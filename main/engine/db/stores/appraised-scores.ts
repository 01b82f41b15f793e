// The `appraised_scores` table: the unit's copy of the điểm thẩm định per criterion, as the last
// imported decisions file gave it.
import type { Db } from '../database.js';

export interface AppraisedScoreRow {
  code: string;
  points: number;
  note: string | null;
}

export interface AppraisedScoresReader {
  all(): Map<string, AppraisedScoreRow>;
}

export interface AppraisedScoresWriter {
  /** Replaces every appraised score (a decisions file carries them all). */
  replaceAll(rows: readonly AppraisedScoreRow[]): void;
}

export function appraisedScoresStore(db: Db): { reader: AppraisedScoresReader; writer: AppraisedScoresWriter } {
  const all = db.prepare('SELECT criterion_code AS code, points, note FROM appraised_scores');
  const clear = db.prepare('DELETE FROM appraised_scores');
  const insert = db.prepare('INSERT INTO appraised_scores(criterion_code, points, note, at) VALUES (?, ?, ?, ?)');
  return {
    reader: { all: () => new Map((all.all() as AppraisedScoreRow[]).map((r) => [r.code, r])) },
    writer: {
      replaceAll: (rows) =>
        db.transaction(() => {
          clear.run();
          const at = new Date().toISOString();
          for (const r of rows) insert.run(r.code, r.points, r.note, at);
        })(),
    },
  };
}
