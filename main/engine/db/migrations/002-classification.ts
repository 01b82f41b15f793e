// Schema 2: links between documents and criteria, reviewer decisions, self-scores and an
// append-only history. Manual links and decisions are keyed by the file's sha256, not by the
// document row, so they survive renames, moves, a root removed and added again, and re-scans
// of the same bytes.
import type { Migration } from './types.js';

export const migration002: Migration = {
  version: 2,
  name: 'classification',
  up: `
    -- Automatic links, recomputed by every classification run.
    CREATE TABLE links (
      document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      criterion_code TEXT NOT NULL,
      source         TEXT NOT NULL CHECK (source IN ('manual', 'folder', 'filename', 'content')),
      reason         TEXT NOT NULL,
      slot_id        TEXT,
      PRIMARY KEY (document_id, criterion_code)
    );
    CREATE INDEX links_criterion ON links(criterion_code);

    -- What a person decided by hand: 'assign' adds a link, 'unassign' removes one for good.
    CREATE TABLE manual_links (
      sha256         TEXT NOT NULL,
      criterion_code TEXT NOT NULL,
      action         TEXT NOT NULL CHECK (action IN ('assign', 'unassign')),
      at             TEXT NOT NULL,
      PRIMARY KEY (sha256, criterion_code)
    );

    CREATE TABLE reviews (
      sha256         TEXT NOT NULL,
      criterion_code TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'needs-supplement')),
      note           TEXT,
      at             TEXT NOT NULL,
      PRIMARY KEY (sha256, criterion_code)
    );

    -- What classification noticed about a document: a code that is not in the pack, a document
    -- filed under one criterion whose content matches another, an area folder with no match.
    CREATE TABLE classify_notes (
      document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind           TEXT NOT NULL CHECK (kind IN ('unknown-code', 'drift', 'area-only')),
      code           TEXT,
      message        TEXT NOT NULL
    );
    CREATE INDEX classify_notes_document ON classify_notes(document_id);

    CREATE TABLE scores (
      criterion_code TEXT PRIMARY KEY,
      self_score     REAL,
      explanation    TEXT,
      not_applicable INTEGER NOT NULL DEFAULT 0,
      at             TEXT NOT NULL
    );

    CREATE TABLE history (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      action         TEXT NOT NULL,
      sha256         TEXT,
      criterion_code TEXT,
      detail         TEXT NOT NULL DEFAULT '{}'   -- JSON
    );
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  `,
};
