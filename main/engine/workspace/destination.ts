// Where KiemChung may write a file the user asked for (a bundle, reminder letters, a list): into an
// existing folder, never into an evidence folder, never over the workspace database. One guard for
// every writer, so a new output cannot forget a case.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isInside, listRoots } from './roots.js';
import { DB_FILE, type Workspace } from './workspace.js';

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export interface DestinationWords {
  /** What is written, for the messages: "the bundle", "the reminders". */
  what: string;
  /** The fact kind of a refusal inside an evidence folder (each caller's catalogue words it). */
  intoEvidenceKind: string;
  /** A file name to suggest when a folder was given. */
  example?: string;
}

/** The absolute destination, or a UserError naming why it is refused. */
export function checkDestination(ws: Workspace, out: string, words: DestinationWords): string {
  const abs = path.resolve(out);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError(`the folder ${dir} does not exist; create it or choose another place for ${words.what}.`, { kind: 'export.missing-folder', params: { path: dir } });
  }
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    const hint = words.example ? ` such as ${path.join(abs, words.example)}` : '';
    throw new UserError(`${abs} is a folder; give a file name${hint}.`, { kind: 'export.is-folder', params: { path: abs } });
  }
  const candidates = [path.join(fs.realpathSync(dir), path.basename(abs)), realOrSelf(abs)];
  for (const root of listRoots(ws)) {
    if (candidates.some((c) => isInside(c, root.path))) {
      throw new UserError(`refusing to write ${words.what} into the evidence folder ${root.path}: KiemChung never writes in evidence folders. Choose a folder outside it.`, {
        kind: words.intoEvidenceKind,
        params: { path: abs, root: root.path },
      });
    }
  }
  const wsDir = realOrSelf(ws.dir);
  if (candidates.some((c) => path.dirname(c) === wsDir && path.basename(c).startsWith(DB_FILE))) {
    throw new UserError(`refusing to overwrite the workspace database ${path.join(ws.dir, DB_FILE)}; choose another file name.`, { kind: 'export.over-database', params: { path: abs } });
  }
  return abs;
}
