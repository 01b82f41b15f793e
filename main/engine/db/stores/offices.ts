// The `offices` table: the workspace's office registry (offices and groups of offices), each with
// its display name and the folded key it is matched by (offices/names.ts: officeKey).
import type { Db } from '../database.js';

export type OfficeKind = 'office' | 'group';

export interface OfficeRow {
  id: number;
  name: string;
  key: string;
  kind: OfficeKind;
  createdAt: string;
}

interface Row {
  id: number;
  name: string;
  key: string;
  kind: OfficeKind;
  created_at: string;
}

export interface OfficesReader {
  list(): OfficeRow[];
}

export interface OfficesWriter {
  add(name: string, key: string, kind: OfficeKind): number;
  rename(id: number, name: string, key: string): void;
  /** Its aliases and memberships go with it (ON DELETE CASCADE). */
  delete(id: number): void;
}

const toOffice = (r: Row): OfficeRow => ({ id: r.id, name: r.name, key: r.key, kind: r.kind, createdAt: r.created_at });

export function officesStore(db: Db): { reader: OfficesReader; writer: OfficesWriter } {
  const list = db.prepare('SELECT id, name, key, kind, created_at FROM offices ORDER BY id');
  const add = db.prepare('INSERT INTO offices(name, key, kind, created_at) VALUES (?, ?, ?, ?)');
  const rename = db.prepare('UPDATE offices SET name = ?, key = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM offices WHERE id = ?');
  return {
    reader: { list: () => (list.all() as Row[]).map(toOffice) },
    writer: {
      add: (name, key, kind) => Number(add.run(name, key, kind, new Date().toISOString()).lastInsertRowid),
      rename: (id, name, key) => void rename.run(name, key, id),
      delete: (id) => void remove.run(id),
    },
  };
}
