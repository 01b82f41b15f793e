// Evidence roots: the folders the offices fill. Stored as absolute paths.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Root } from '../db/stores/roots.js';
import type { Workspace } from './workspace.js';

export type { Root };

/** True when `child` is `parent` or lies inside it (path-segment aware, not a substring test). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function listRoots(ws: Workspace): Root[] {
  return ws.reader.roots.list();
}

export function addRoot(ws: Workspace, dir: string, options: { office?: string | null; polling?: boolean } = {}): Root {
  const abs = path.resolve(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new UserError(`folder not found: ${abs}`, { kind: 'folder.not-found', params: { path: abs } });
  }
  if (!stat.isDirectory()) throw new UserError(`not a folder: ${abs}`, { kind: 'folder.not-a-folder', params: { path: abs } });
  const real = fs.realpathSync(abs);
  if (isInside(ws.dir, real) || isInside(real, ws.dir)) {
    throw new UserError(`${abs} overlaps the workspace folder ${ws.dir}; keep evidence and the workspace apart.`, { kind: 'folder.overlaps-workspace', params: { path: abs, other: ws.dir } });
  }
  for (const r of listRoots(ws)) {
    if (r.path === real) throw new UserError(`${abs} is already an evidence folder of this workspace.`, { kind: 'folder.already-added', params: { path: abs } });
    if (isInside(real, r.path) || isInside(r.path, real)) {
      throw new UserError(`${abs} overlaps the evidence folder ${r.path}; add only one of them.`, { kind: 'folder.overlaps-folder', params: { path: abs, other: r.path } });
    }
  }
  return ws.writer.roots.add(real, options.office ?? null, options.polling ?? false);
}

/** Network shares: watch this root by polling instead of OS events. */
export function setRootPolling(ws: Workspace, dir: string, polling: boolean): Root {
  const abs = path.resolve(dir);
  const row = listRoots(ws).find((r) => r.path === abs || r.path === realOrSelf(abs));
  if (!row) throw new UserError(`${abs} is not an evidence folder of this workspace (see: kiemchung folder list).`, { kind: 'folder.not-an-evidence-folder', params: { path: abs } });
  ws.writer.roots.setPolling(row.id, polling);
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
  if (!row) throw new UserError(`${abs} is not an evidence folder of this workspace (see: kiemchung folder list).`, { kind: 'folder.not-an-evidence-folder', params: { path: abs } });
  ws.writer.removeRoot(row.id);
  return row;
}
