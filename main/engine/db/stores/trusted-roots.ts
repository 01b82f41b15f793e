// The `trusted_roots` table (schema 9): root (or intermediate) certificates the user trusts.
import type { Db } from '../database.js';

export interface TrustedRootRow {
  sha256: string;
  subject: string;
  issuer: string;
  not_before: string;
  not_after: string;
  added_at: string;
  der: Buffer;
}

export interface TrustedRootsReader {
  /** Every root, oldest first. */
  all(): TrustedRootRow[];
  get(sha256: string): TrustedRootRow | undefined;
}

export interface TrustedRootsWriter {
  /** False when the certificate was already trusted (the row is kept as it was). */
  add(row: TrustedRootRow): boolean;
  /** False when no root has that SHA-256. */
  remove(sha256: string): boolean;
}

export function trustedRootsStore(db: Db): { reader: TrustedRootsReader; writer: TrustedRootsWriter } {
  const all = db.prepare('SELECT * FROM trusted_roots ORDER BY added_at, sha256');
  const get = db.prepare('SELECT * FROM trusted_roots WHERE sha256 = ?');
  const insert = db.prepare(`
    INSERT INTO trusted_roots(sha256, subject, issuer, not_before, not_after, added_at, der)
    VALUES (@sha256, @subject, @issuer, @not_before, @not_after, @added_at, @der)
    ON CONFLICT(sha256) DO NOTHING`);
  const remove = db.prepare('DELETE FROM trusted_roots WHERE sha256 = ?');
  return {
    reader: {
      all: () => all.all() as TrustedRootRow[],
      get: (sha256) => get.get(sha256) as TrustedRootRow | undefined,
    },
    writer: {
      add: (row) => insert.run(row).changes > 0,
      remove: (sha256) => remove.run(sha256).changes > 0,
    },
  };
}
