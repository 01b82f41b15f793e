// Names inside the export bundle (CONTRACTS.md §4). Pure, so the UI can preview them and verify
// can check them with the same rules the writer used.
//
// The bundle is opened on Windows PCs (Explorer's zip folder, 7-Zip, WinRAR), so every entry path
// must be a valid Windows path: no <>:"\|?*, no control characters, no trailing dot or space in a
// segment, no reserved device names, and short enough (≤ 120 characters) that unpacking it under
// a typical "C:\Users\…\Downloads\<bundle name>\" stays well below MAX_PATH (260).

export const MAX_ENTRY_PATH = 120;

// Control characters (U+0000–U+001F, U+007F) are forbidden in Windows names, as are these.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Code points (not UTF-16 units), so a Vietnamese letter or an emoji counts as one character. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function truncateChars(s: string, max: number): string {
  if (charLength(s) <= max) return s;
  return Array.from(s).slice(0, max).join('');
}

function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/**
 * One path segment made safe for Windows: forbidden characters and slashes become "-", runs of
 * spaces collapse, leading/trailing dots and spaces go, reserved device names get a "_" prefix,
 * and the result is cut to `max` characters (at a word boundary when one is close).
 */
export function safeSegment(text: string, max = 80, fallback = 'tai-lieu'): string {
  let s = text.normalize('NFC').replace(/[/]/g, '-').replace(FORBIDDEN, '-').replace(/\s+/g, ' ');
  s = trimEnds(s);
  if (charLength(s) > max) {
    const cut = truncateChars(s, max);
    const space = cut.lastIndexOf(' ');
    s = trimEnds(space >= Math.floor(cut.length * 0.6) ? cut.slice(0, space) : cut);
  }
  if (s === '') s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** "78/KH-SYT" → "78-KH-SYT"; without a number, the source file name without its extension. */
export function documentLabel(doc: { number: string | null; relPath: string }): string {
  if (doc.number && doc.number.trim() !== '') return doc.number.trim();
  const base = doc.relPath.split('/').pop() ?? doc.relPath;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** "01", "02" … "99", then "100": sorts correctly in Explorer up to 99 per criterion. */
export function evidenceIndex(nn: number): string {
  return String(nn).padStart(2, '0');
}

/** Lower-case extension with its dot (".pdf"), or ".pdf" when the source has none. */
export function entryExtension(relPath: string): string {
  const base = relPath.split('/').pop() ?? relPath;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '.pdf';
}

/** `<code>/<code>_<nn>_<label><ext>`, cut so that the whole path stays ≤ MAX_ENTRY_PATH. */
export function evidenceEntryPath(code: string, nn: number, label: string, ext = '.pdf'): string {
  const folder = safeSegment(code, 20, 'tieu-chi');
  const prefix = `${folder}/${folder}_${evidenceIndex(nn)}_`;
  const room = MAX_ENTRY_PATH - charLength(prefix) - charLength(ext);
  return `${prefix}${safeSegment(label, Math.max(8, room), 'tai-lieu')}${ext}`;
}

/** `<code>/<code>_TongHop.pdf`: the merged review PDF of one criterion (--merged-pdf). */
export function mergedEntryPath(code: string): string {
  const folder = safeSegment(code, 20, 'tieu-chi');
  return `${folder}/${folder}_TongHop.pdf`;
}

/** Everything wrong with an entry path by the bundle's rules; empty when it is fine. */
export function entryPathProblems(p: string): string[] {
  const problems: string[] = [];
  if (p !== p.normalize('NFC')) problems.push('is not in Unicode NFC form');
  if (charLength(p) > MAX_ENTRY_PATH) problems.push(`is ${charLength(p)} characters long (limit ${MAX_ENTRY_PATH})`);
  if (p.startsWith('/') || /^[a-z]:/i.test(p)) problems.push('is absolute');
  if (p.includes('\\')) problems.push('contains a backslash');
  const segments = p.split('/');
  for (const seg of segments) {
    if (seg === '') problems.push('has an empty segment');
    else if (seg === '.' || seg === '..') problems.push(`has a '${seg}' segment`);
    else {
      const bad = seg.match(FORBIDDEN);
      if (bad) problems.push(`segment '${seg}' contains ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(' ')}`);
      if (/[ .]$/.test(seg)) problems.push(`segment '${seg}' ends with a dot or space`);
      if (RESERVED.test(seg)) problems.push(`segment '${seg}' is a reserved Windows name`);
    }
  }
  return problems;
}

/** "2023-06-08" → "08/06/2023"; anything else is returned as it is ("" for null). */
export function formatDateVi(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
