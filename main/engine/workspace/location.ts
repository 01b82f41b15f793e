// Where a workspace may be created. The folder may exist (empty, or without evidence in it) or be
// created as the last segment under a parent that exists: never a whole chain from the root (a
// typo must not build /home/x/y/z), never inside the kernel's pseudo file systems (Node's
// recursive mkdir loops forever under /proc), never a Windows reserved name, never a folder that
// already holds evidence (the database would be written among the offices' files).
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

const PSEUDO_FS = ['/proc', '/sys', '/dev'];
/** Names Windows refuses for any file or folder, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const EVIDENCE = /\.(pdf|docx?|xlsx?|jpe?g|png|tiff?)$/i;

export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.trim());
}

/** Throws a UserError naming the folder and the reason; returns the absolute path otherwise. */
export function checkNewWorkspaceFolder(dir: string): string {
  const abs = path.resolve(dir);
  if (PSEUDO_FS.some((p) => abs === p || abs.startsWith(`${p}/`))) {
    throw new UserError(`${abs} lies in a system folder (${abs.split('/').slice(0, 2).join('/')}); choose a folder in your documents.`, { kind: 'workspace-folder.system', params: { path: abs } });
  }
  for (const segment of abs.split(/[\\/]/).filter(Boolean)) {
    if (isWindowsReservedName(segment)) {
      throw new UserError(`'${segment}' is a name Windows reserves; choose another folder name than ${abs}.`, { kind: 'workspace-folder.reserved-name', params: { path: abs, name: segment } });
    }
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(abs);
  } catch {
    stat = null;
  }
  if (stat) {
    if (!stat.isDirectory()) throw new UserError(`${abs} exists and is not a folder.`, { kind: 'workspace-folder.not-a-folder', params: { path: abs } });
    const evidence = findEvidence(abs);
    if (evidence) {
      throw new UserError(`${abs} already holds documents (${evidence}); a workspace needs a folder of its own, apart from the evidence.`, {
        kind: 'workspace-folder.holds-evidence',
        params: { path: abs, file: evidence },
      });
    }
    checkWritable(abs);
    return abs;
  }
  const parent = path.dirname(abs);
  let parentStat: fs.Stats;
  try {
    parentStat = fs.statSync(parent);
  } catch {
    throw new UserError(`the folder ${parent} does not exist; create it first or choose a folder inside an existing one.`, { kind: 'workspace-folder.missing-parent', params: { path: abs, parent } });
  }
  if (!parentStat.isDirectory()) throw new UserError(`${parent} is not a folder.`, { kind: 'workspace-folder.not-a-folder', params: { path: parent } });
  checkWritable(parent);
  return abs;
}

/**
 * The first evidence-like file in the folder or its sub-folders (offices keep evidence in
 * folders per criterion), relative to it; bounded so a huge folder answers quickly.
 */
function findEvidence(dir: string, maxDepth = 3, budget = { entries: 5000 }): string | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const e of entries) {
    if (--budget.entries < 0) return null;
    if (e.isFile() && EVIDENCE.test(e.name)) return e.name;
  }
  if (maxDepth === 0) return null;
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const inner = findEvidence(path.join(dir, e.name), maxDepth - 1, budget);
    if (inner) return path.join(e.name, inner);
  }
  return null;
}

function checkWritable(dir: string): void {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`${dir} cannot be written to (no permission, or a read-only disk).`, { kind: 'workspace-folder.not-writable', params: { path: dir } });
  }
}
