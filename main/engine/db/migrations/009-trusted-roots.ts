// Schema 9: the root certificates the user chose to trust in this workspace (issue 14). None are
// shipped: a signature's chain reads "trusted" only when it leads to one of these. Keyed by the
// SHA-256 of the DER, so the same certificate added twice (as PEM and as DER) is one row.
import type { Migration } from './types.js';

export const migration009: Migration = {
  version: 9,
  name: 'trusted-roots',
  up: `
    CREATE TABLE trusted_roots (
      sha256     TEXT PRIMARY KEY,
      subject    TEXT NOT NULL,
      issuer     TEXT NOT NULL,
      not_before TEXT NOT NULL,
      not_after  TEXT NOT NULL,
      added_at   TEXT NOT NULL,
      der        BLOB NOT NULL
    ) STRICT;
  `,
};
