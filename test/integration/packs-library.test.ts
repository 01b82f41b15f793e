// The per-user pack library in a real temp folder (KIEMCHUNG_HOME), with the built-in packs
// loaded from the committed JSON.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinPackDir, findPackageRoot } from '../../main/engine/packs/builtin.js';
import { PackError, PackImportError, PackNotFoundError } from '../../main/engine/packs/errors.js';
import {
  appDataDir,
  findPack,
  getPack,
  listPacks,
  packLibraryDir,
  removePack,
  resolvePackArg,
  savePack,
  scanPackLibrary,
} from '../../main/engine/packs/library.js';
import { CriteriaPackSchema, type CriteriaPack } from '../../shared/pack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const FIXTURES = path.join(REPO, 'test/fixtures/packs');

const root = mkdtempSync(path.join(tmpdir(), 'kiemchung-packs-library-'));
const savedHome = process.env.KIEMCHUNG_HOME;
let home: string;
let n = 0;

beforeEach(() => {
  home = path.join(root, `home-${++n}`);
  process.env.KIEMCHUNG_HOME = home;
});

afterAll(() => {
  if (savedHome === undefined) delete process.env.KIEMCHUNG_HOME;
  else process.env.KIEMCHUNG_HOME = savedHome;
  rmSync(root, { recursive: true, force: true });
});

function smallPack(id: string): CriteriaPack {
  return {
    format: 'kiemchung-pack',
    version: 1,
    id,
    name: `Pack ${id}`,
    province: 'Trà Vinh',
    level: 'xa',
    year: 2024,
    unit: null,
    source: null,
    criteria: [
      {
        code: '1',
        title: 'Chỉ đạo điều hành',
        parent: null,
        maxPoints: null,
        responsible: null,
        collaborators: null,
        due: null,
        dueText: null,
        scoringRule: null,
        expectedResult: null,
        keywords: [],
        evidence: [],
      },
    ],
  };
}

