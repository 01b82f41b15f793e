// The `corrections` table: header fields a person set or cleared by hand, keyed by the file's
// sha256 and the field (value null = cleared on purpose). The documents store reads them over
// what recognition found, so classification, completeness and every view see the correction.
import type { HeaderFieldName } from '../../../../shared/types.js';
import type { Db } from '../database.js';

export interface CorrectionRow {
  sha256: string;
  field: HeaderFieldName;
  value: string | null;
  actor: string;
  at: string;
}

export interface CorrectionsReader {
  of(sha256: string): CorrectionRow[];
}

export interface CorrectionsWriter {
  set(sha256: string, field: HeaderFieldName, value: string | null, actor: string): void;
}

export function correctionsStore(db: Db): { reader: CorrectionsReader; writer: CorrectionsWriter } {
  const of = db.prepare('SELECT sha256, field, value, actor, at FROM corrections WHERE sha256 = ? ORDER BY field');
  const set = db.prepare(
    `INSERT INTO corrections(sha256, field, value, actor, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(sha256, field) DO UPDATE SET value = excluded.value, actor = excluded.actor, at = excluded.at`,
  );
  return {
    reader: { of: (sha256) => of.all(sha256) as CorrectionRow[] },
    writer: { set: (sha256, field, value, actor) => void set.run(sha256, field, value, actor, new Date().toISOString()) },
  };
}

const FIELDS: readonly HeaderFieldName[] = ['number', 'type', 'issuer', 'place', 'date', 'title'];

/**
 * The corrections of every content as one row per sha256 (has_X, X for each field, and `fields`,
 * the corrected field names), to LEFT JOIN as `k` on a document's sha256.
 */
export const CORRECTIONS_PIVOT = `(SELECT sha256, ${FIELDS.map(
  (f) => `MAX(field = '${f}') AS has_${f}, MAX(CASE WHEN field = '${f}' THEN value END) AS ${f}`,
).join(', ')}, group_concat(field) AS fields FROM corrections GROUP BY sha256)`;

/** A document's field with its correction over it (d = documents, k = CORRECTIONS_PIVOT). */
export const corrected = (field: HeaderFieldName): string => `CASE WHEN k.has_${field} THEN k.${field} ELSE d.${field} END`;
