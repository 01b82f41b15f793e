// The `office_aliases` table: other spellings of an office or group in the registry ("Văn phòng"
// for "Văn phòng Sở"), keyed by the folded spelling. `source`: 'seed' when the registry merged it
// on its own (names equal once folded and stripped of "Sở"-style suffixes), 'user' otherwise.
import type { Db } from '../database.js';

export interface OfficeAliasRow {
  key: string;
  alias: string;
  officeId: number;
  source: 'seed' | 'user';
}

interface Row {
  key: string;
  alias: string;
  office_id: number;
  source: 'seed' | 'user';
}

export interface OfficeAliasesReader {
  list(): OfficeAliasRow[];
}

export interface OfficeAliasesWriter {
  add(key: string, alias: string, officeId: number, source: 'seed' | 'user'): void;
  delete(key: string): void;
  /** Every alias of `fromId` now names `toId` (a merge). */
  move(fromId: number, toId: number): void;
}

export function officeAliasesStore(db: Db): { reader: OfficeAliasesReader; writer: OfficeAliasesWriter } {
  const list = db.prepare('SELECT key, alias, office_id, source FROM office_aliases ORDER BY alias');
  const add = db.prepare('INSERT INTO office_aliases(key, alias, office_id, source) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM office_aliases WHERE key = ?');
  const move = db.prepare('UPDATE office_aliases SET office_id = ? WHERE office_id = ?');
  return {
    reader: { list: () => (list.all() as Row[]).map((r) => ({ key: r.key, alias: r.alias, officeId: r.office_id, source: r.source })) },
    writer: {
      add: (key, alias, officeId, source) => void add.run(key, alias, officeId, source),
      delete: (key) => void remove.run(key),
      move: (fromId, toId) => void move.run(toId, fromId),
    },
  };
}
