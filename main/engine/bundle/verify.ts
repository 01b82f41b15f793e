// kiemchung verify: re-reads a bundle with the independent reader (zip-read.ts) and checks the
// zip structure, every entry's name and flags, CRC and size, SHA256SUMS, and that the manifest
// agrees with the files actually present.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { entryPathProblems } from '../../../shared/bundle-names.js';
import { UserError } from '../errors.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleManifest } from './types.js';
import { ZipFormatError, digestEntry, readDirectory, readEntry, type CentralEntry, type EntryDigest } from './zip-read.js';

export type ProblemKind = 'zip' | 'name' | 'flags' | 'compression' | 'crc' | 'size' | 'duplicate' | 'checksum' | 'manifest' | 'missing' | 'unlisted';

export interface VerifyProblem {
  path: string;
  kind: ProblemKind;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problems: VerifyProblem[];
}

const STORED_EXTENSIONS = /\.(pdf|xlsx|zip|jpg|jpeg|png)$/i;
const TEXT_NAMES = /(^manifest\.json$|^SHA256SUMS$|\.(json|txt|csv)$)/;
const SHA_LINE = /^([0-9a-f]{64}) {2}(.+)$/;

function checkEntry(e: CentralEntry, problems: VerifyProblem[]): void {
  const add = (kind: ProblemKind, message: string): void => void problems.push({ path: e.name, kind, message });
  if (!(e.flags & 0x0800)) add('flags', 'the UTF-8 name flag (bit 11) is not set: Windows would show the name garbled');
  if (!e.nameValidUtf8) add('name', 'the name is not valid UTF-8');
  if (e.flags & 0x0001) add('flags', 'the entry is encrypted');
  if (e.name.endsWith('/')) return;
  for (const p of entryPathProblems(e.name)) add('name', `the name ${p}`);
  if (e.method !== 0 && e.method !== 8) add('compression', `compression method ${e.method} (only stored and deflate are allowed)`);
  else if (STORED_EXTENSIONS.test(e.name) && e.method !== 0) add('compression', 'PDF and XLSX entries must be stored, not compressed');
  else if (TEXT_NAMES.test(e.name) && e.method !== 8) add('compression', 'text entries should be deflated');
}

