// The `roots` table: the evidence folders the offices fill, stored as absolute real paths.
import type { Db } from '../database.js';

export interface Root {
  id: number;
  path: string;
  office: string | null;
  polling: boolean;
  addedAt: string;
}

interface RootRow {
  id: number;
  path: string;
  office: string | null;
  polling: number;
  added_at: string;
}

export interface RootsReader {
  list(): Root[];
}

export interface RootsWriter {
  add(path: string, office: string | null, polling: boolean): Root;
  setPolling(id: number, polling: boolean): void;
  /** The folder's office (a name of the office registry), or none. */
  setOffice(id: number, office: string | null): void;
  /** Folders of office `from` now belong to `to` (a rename or merge in the registry). */
  renameOffice(from: string, to: string): void;
  /** Its documents go with it (ON DELETE CASCADE); their search rows are removed by the caller's transaction. */
  delete(id: number): void;
}

const toRoot = (r: RootRow): Root => ({ id: r.id, path: r.path, office: r.office, polling: r.polling === 1, addedAt: r.added_at });

export function rootsStore(db: Db): { reader: RootsReader; writer: RootsWriter } {
  const list = db.prepare('SELECT * FROM roots ORDER BY path');
  const add = db.prepare('INSERT INTO roots(path, office, polling, added_at) VALUES (?, ?, ?, ?)');
  const byPath = db.prepare('SELECT * FROM roots WHERE path = ?');
  const polling = db.prepare('UPDATE roots SET polling = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM roots WHERE id = ?');
  const office = db.prepare('UPDATE roots SET office = ? WHERE id = ?');
  const renameOffice = db.prepare('UPDATE roots SET office = ? WHERE office = ?');
  return {
    reader: { list: () => (list.all() as RootRow[]).map(toRoot) },
    writer: {
      add: (p, office, poll) => {
        add.run(p, office, poll ? 1 : 0, new Date().toISOString());
        return toRoot(byPath.get(p) as RootRow);
      },
      setPolling: (id, poll) => void polling.run(poll ? 1 : 0, id),
      setOffice: (id, name) => void office.run(name, id),
      renameOffice: (from, to) => void renameOffice.run(to, from),
      delete: (id) => void remove.run(id),
    },
  };
}
