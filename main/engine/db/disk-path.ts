// A document's file as it is named on disk. The JSON's `path`, `root` and `relPath` are NFC (for
// display, matching and search); the database keeps the bytes' own spelling (a name typed with
// macOS or Unikey's "Unicode tổ hợp" is NFD), and every file operation (read, hash, export,
// preview) must use that one: the NFC spelling is another file, or none.
import path from 'node:path';
import type { DataReader } from './data.js';

/** The on-disk path of a document row (root path and relative path, forward slashes). */
export function diskPath(row: { root_path: string; rel_path: string }): string {
  return path.join(row.root_path, ...row.rel_path.split('/'));
}

/** The on-disk path of the document `id`, or null when there is no such document. */
export function diskPathOf(reader: DataReader, id: string): string | null {
  const row = reader.documents.viewById(id);
  return row ? diskPath(row) : null;
}

/** Every document's on-disk path, by id. */
export function diskPaths(reader: DataReader): Map<string, string> {
  return new Map(reader.documents.views().map((row) => [row.id, diskPath(row)]));
}
