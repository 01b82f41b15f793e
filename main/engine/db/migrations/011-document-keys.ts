// Schema 11: a document's keys (id, sha256, path, date, number) and its stamp (root, size, mtime)
// in one covering index. The status joins every link and every classification note to its
// document by id; through the primary key each of 60,000 lookups then read the document's wide
// row (fields, title) from the table, and a rescan's stamps and the duplicate keys walked the
// whole table. The index holds only what those reads need.
import type { Migration } from './types.js';

export const migration011: Migration = {
  version: 11,
  name: 'document-keys',
  up: `
    CREATE INDEX documents_keys ON documents(id, sha256, rel_path, date, number, root_id, size, mtime_ms);
  `,
};
