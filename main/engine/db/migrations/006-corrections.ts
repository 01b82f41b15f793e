// Schema 4: what a person corrected by hand, and what recognition read but did not trust.
// corrections: keyed by the file's sha256 and the field, so a correction holds for the same bytes
// wherever they are filed (renames, moves, copies, rescans, OCR upgrades); value NULL is an
// explicit clear (the field is known to be blank). suggestions: the best reading of a field left
// blank below its confidence bar, per document (a file name can suggest a number), rewritten with
// the document's row.
import type { Migration } from './types.js';

export const migration006: Migration = {
  version: 6,
  name: 'corrections',
  up: `
    CREATE TABLE corrections (
      sha256 TEXT NOT NULL,
      field  TEXT NOT NULL CHECK (field IN ('number', 'date', 'type', 'issuer', 'place', 'title')),
      value  TEXT,
      actor  TEXT NOT NULL,
      at     TEXT NOT NULL,
      PRIMARY KEY (sha256, field)
    ) STRICT;

    CREATE TABLE suggestions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      field       TEXT NOT NULL CHECK (field IN ('number', 'date', 'type', 'issuer', 'place', 'title')),
      value       TEXT NOT NULL,
      source      TEXT NOT NULL,
      confidence  REAL NOT NULL,
      reason      TEXT NOT NULL,
      PRIMARY KEY (document_id, field)
    ) STRICT;
  `,
};