function checkSums(text: string, digests: Map<string, EntryDigest>, problems: VerifyProblem[]): void {
  const listed = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = SHA_LINE.exec(line);
    if (!m) {
      problems.push({ path: 'SHA256SUMS', kind: 'checksum', message: `line ${i + 1} is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    const [, sha, file] = m as unknown as [string, string, string];
    if (listed.has(file)) problems.push({ path: file, kind: 'duplicate', message: `listed twice in SHA256SUMS (line ${i + 1})` });
    listed.add(file);
    const d = digests.get(file);
    if (!d) problems.push({ path: file, kind: 'missing', message: `listed in SHA256SUMS (line ${i + 1}) but not in the zip` });
    else if (d.sha256 !== sha) problems.push({ path: file, kind: 'checksum', message: `SHA-256 is ${d.sha256}, SHA256SUMS says ${sha}` });
  });
  for (const name of digests.keys()) {
    if (name !== 'SHA256SUMS' && !name.endsWith('/') && !listed.has(name)) problems.push({ path: name, kind: 'unlisted', message: 'not listed in SHA256SUMS' });
  }
}

function checkManifest(m: BundleManifest, digests: Map<string, EntryDigest>, problems: VerifyProblem[]): void {
  const add = (path: string, message: string, kind: ProblemKind = 'manifest'): void => void problems.push({ path, kind, message });
  if (m.format !== BUNDLE_FORMAT) add('manifest.json', `format is ${JSON.stringify(m.format)}, expected "${BUNDLE_FORMAT}"`);
  if (m.version !== BUNDLE_VERSION) add('manifest.json', `version ${JSON.stringify(m.version)} is not ${BUNDLE_VERSION}`);
  if (!Array.isArray(m.files) || !Array.isArray(m.criteria)) {
    add('manifest.json', 'has no "files" or "criteria" list');
    return;
  }
  const files = new Map<string, { sha256: string; size: number }>();
  for (const f of m.files) {
    if (files.has(f.path)) add(f.path, 'listed twice in manifest files', 'duplicate');
    files.set(f.path, f);
    const d = digests.get(f.path);
    if (!d) add(f.path, 'listed in the manifest but not in the zip', 'missing');
    else {
      if (d.sha256 !== f.sha256) add(f.path, `SHA-256 is ${d.sha256}, the manifest says ${f.sha256}`, 'checksum');
      if (d.size !== f.size) add(f.path, `is ${d.size} bytes, the manifest says ${f.size}`, 'size');
    }
  }
  for (const name of digests.keys()) {
    if (name !== 'manifest.json' && name !== 'SHA256SUMS' && !name.endsWith('/') && !files.has(name)) add(name, 'in the zip but not in the manifest files', 'unlisted');
  }
  for (const c of m.criteria) {
    for (const e of c.evidence ?? []) {
      const f = files.get(e.path);
      if (!f) add(e.path, `evidence of criterion ${c.code} is not among the manifest files`, 'missing');
      else if (f.sha256 !== e.sha256 || f.size !== e.size) add(e.path, `evidence of criterion ${c.code}: hash or size differs from the manifest files`);
      if (!e.path.startsWith(`${c.code}/`)) add(e.path, `evidence of criterion ${c.code} lies outside the folder ${c.code}/`);
    }
    if (c.merged && !files.has(c.merged.path)) add(c.merged.path, `merged PDF of criterion ${c.code} is missing`, 'missing');
  }
  if (m.since !== null && !Array.isArray(m.withdrawn)) add('manifest.json', 'a supplement bundle must list what was withdrawn');
}

export async function verifyBundle(file: string): Promise<VerifyResult> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, 'r');
  } catch (e) {
    throw new UserError(`cannot open ${file}: ${(e as Error).message}`);
  }
  const problems: VerifyProblem[] = [];
  try {
    let dir;
    try {
      dir = await readDirectory(fh);
    } catch (e) {
      if (e instanceof ZipFormatError) return { ok: false, entries: 0, problems: [{ path: file, kind: 'zip', message: e.message }] };
      throw e;
    }
    const digests = new Map<string, EntryDigest>();
    const folded = new Map<string, string>();
    const byName = new Map<string, CentralEntry>();
    for (const e of dir.entries) {
      checkEntry(e, problems);
      // Windows file names are case-insensitive: two names differing only in case collide.
      const key = e.name.normalize('NFC').toLocaleLowerCase('vi');
      if (folded.has(key)) problems.push({ path: e.name, kind: 'duplicate', message: `same name as '${folded.get(key)}' on Windows (names ignore case there)` });
      folded.set(key, e.name);
      byName.set(e.name, e);
      if (e.name.endsWith('/')) continue;
      try {
        const d = await digestEntry(fh, e);
        if (d.crc32 !== e.crc32) problems.push({ path: e.name, kind: 'crc', message: `CRC-32 is ${d.crc32.toString(16)}, the directory says ${e.crc32.toString(16)}` });
        if (d.size !== e.uncompressedSize) problems.push({ path: e.name, kind: 'size', message: `holds ${d.size} bytes, the directory says ${e.uncompressedSize}` });
        digests.set(e.name, d);
      } catch (err) {
        if (!(err instanceof ZipFormatError)) throw err;
        problems.push({ path: e.name, kind: 'zip', message: err.message });
      }
    }
    const sums = byName.get('SHA256SUMS');
    if (!sums) problems.push({ path: 'SHA256SUMS', kind: 'missing', message: 'the bundle has no SHA256SUMS' });
    else if (digests.has('SHA256SUMS')) checkSums((await readEntry(fh, sums)).toString('utf8'), digests, problems);
    const manifestEntry = byName.get('manifest.json');
    if (!manifestEntry) problems.push({ path: 'manifest.json', kind: 'missing', message: 'the bundle has no manifest.json' });
    else if (digests.has('manifest.json')) {
      let manifest: BundleManifest | null = null;
      try {
        manifest = JSON.parse((await readEntry(fh, manifestEntry)).toString('utf8')) as BundleManifest;
      } catch (e) {
        problems.push({ path: 'manifest.json', kind: 'manifest', message: `is not valid JSON: ${(e as Error).message}` });
      }
      if (manifest) checkManifest(manifest, digests, problems);
    }
    return { ok: problems.length === 0, entries: dir.entries.length, problems };
  } finally {
    await fh.close();
  }
}

/** The manifest of a previous bundle (for --since), read with the same independent reader. */
export async function readBundleManifest(file: string): Promise<{ manifest: BundleManifest; sha256: string }> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, 'r');
  } catch (e) {
    throw new UserError(`cannot open the previous bundle ${file}: ${(e as Error).message}`);
  }
  try {
    const dir = await readDirectory(fh).catch((e: unknown) => {
      throw new UserError(`${file} is not a readable zip: ${(e as Error).message}`);
    });
    const entry = dir.entries.find((e) => e.name === 'manifest.json');
    if (!entry) throw new UserError(`${file} has no manifest.json: it is not a KiemChung bundle.`);
    let manifest: BundleManifest;
    try {
      manifest = JSON.parse((await readEntry(fh, entry)).toString('utf8')) as BundleManifest;
    } catch (e) {
      // A zip bomb in the entry, invalid JSON, or JSON nested deeper than the parser's stack.
      throw new UserError(`${file}: manifest.json cannot be read: ${(e as Error).message}`);
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.format !== BUNDLE_FORMAT) throw new UserError(`${file} is not a KiemChung bundle (manifest format ${JSON.stringify((manifest as Partial<BundleManifest> | null)?.format)}).`);
    const problem = manifestShapeProblem(manifest);
    if (problem) throw new UserError(`${file}: manifest.json ${problem}; it cannot be the base of a supplement.`);
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream('', { fd: fh.fd, autoClose: false, start: 0 })) hash.update(chunk as Buffer);
    return { manifest, sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}

/** What a supplement reads from its base: criteria with evidence lists, and `state` when present. */
function manifestShapeProblem(m: BundleManifest): string | null {
  const isItem = (x: unknown): boolean => {
    const o = x as Record<string, unknown> | null;
    return typeof o === 'object' && o !== null && typeof o['code'] === 'string' && typeof o['path'] === 'string' && typeof o['sha256'] === 'string';
  };
  if (!Array.isArray(m.criteria)) return 'has no criteria list';
  for (const c of m.criteria as unknown[]) {
    const evidence = (c as { evidence?: unknown } | null)?.evidence;
    if (typeof (c as { code?: unknown } | null)?.code !== 'string' || !Array.isArray(evidence)) return 'has a criterion without a code or an evidence list';
    for (const e of evidence) if (typeof e !== 'object' || e === null || typeof (e as { path?: unknown }).path !== 'string') return `has evidence without a path under criterion ${(c as { code: string }).code}`;
  }
  const state = (m as { state?: unknown }).state;
  if (state !== undefined && (!Array.isArray(state) || !state.every(isItem))) return 'has a state list whose items lack code, path or sha256';
  return null;
}
