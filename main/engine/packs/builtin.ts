// Built-in packs: JSON files committed in main/engine/packs/builtin/ (generated from
// test/fixtures/packs-source by scripts/build-builtin-packs.ts). The build copies nothing, so they
// are found from the repository (or installed package) root, the nearest folder with a
// package.json above this module: the same folder from main/engine/packs/*.ts (vitest, tsx) and
// from dist/main/engine/packs/*.js (tsc output).

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CriteriaPackSchema, type CriteriaPack } from '../../../shared/pack.js';
import { PackError } from './errors.js';

export const BUILTIN_RELATIVE_DIR = join('main', 'engine', 'packs', 'builtin');

/** Nearest folder at or above `start` that holds a package.json. */
export function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}: cannot locate the built-in criteria packs`);
    dir = up;
  }
}

export function builtinPackDir(): string {
  return join(findPackageRoot(dirname(fileURLToPath(import.meta.url))), BUILTIN_RELATIVE_DIR);
}

let cache: Promise<Map<string, CriteriaPack>> | null = null;

async function loadAll(): Promise<Map<string, CriteriaPack>> {
  const dir = builtinPackDir();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const packs = new Map<string, CriteriaPack>();
  for (const name of names) {
    const file = join(dir, name);
    const parsed = CriteriaPackSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    // A broken built-in is a build defect, not a user error: fail loudly.
    if (!parsed.success) throw new Error(`built-in pack ${file} is invalid: ${parsed.error.message}`);
    if (`${parsed.data.id}.json` !== name) throw new PackError(`built-in pack ${file} has id '${parsed.data.id}', not its file name`);
    packs.set(parsed.data.id, parsed.data);
  }
  return packs;
}

function loaded(): Promise<Map<string, CriteriaPack>> {
  cache ??= loadAll().catch((e: unknown) => {
    cache = null;
    throw e;
  });
  return cache;
}

/** Built-in packs in id order (shared, read once per process: do not modify). */
export async function builtinPackList(): Promise<readonly Readonly<CriteriaPack>[]> {
  return [...(await loaded()).values()];
}

/** A copy of one built-in pack, or null. */
export async function builtinPack(id: string): Promise<CriteriaPack | null> {
  const p = (await loaded()).get(id);
  return p ? structuredClone(p) : null;
}

export async function isBuiltinPackId(id: string): Promise<boolean> {
  return (await loaded()).has(id);
}
