// The user's pack library (per user, not per workspace): imported packs as <id>.json in
// packLibraryDir(), next to the built-in packs shipped with the app.

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  CriteriaPackSchema,
  isPackId,
  packSummary,
  validatePack,
  type CriteriaPack,
  type PackSummary,
} from '../../../shared/pack.js';
import { writeFileAtomic } from './atomic-write.js';
import { builtinPack, builtinPackList, isBuiltinPackId } from './builtin.js';
import { PackError, PackNotFoundError } from './errors.js';
import { importPackFile, PACK_FILE_EXTENSIONS, type ImportPackOptions } from './import.js';

/** The app's per-user data folder: %APPDATA%\kiemchung, ~/.config/kiemchung, ~/Library/Application Support/kiemchung. */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.KIEMCHUNG_HOME) return env.KIEMCHUNG_HOME;
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'kiemchung');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'kiemchung');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'kiemchung');
}

/** Where imported packs live: $KIEMCHUNG_HOME/packs, else the platform's app-data folder + /packs. */
export function packLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const base = appDataDir(env, platform);
  return platform === 'win32' ? path.win32.join(base, 'packs') : path.join(base, 'packs');
}

function libraryFile(id: string): string {
  return path.join(packLibraryDir(), `${id}.json`);
}

async function readLibraryFile(file: string): Promise<CriteriaPack> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new PackError(`pack library file '${file}' is not readable JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = CriteriaPackSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.map(String).join('.') : '';
    throw new PackError(`pack library file '${file}' is not a valid criteria pack (${where ? `${where}: ` : ''}${first?.message ?? 'invalid'})`);
  }
  const expected = path.basename(file, '.json');
  if (parsed.data.id !== expected) {
    throw new PackError(`pack library file '${file}' holds pack id '${parsed.data.id}'; the file must be named '${parsed.data.id}.json'`);
  }
  return parsed.data;
}

export interface BrokenPackFile {
  file: string;
  message: string;
}

export interface PackLibraryScan {
  packs: PackSummary[];
  /** Files in the library folder that could not be read as packs (they are left alone). */
  broken: BrokenPackFile[];
}

/** Built-in packs, then imported ones by id; unreadable library files are listed, not hidden. */
export async function scanPackLibrary(): Promise<PackLibraryScan> {
  const packs = (await builtinPackList()).map((p) => packSummary(p, true));
  const builtinIds = new Set(packs.map((p) => p.id));
  const broken: BrokenPackFile[] = [];
  const dir = packLibraryDir();
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.')).sort();
  } catch (e) {
    if (!(typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT')) throw e;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const pack = await readLibraryFile(file);
      if (builtinIds.has(pack.id)) {
        broken.push({ file, message: `uses the id of a built-in pack ('${pack.id}'); the built-in pack is used` });
        continue;
      }
      packs.push(packSummary(pack, false));
    } catch (e) {
      broken.push({ file, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { packs, broken };
}

/** Summaries of every pack: built-in first, then imported (by id). */
export async function listPacks(): Promise<PackSummary[]> {
  return (await scanPackLibrary()).packs;
}

/** A built-in or imported pack, or null when there is none with this id. */
export async function findPack(id: string): Promise<CriteriaPack | null> {
  const builtin = await builtinPack(id);
  if (builtin) return builtin;
  if (!isPackId(id)) return null;
  const file = libraryFile(id);
  if (!existsSync(file)) return null;
  return readLibraryFile(file);
}

/** A built-in or imported pack; throws PackNotFoundError naming the known ids. */
export async function getPack(id: string): Promise<CriteriaPack> {
  const pack = await findPack(id);
  if (pack) return pack;
  throw new PackNotFoundError(id, (await listPacks()).map((p) => p.id));
}

export interface SavedPack {
  file: string;
  /** True when an imported pack with this id was replaced. */
  replaced: boolean;
}

/** Store a pack in the library (atomically). Built-in ids are refused; invalid packs too. */
export async function savePack(pack: CriteriaPack): Promise<SavedPack> {
  const parsed = CriteriaPackSchema.safeParse(pack);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `${i.path.map(String).join('.') || '(pack)'}: ${i.message}`);
    throw new PackError(`pack '${pack.id}' cannot be saved: ${lines.join('; ')}`);
  }
  const errors = validatePack(parsed.data).filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new PackError(`pack '${pack.id}' cannot be saved: ${errors.slice(0, 10).map((i) => i.message).join('; ')}`);
  }
  if (await isBuiltinPackId(pack.id)) {
    throw new PackError(
      `'${pack.id}' is the id of a built-in pack, which cannot be replaced; import it under another id ` +
        '(rename the file, or set "id" in a JSON pack)',
    );
  }
  const file = libraryFile(pack.id);
  await mkdir(path.dirname(file), { recursive: true });
  const replaced = existsSync(file);
  await writeFileAtomic(file, `${JSON.stringify(parsed.data, null, 2)}\n`);
  return { file, replaced };
}

/** Remove an imported pack; built-in packs cannot be removed. Returns false when there was none. */
export async function removePack(id: string): Promise<boolean> {
  if (await isBuiltinPackId(id)) throw new PackError(`'${id}' is a built-in pack and cannot be removed`);
  if (!isPackId(id)) return false;
  const file = libraryFile(id);
  if (!existsSync(file)) return false;
  await rm(file);
  return true;
}

function looksLikePackFile(arg: string): boolean {
  return PACK_FILE_EXTENSIONS.includes(path.extname(arg).toLowerCase()) || /[\\/]/.test(arg);
}

/**
 * What `--pack` names: a built-in or imported pack id, or a path to a .json/.csv/.xlsx pack file,
 * which is imported (not saved to the library).
 */
export async function resolvePackArg(arg: string, options: ImportPackOptions = {}): Promise<CriteriaPack> {
  if (!looksLikePackFile(arg)) {
    const pack = await findPack(arg);
    if (pack) return pack;
    if (!existsSync(arg)) throw new PackNotFoundError(arg, (await listPacks()).map((p) => p.id));
  }
  return importPackFile(arg, options);
}