describe('library location', () => {
  it('uses KIEMCHUNG_HOME, else the platform app-data folder, plus /packs', () => {
    expect(packLibraryDir()).toBe(path.join(home, 'packs'));
    const env = { KIEMCHUNG_HOME: '' };
    expect(appDataDir({ ...env, APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32', 'C:\\Users\\an')).toBe('C:\\Users\\an\\AppData\\Roaming\\kiemchung');
    expect(packLibraryDir({ ...env, APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\an\\AppData\\Roaming\\kiemchung\\packs');
    expect(appDataDir(env, 'linux', '/home/an')).toBe('/home/an/.config/kiemchung');
    expect(appDataDir({ ...env, XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/an')).toBe('/xdg/kiemchung');
    expect(appDataDir(env, 'darwin', '/Users/an')).toBe('/Users/an/Library/Application Support/kiemchung');
  });
});

describe('built-in packs', () => {
  it('are found from the repository root, from the source tree and from a dist layout alike', () => {
    expect(builtinPackDir()).toBe(path.join(REPO, 'main/engine/packs/builtin'));
    const fake = mkdtempSync(path.join(root, 'pkg-'));
    writeFileSync(path.join(fake, 'package.json'), '{}');
    const nested = path.join(fake, 'dist/main/engine/packs');
    mkdirSync(nested, { recursive: true });
    expect(findPackageRoot(nested)).toBe(fake);
  });

  it('load from the compiled dist/ modules too (built by the test global setup)', async () => {
    const compiled = path.join(REPO, 'dist/main/engine/packs/builtin.js');
    expect(existsSync(compiled), 'dist/ is built by test/global-setup.ts').toBe(true);
    const mod = (await import(pathToFileURL(compiled).href)) as {
      builtinPackDir(): string;
      builtinPack(id: string): Promise<CriteriaPack | null>;
    };
    expect(mod.builtinPackDir()).toBe(path.join(REPO, 'main/engine/packs/builtin'));
    expect((await mod.builtinPack('tra-vinh-so-y-te-2023'))?.criteria).toHaveLength(17);
  });

  it('are listed first, with summaries, and every file is a valid pack named by its id', async () => {
    const list = await listPacks();
    expect(list.filter((p) => p.builtin).map((p) => p.id)).toEqual([
      'binh-dinh-so-y-te-2023',
      'dong-nai-so-y-te-2023',
      'quang-ngai-so-y-te-2021',
      'tra-cu-ubnd-huyen-2023',
      'tra-vinh-so-y-te-2023',
    ]);
    expect(list.find((p) => p.id === 'tra-vinh-so-y-te-2023')).toEqual({
      id: 'tra-vinh-so-y-te-2023',
      name: 'Sở Y tế tỉnh Trà Vinh – Bộ chỉ số CCHC 2023',
      year: 2023,
      level: 'so',
      province: 'Trà Vinh',
      criteria: 17,
      builtin: true,
    });
    for (const name of readdirSync(builtinPackDir())) {
      const pack = CriteriaPackSchema.parse(JSON.parse(readFileSync(path.join(builtinPackDir(), name), 'utf8')));
      expect(`${pack.id}.json`).toBe(name);
      expect(pack.criteria.every((c) => c.maxPoints === null && c.scoringRule === null)).toBe(true);
    }
  });

  it('getPack returns a copy: changing it does not change the next one', async () => {
    const a = await getPack('tra-vinh-so-y-te-2023');
    a.criteria.length = 0;
    expect((await getPack('tra-vinh-so-y-te-2023')).criteria).toHaveLength(17);
  });
});

describe('savePack, getPack, listPacks', () => {
  it('saves atomically, lists and reloads an imported pack', async () => {
    const p = smallPack('xa-a-2024');
    const saved = await savePack(p);
    expect(saved).toEqual({ file: path.join(home, 'packs', 'xa-a-2024.json'), replaced: false });
    expect(readdirSync(path.join(home, 'packs'))).toEqual(['xa-a-2024.json']);
    expect(await getPack('xa-a-2024')).toEqual(p);
    expect((await listPacks()).at(-1)).toEqual({ id: 'xa-a-2024', name: 'Pack xa-a-2024', year: 2024, level: 'xa', province: 'Trà Vinh', criteria: 1, builtin: false });
    expect((await savePack({ ...p, name: 'Renamed' })).replaced).toBe(true);
    expect((await getPack('xa-a-2024')).name).toBe('Renamed');
    expect(readdirSync(path.join(home, 'packs'))).toEqual(['xa-a-2024.json']);
  });

  it('refuses to overwrite a built-in id, and leaves the library untouched', async () => {
    await expect(savePack(smallPack('tra-vinh-so-y-te-2023'))).rejects.toThrow(
      "'tra-vinh-so-y-te-2023' is the id of a built-in pack, which cannot be replaced",
    );
    expect(existsSync(path.join(home, 'packs'))).toBe(false);
    await expect(removePack('tra-vinh-so-y-te-2023')).rejects.toThrow(PackError);
  });

  it('refuses an invalid pack', async () => {
    const bad = smallPack('bad-pack');
    bad.criteria.push({ ...bad.criteria[0]!, code: '1.1', parent: '9' });
    await expect(savePack(bad)).rejects.toThrow("parent '9' of '1.1' is not a code in this file");
    await expect(savePack({ ...smallPack('x'), id: '../escape' })).rejects.toThrow(PackError);
    expect(existsSync(path.join(home, 'packs'))).toBe(false);
  });

  it('reports an unknown id with the known ones', async () => {
    await expect(getPack('khong-co')).rejects.toThrow(PackNotFoundError);
    await expect(getPack('khong-co')).rejects.toThrow(/Known packs: binh-dinh-so-y-te-2023, dong-nai-so-y-te-2023, quang-ngai-so-y-te-2021, tra-cu-ubnd-huyen-2023, tra-vinh-so-y-te-2023/);
    expect(await findPack('../../etc/passwd')).toBeNull();
  });

  it('lists unreadable library files instead of hiding them', async () => {
    await savePack(smallPack('good-one'));
    writeFileSync(path.join(home, 'packs', 'broken.json'), '{ not json');
    writeFileSync(path.join(home, 'packs', 'misnamed.json'), JSON.stringify(smallPack('other-id')));
    const scan = await scanPackLibrary();
    expect(scan.packs.filter((p) => !p.builtin).map((p) => p.id)).toEqual(['good-one']);
    expect(scan.broken.map((b) => path.basename(b.file))).toEqual(['broken.json', 'misnamed.json']);
    await expect(getPack('broken')).rejects.toThrow(/is not readable JSON/);
  });

  it('removes an imported pack', async () => {
    await savePack(smallPack('to-remove'));
    expect(await removePack('to-remove')).toBe(true);
    expect(await removePack('to-remove')).toBe(false);
    await expect(getPack('to-remove')).rejects.toThrow(PackNotFoundError);
  });
});

describe('resolvePackArg', () => {
  it('takes a built-in id, a library id, or a pack file', async () => {
    expect((await resolvePackArg('binh-dinh-so-y-te-2023')).name).toBe('Sở Y tế tỉnh Bình Định – Bộ chỉ số CCHC 2023');
    await savePack(smallPack('lib-pack'));
    expect((await resolvePackArg('lib-pack')).id).toBe('lib-pack');
    const fromFile = await resolvePackArg(path.join(FIXTURES, 'good-en.csv'));
    expect(fromFile.id).toBe('good-en');
    // A file is imported, not saved.
    expect(readdirSync(path.join(home, 'packs'))).toEqual(['lib-pack.json']);
  });

  it('explains what it could not resolve', async () => {
    await expect(resolvePackArg('no-such-pack')).rejects.toThrow(PackNotFoundError);
    await expect(resolvePackArg(path.join(root, 'missing.xlsx'))).rejects.toThrow(PackImportError);
    await expect(resolvePackArg(path.join(FIXTURES, 'bad-rows.csv'))).rejects.toThrow(PackImportError);
  });
});
