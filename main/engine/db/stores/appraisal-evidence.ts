// The `appraisal_evidence` table (appraisal workspace): every evidence item of every round's
// manifest (its facts kept as the manifest's JSON), what it answers, and when it was withdrawn.
import type { Db } from '../database.js';

export interface AppraisalEvidenceRow {
  round: number;
  code: string;
  path: string;
  sha256: string;
  /** The manifest's evidence item, as JSON. */
  json: string;
  /** Request ids it answers, as a JSON array. */
  answers: string;
  withdrawn_round: number | null;
}

export interface AppraisalEvidenceReader {
  all(): AppraisalEvidenceRow[];
}

export interface AppraisalEvidenceWriter {
  put(row: Omit<AppraisalEvidenceRow, 'withdrawn_round'>): void;
  withdraw(code: string, path: string, round: number): void;
}

export function appraisalEvidenceStore(db: Db): { reader: AppraisalEvidenceReader; writer: AppraisalEvidenceWriter } {
  const all = db.prepare('SELECT round, code, path, sha256, json, answers, withdrawn_round FROM appraisal_evidence ORDER BY code, path');
  const put = db.prepare(
    `INSERT INTO appraisal_evidence(round, code, path, sha256, json, answers) VALUES (@round, @code, @path, @sha256, @json, @answers)
     ON CONFLICT(code, path) DO UPDATE SET round = excluded.round, sha256 = excluded.sha256, json = excluded.json, answers = excluded.answers, withdrawn_round = NULL`,
  );
  const withdraw = db.prepare('UPDATE appraisal_evidence SET withdrawn_round = ? WHERE code = ? AND path = ? AND withdrawn_round IS NULL');
  return {
    reader: { all: () => all.all() as AppraisalEvidenceRow[] },
    writer: {
      put: (row) => void put.run(row),
      withdraw: (code, path, round) => void withdraw.run(round, code, path),
    },
  };
}
