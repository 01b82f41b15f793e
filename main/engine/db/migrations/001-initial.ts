// Schema 1: workspace settings, the workspace's copy of its criteria pack, evidence roots,
// analysed contents (keyed by sha256, so duplicates and renames never re-parse) and documents
// (one per file path, carrying a stable id that survives renames and moves).
import type { Migration } from './types.js';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL            -- JSON
    );

    CREATE TABLE pack (
      id          TEXT PRIMARY KEY,
      json        TEXT NOT NULL,     -- CriteriaPack as JSON
      imported_at TEXT NOT NULL
    );

    CREATE TABLE roots (
      id       INTEGER PRIMARY KEY,
      path     TEXT NOT NULL UNIQUE,
      office   TEXT,
      polling  INTEGER NOT NULL DEFAULT 0,
      added_at TEXT NOT NULL
    );

    CREATE TABLE contents (
      sha256           TEXT PRIMARY KEY,
      analyzer_version INTEGER NOT NULL,
      size             INTEGER NOT NULL,
      kind             TEXT NOT NULL CHECK (kind IN ('pdf', 'other')),
      pages            INTEGER,
      text_layer       INTEGER NOT NULL DEFAULT 0,
      text_quality     TEXT NOT NULL DEFAULT 'none',
      ocr              INTEGER NOT NULL DEFAULT 0,
      encrypted        INTEGER NOT NULL DEFAULT 0,
      signatures       INTEGER NOT NULL DEFAULT 0,
      error_kind       TEXT,
      error_message    TEXT,
      header_text      TEXT NOT NULL DEFAULT '',
      full_text        TEXT NOT NULL DEFAULT '',
      analyzed_at      TEXT NOT NULL
    );

    CREATE TABLE documents (
      id            TEXT PRIMARY KEY,
      root_id       INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
      rel_path      TEXT NOT NULL,
      size          INTEGER NOT NULL,
      mtime_ms      INTEGER NOT NULL,
      sha256        TEXT NOT NULL REFERENCES contents(sha256),
      number        TEXT,
      type          TEXT,
      issuer        TEXT,
      issuer_parent TEXT,
      place         TEXT,
      date          TEXT,
      title         TEXT,
      fields_json   TEXT NOT NULL DEFAULT '{}',
      indexed_at    TEXT NOT NULL,
      UNIQUE (root_id, rel_path)
    );
    CREATE INDEX documents_sha256 ON documents(sha256);

    -- Folded (diacritic-free, đ→d) copies of what search matches; rowid = documents.rowid.
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      name, number, title, body,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
};
