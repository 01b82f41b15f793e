// Schema 7: the office registry (issue 15). An office (phòng ban) or a group of offices ("Các
// phòng chuyên môn") has one display name; `key` is the name folded for matching (no marks, lower
// case, punctuation as spaces). Aliases are other spellings that mean the same office or group
// ("Văn phòng" for "Văn phòng Sở"); a group's members are the offices it expands to. Evidence
// folders keep naming their office by its display name (roots.office).
import type { Migration } from './types.js';

export const migration007: Migration = {
  version: 7,
  name: 'offices',
  up: `
    CREATE TABLE offices (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      key        TEXT NOT NULL UNIQUE,
      kind       TEXT NOT NULL CHECK (kind IN ('office', 'group')),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE office_aliases (
      key       TEXT PRIMARY KEY,
      alias     TEXT NOT NULL,
      office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      source    TEXT NOT NULL CHECK (source IN ('seed', 'user'))
    ) STRICT;

    CREATE TABLE office_members (
      group_id  INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, office_id)
    ) STRICT;
  `,
};
