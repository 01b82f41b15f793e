// The `appraisal_rounds` table (appraisal workspace): each bundle opened, round 1 the first bundle,
// round 2… its supplements (`export --since`), in order.
import type { Db } from '../database.js';

export interface AppraisalRoundRow {
  round: number;
  sha256: string;
  file: string;
  path: string;
  created_at: string | null;
  opened_at: string;
  since_sha256: string | null;
  batch: string | null;
  unit: string | null;
  year: number | null;
  pack_id: string;
  pack_name: string;
}

export interface AppraisalRoundsReader {
  all(): AppraisalRoundRow[];
  bySha(sha256: string): AppraisalRoundRow | undefined;
}

export interface AppraisalRoundsWriter {
  add(row: AppraisalRoundRow): void;
}

export function appraisalRoundsStore(db: Db): { reader: AppraisalRoundsReader; writer: AppraisalRoundsWriter } {
  const cols = 'round, sha256, file, path, created_at, opened_at, since_sha256, batch, unit, year, pack_id, pack_name';
  const all = db.prepare(`SELECT ${cols} FROM appraisal_rounds ORDER BY round`);
  const bySha = db.prepare(`SELECT ${cols} FROM appraisal_rounds WHERE sha256 = ?`);
  const add = db.prepare(
    `INSERT INTO appraisal_rounds(${cols}) VALUES (@round, @sha256, @file, @path, @created_at, @opened_at, @since_sha256, @batch, @unit, @year, @pack_id, @pack_name)`,
  );
  return {
    reader: { all: () => all.all() as AppraisalRoundRow[], bySha: (sha) => bySha.get(sha) as AppraisalRoundRow | undefined },
    writer: { add: (row) => void add.run(row) },
  };
}
