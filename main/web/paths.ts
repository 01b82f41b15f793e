// Path checks for arguments that come from the UI. Paths are resolved (never compared as
// substrings); nothing may be written inside an evidence folder.
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../engine/workspace/roots.js';
import { listRoots } from '../engine/workspace/roots.js';
import type { Workspace } from '../engine/workspace/workspace.js';
import { ApiFailure } from './failure.js';

export function absolute(p: string, what: string): string {
  if (!path.isAbsolute(p)) throw new ApiFailure('invalid-argument', `${what} must be a full path (got '${p}').`);
  return path.resolve(p);
}

/** The real path of `p`, or of its nearest existing parent joined with the rest. */
function realish(p: string): string {
  let dir = p;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return p;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}

/** A file the app will write (bundle): absolute, parent folder exists, outside every evidence folder. */
export function writableOutput(ws: Workspace, p: string, ext: string, what: string): string {
  const abs = absolute(p, what);
  if (path.extname(abs).toLowerCase() !== ext) throw new ApiFailure('invalid-argument', `${what} must end with ${ext} (got '${abs}').`);
  const parent = path.dirname(abs);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) throw new ApiFailure('user', `folder not found: ${parent}`);
  const real = realish(abs);
  for (const r of listRoots(ws)) {
    if (isInside(real, r.path)) {
      throw new ApiFailure('forbidden', `${abs} is inside the evidence folder ${r.path}; KiemChung never writes into evidence folders. Choose another place.`);
    }
  }
  return abs;
}

/** An existing file the app will read (previous bundle, bundle to verify). */
export function readableFile(p: string, ext: string, what: string): string {
  const abs = absolute(p, what);
  if (path.extname(abs).toLowerCase() !== ext) throw new ApiFailure('invalid-argument', `${what} must be a ${ext} file (got '${abs}').`);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new ApiFailure('user', `file not found: ${abs}`);
  return abs;
}

/** A document's file, served for preview only when it lies inside one of the workspace's roots. */
export function documentFile(ws: Workspace, file: string): string {
  const real = realish(path.resolve(file));
  if (!listRoots(ws).some((r) => isInside(real, r.path))) throw new ApiFailure('forbidden', `${file} is not inside an evidence folder of this workspace.`);
  return real;
}
