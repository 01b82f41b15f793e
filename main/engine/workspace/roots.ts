// Evidence roots: the folders the offices fill. Stored as absolute paths.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Workspace } from './workspace.js';

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

function toRoot(r: RootRow): Root {
  return { id: r.id, path: r.path, office: r.office, polling: r.polling === 1, addedAt: r.added_at };
}

/** True when `child` is `parent` or lies inside it (path-segment aware, not a substring test). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function listRoots(ws: Workspace): Root[] {
  return (ws.db.prepare('SELECT * FROM roots ORDER BY path').all() as RootRow[]).map(toRoot);
}

export function addRoot(ws: Workspace, dir: string, options: { office?: string | null; polling?: boolean } = {}): Root {
  const abs = path.resolve(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new UserError(`folder not found: ${abs}`);
  }
  if (!stat.isDirectory()) throw new UserError(`not a folder: ${abs}`);
  const real = fs.realpathSync(abs);
  if (isInside(ws.dir, real) || isInside(real, ws.dir)) {
    throw new UserError(`${abs} overlaps the workspace folder ${ws.dir}; keep evidence and the workspace apart.`);
  }
  for (const r of listRoots(ws)) {
    if (r.path === real) throw new UserError(`${abs} is already an evidence folder of this workspace.`);
    if (isInside(real, r.path) || isInside(r.path, real)) {
      throw new UserError(`${abs} overlaps the evidence folder ${r.path}; add only one of them.`);
    }
  }
  ws.db
    .prepare('INSERT INTO roots(path, office, polling, added_at) VALUES (?, ?, ?, ?)')
    .run(real, options.office ?? null, options.polling ? 1 : 0, new Date().toISOString());
  const row = ws.db.prepare('SELECT * FROM roots WHERE path = ?').get(real) as RootRow;
  return toRoot(row);
}

/** Network shares: watch this root by polling instead of OS events. */
export function setRootPolling(ws: Workspace, dir: string, polling: boolean): Root {
  const abs = path.resolve(dir);
  const row = listRoots(ws).find((r) => r.path === abs || r.path === realOrSelf(abs));
  if (!row) throw new UserError(`${abs} is not an evidence folder of this workspace (see: kiemchung folder list).`);
  ws.db.prepare('UPDATE roots SET polling = ? WHERE id = ?').run(polling ? 1 : 0, row.id);
  return { ...row, polling };
}

function realOrSelf(abs: string): string {
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs; // the folder may be gone (a share that is offline)
  }
}

export function removeRoot(ws: Workspace, dir: string): Root {
  const abs = path.resolve(dir);
  const candidates = [abs];
  try {
    candidates.push(fs.realpathSync(abs));
  } catch {
    // The folder may be gone already; removing it by its recorded path must still work.
  }
  const row = listRoots(ws).find((r) => candidates.includes(r.path));
  if (!row) throw new UserError(`${abs} is not an evidence folder of this workspace (see: kiemchung folder list).`);
  ws.db.transaction(() => {
    ws.db.prepare('DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE root_id = ?)').run(row.id);
    ws.db.prepare('DELETE FROM roots WHERE id = ?').run(row.id);
  })();
  return row;
}
