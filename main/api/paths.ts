// Path checks for arguments from callers. Paths are resolved (never compared as substrings); the
// engine guards what it writes (an export never lands in an evidence folder or over the database).
import fs from 'node:fs';
import path from 'node:path';
import { isInside, listRoots } from '../engine/workspace/roots.js';
import type { Workspace } from '../engine/workspace/workspace.js';
import { ApiFailure } from './errors.js';

/** The schema already refuses empty paths; a relative one would depend on the server's cwd. */
export function absolute(p: string, call: string, field: string): string {
  if (!path.isAbsolute(p)) throw new ApiFailure('invalid-argument', { call, field, issue: 'relative-path', value: p }, `${field} must be a full path (got '${p}').`);
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

/** A document's file, served for preview only when it lies inside one of the workspace's roots. */
export function documentFile(ws: Workspace, file: string): string {
  const real = realish(path.resolve(file));
  if (!listRoots(ws).some((r) => isInside(real, r.path))) {
    throw new ApiFailure('forbidden', { reason: 'outside-roots', path: file, root: null }, `${file} is not inside an evidence folder of this workspace.`);
  }
  return real;
}
