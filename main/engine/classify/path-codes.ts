// Criterion codes written in folder and file names, in every form units use: "1.3", "1.3.",
// "1.3 Tuyên truyền", "TC1.3", "TC 1.3", "TC_1.3", "Tiêu chí 1.3 - …", "LV1", "Lĩnh vực 1",
// and nested folders "1/1.3/1.3.2". Pure functions: what the code is, never whether the pack has it.
import { foldForMatch } from '../../../shared/vietnamese.js';

export type CodeOrigin = 'folder' | 'filename';

export interface PathCode {
  code: string;
  origin: CodeOrigin;
  /** The folder or file name the code was read from, as written. */
  segment: string;
}

// Prefixes, matched on the folded lower-case name: "tieu chi thanh phan", "tieu chi", "tctp",
// "tc", "linh vuc", "lv". Longest first so "tieu chi thanh phan" is not cut at "tieu chi".
const PREFIX = String.raw`(?:tieu\s*chi\s*thanh\s*phan|tieu\s*chi|tctp|tc|linh\s*vuc|lv)`;
// One to four segments of one or two digits, no leading zero: "1", "1.3", "1.7.2", "1.10".
// Leading zeros and longer numbers are dates, years and document numbers ("08.06", "2023", "78").
const SEGMENT = String.raw`(?:[1-9]\d?)`;
const CODE = String.raw`(${SEGMENT}(?:\.${SEGMENT}){0,3})`;
// After the code: the end, an optional trailing dot, then anything but a digit, a slash ("78/KH")
// or a decimal continuation ("30.6.2023").
const TAIL = String.raw`\.?(?=$|[^\d/.,]|[.,](?!\d))`;

const WITH_PREFIX = new RegExp(String.raw`^${PREFIX}[\s_.\-]*${CODE}${TAIL}`);
const BARE = new RegExp(String.raw`^${CODE}${TAIL}`);

/**
 * The code at the start of one folder or file name, or null. Folders may carry a bare area
 * number ("1", "2. Cải cách thể chế"); file names need a prefix or a dotted code, because a
 * file named "78 KH.pdf" starts with its document number, not a criterion.
 */
export function codeInName(name: string, origin: CodeOrigin): string | null {
  const base = origin === 'filename' ? name.replace(/\.[a-z0-9]{1,5}$/i, '') : name;
  const folded = foldForMatch(base).trim();
  const prefixed = WITH_PREFIX.exec(folded);
  if (prefixed?.[1]) return prefixed[1];
  const bare = BARE.exec(folded);
  if (!bare?.[1]) return null;
  if (origin === 'filename' && !bare[1].includes('.')) return null;
  return bare[1];
}

/**
 * Codes along a relative path, deepest folder first, then the file name's. `rootName` is the
 * evidence root's own folder name: a unit may add "1.3 Tuyên truyền" itself as a root.
 */
export function codesInPath(relPath: string, rootName = ''): { folder: PathCode | null; file: PathCode | null } {
  const parts = relPath.split('/');
  const fileName = parts.pop() ?? '';
  const folders = rootName ? [rootName, ...parts] : parts;
  let folder: PathCode | null = null;
  for (let i = folders.length - 1; i >= 0 && !folder; i--) {
    const segment = folders[i] as string;
    const code = codeInName(segment, 'folder');
    if (code) folder = { code, origin: 'folder', segment };
  }
  const fileCode = codeInName(fileName, 'filename');
  return { folder, file: fileCode ? { code: fileCode, origin: 'filename', segment: fileName } : null };
}
