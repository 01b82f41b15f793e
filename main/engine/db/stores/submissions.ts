// The `submissions` table: every bundle the unit exported (đợt, date, counts, SHA-256, path, the
// bundle it supplements).
import type { Db } from '../database.js';

export interface SubmissionRow {
  id: number;
  batch: string;
  created_at: string;
  sha256: string;
  path: string;
  bytes: number;
  since_sha256: string | null;
  criteria: number;
  documents: number;
  withdrawn: number;
  answers: number;
}

export interface SubmissionsReader {
  /** Oldest first. */
  all(): SubmissionRow[];
  bySha(sha256: string): SubmissionRow | undefined;
}

export interface SubmissionsWriter {
  add(row: Omit<SubmissionRow, 'id'>): number;
}

export function submissionsStore(db: Db): { reader: SubmissionsReader; writer: SubmissionsWriter } {
  const cols = 'id, batch, created_at, sha256, path, bytes, since_sha256, criteria, documents, withdrawn, answers';
  const all = db.prepare(`SELECT ${cols} FROM submissions ORDER BY id`);
  const bySha = db.prepare(`SELECT ${cols} FROM submissions WHERE sha256 = ?`);
  // The same bytes exported again (nothing changed, same clock) stay one submission, at its latest path.
  const add = db.prepare(
    `INSERT INTO submissions(batch, created_at, sha256, path, bytes, since_sha256, criteria, documents, withdrawn, answers)
     VALUES (@batch, @created_at, @sha256, @path, @bytes, @since_sha256, @criteria, @documents, @withdrawn, @answers)
     ON CONFLICT(sha256) DO UPDATE SET path = excluded.path RETURNING id`,
  );
  return {
    reader: {
      all: () => all.all() as SubmissionRow[],
      bySha: (sha) => bySha.get(sha) as SubmissionRow | undefined,
    },
    writer: { add: (row) => (add.get(row) as { id: number }).id },
  };
}
