// Schema 8: the appraisal round trip (issue 15). Unit side: each exported bundle as a submission,
// and what came back from the Sở Nội vụ (decisions files: appraised scores, decisions per document,
// requests as tasks). Appraisal side (a workspace of its own, kind "appraisal"): the rounds opened
// (a bundle, then its supplements), the facts of their manifests, and the appraiser's scores,
// decisions and requests. Every database gets all the tables; each side uses its own.
import type { Migration } from './types.js';

export const migration008: Migration = {
  version: 8,
  name: 'appraisal',
  up: `
    CREATE TABLE submissions (
      id           INTEGER PRIMARY KEY,
      batch        TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      sha256       TEXT NOT NULL UNIQUE,
      path         TEXT NOT NULL,
      bytes        INTEGER NOT NULL,
      since_sha256 TEXT,
      criteria     INTEGER NOT NULL,
      documents    INTEGER NOT NULL,
      withdrawn    INTEGER NOT NULL,
      answers      INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE decision_imports (
      id            INTEGER PRIMARY KEY,
      file          TEXT NOT NULL,
      file_sha256   TEXT NOT NULL,
      bundle_sha256 TEXT NOT NULL,
      rounds        INTEGER NOT NULL,
      exported_at   TEXT,
      imported_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE appraised_scores (
      criterion_code TEXT PRIMARY KEY,
      points         REAL NOT NULL,
      note           TEXT,
      at             TEXT NOT NULL
    ) STRICT;

    CREATE TABLE appraised_documents (
      sha256         TEXT NOT NULL,
      criterion_code TEXT NOT NULL,
      path           TEXT NOT NULL,
      decision       TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
      note           TEXT,
      at             TEXT NOT NULL,
      PRIMARY KEY (sha256, criterion_code)
    ) STRICT;

    CREATE TABLE appraisal_tasks (
      id              TEXT PRIMARY KEY,
      criterion_code  TEXT NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('explain', 'supplement')),
      note            TEXT NOT NULL,
      due             TEXT,
      round           INTEGER NOT NULL,
      requested_at    TEXT NOT NULL,
      bundle_sha256   TEXT NOT NULL,
      answered_sha256 TEXT,
      answered_at     TEXT
    ) STRICT;
    CREATE INDEX appraisal_tasks_code ON appraisal_tasks(criterion_code);

    CREATE TABLE appraisal_rounds (
      round        INTEGER PRIMARY KEY,
      sha256       TEXT NOT NULL UNIQUE,
      file         TEXT NOT NULL,
      path         TEXT NOT NULL,
      created_at   TEXT,
      opened_at    TEXT NOT NULL,
      since_sha256 TEXT,
      batch        TEXT,
      unit         TEXT,
      year         INTEGER,
      pack_id      TEXT NOT NULL,
      pack_name    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE appraisal_criteria (
      code        TEXT PRIMARY KEY,
      position    INTEGER NOT NULL,
      title       TEXT NOT NULL,
      max_points  REAL,
      self_score  REAL,
      explanation TEXT,
      status      TEXT,
      round       INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE appraisal_evidence (
      round           INTEGER NOT NULL,
      code            TEXT NOT NULL,
      path            TEXT NOT NULL,
      sha256          TEXT NOT NULL,
      json            TEXT NOT NULL,
      answers         TEXT NOT NULL DEFAULT '[]',
      withdrawn_round INTEGER,
      PRIMARY KEY (code, path)
    ) STRICT;

    CREATE TABLE appraisal_scores (
      code   TEXT PRIMARY KEY,
      points REAL NOT NULL,
      note   TEXT,
      at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE appraisal_decisions (
      sha256   TEXT NOT NULL,
      code     TEXT NOT NULL,
      path     TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
      note     TEXT,
      at       TEXT NOT NULL,
      PRIMARY KEY (sha256, code)
    ) STRICT;

    CREATE TABLE appraisal_requests (
      id             TEXT PRIMARY KEY,
      code           TEXT NOT NULL,
      kind           TEXT NOT NULL CHECK (kind IN ('explain', 'supplement')),
      note           TEXT NOT NULL,
      due            TEXT,
      round          INTEGER NOT NULL,
      created_at     TEXT NOT NULL,
      answered_round INTEGER,
      answer         TEXT
    ) STRICT;
  `,
};
