// The `scores` table: a criterion's self-score, its giải trình, and whether it applies to the unit.
import type { Db } from '../database.js';

export interface ScoreRow {
  code: string;
  selfScore: number | null;
  explanation: string | null;
  notApplicable: boolean;
}

interface Stored {
  criterion_code: string;
  self_score: number | null;
  explanation: string | null;
  not_applicable: number;
}

export interface ScoresReader {
  of(code: string): ScoreRow;
  all(): Map<string, ScoreRow>;
}

export interface ScoresWriter {
  set(score: ScoreRow): void;
}

const toScore = (code: string, r: Stored | undefined): ScoreRow => ({
  code,
  selfScore: r?.self_score ?? null,
  explanation: r?.explanation ?? null,
  notApplicable: r?.not_applicable === 1,
});

export function scoresStore(db: Db): { reader: ScoresReader; writer: ScoresWriter } {
  const one = db.prepare('SELECT criterion_code, self_score, explanation, not_applicable FROM scores WHERE criterion_code = ?');
  const all = db.prepare('SELECT criterion_code, self_score, explanation, not_applicable FROM scores');
  const set = db.prepare(
    `INSERT INTO scores(criterion_code, self_score, explanation, not_applicable, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(criterion_code) DO UPDATE SET self_score = excluded.self_score, explanation = excluded.explanation,
       not_applicable = excluded.not_applicable, at = excluded.at`,
  );
  return {
    reader: {
      of: (code) => toScore(code, one.get(code) as Stored | undefined),
      all: () => new Map((all.all() as Stored[]).map((r) => [r.criterion_code, toScore(r.criterion_code, r)])),
    },
    writer: {
      set: (s) => void set.run(s.code, s.selfScore, s.explanation, s.notApplicable ? 1 : 0, new Date().toISOString()),
    },
  };
}
