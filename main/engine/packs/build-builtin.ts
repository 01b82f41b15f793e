// Build time only (scripts/build-builtin-packs.ts and its test): the built-in packs from the
// criteria facts in test/fixtures/packs-source/*.csv and the submission batches their seed plans
// (test/fixtures/corpus/seeds) state. The app itself never reads those folders.
//
// Facts the plans do not print (max points, scoring rules) stay null: see packs-source/README.md.
// Evidence slots, keywords and due dates are derived by the same code that imports a user's CSV,
// so a built-in pack is exactly what `kiemchung packs import` makes of its source file.

import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CriteriaPack } from '../../../shared/pack.js';
import type { PackMeta } from './assemble.js';
import { writeFileAtomic } from './atomic-write.js';
import { PackError, type PackProblem } from './errors.js';
import { importPackFileWithWarnings } from './import.js';

/** What each source file is (packs-source/README.md and the plans in corpus/seeds). */
export const BUILTIN_SOURCES: Readonly<Record<string, Required<Omit<PackMeta, 'batches'>>>> = {
  'tra-vinh-so-y-te-2023.csv': {
    id: 'tra-vinh-so-y-te-2023',
    name: 'Sở Y tế tỉnh Trà Vinh – Bộ chỉ số CCHC 2023',
    province: 'Trà Vinh',
    level: 'so',
    year: 2023,
    unit: 'Sở Y tế tỉnh Trà Vinh',
    source: 'Kế hoạch số 78/KH-SYT ngày 08/6/2023 của Sở Y tế tỉnh Trà Vinh, mục II.1',
  },
  'dong-nai-so-y-te-2023.csv': {
    id: 'dong-nai-so-y-te-2023',
    name: 'Sở Y tế tỉnh Đồng Nai – Nhiệm vụ cải cách hành chính 2023',
    province: 'Đồng Nai',
    level: 'so',
    year: 2023,
    unit: 'Sở Y tế tỉnh Đồng Nai',
    source: 'Kế hoạch số 311/KH-SYT ngày 19/01/2023 của Sở Y tế tỉnh Đồng Nai, Phụ lục (areas I–VII → 1–7; each Mục tiêu with its tasks as sub-criteria)',
  },
  'quang-ngai-so-y-te-2021.csv': {
    id: 'quang-ngai-so-y-te-2021',
    name: 'Sở Y tế tỉnh Quảng Ngãi – Nhiệm vụ Chỉ số CCHC (PAR INDEX) 2021',
    province: 'Quảng Ngãi',
    level: 'so',
    year: 2021,
    unit: 'Sở Y tế tỉnh Quảng Ngãi',
    source: 'Kế hoạch số 2609/KH-SYT ngày 04/10/2021 của Sở Y tế tỉnh Quảng Ngãi, mục B.I (tasks in prose, numbered 1–5)',
  },
  'tra-cu-ubnd-huyen-2023.csv': {
    id: 'tra-cu-ubnd-huyen-2023',
    name: 'UBND huyện Trà Cú – Nhiệm vụ Chỉ số CCHC (PAR Index) 2023',
    province: 'Trà Vinh',
    level: 'huyen',
    year: 2023,
    unit: 'Ủy ban nhân dân huyện Trà Cú',
    source: 'Kế hoạch (số và ngày để trống)/KH-UBND tháng 6/2023 của UBND huyện Trà Cú, mục II.2.1 (offices a–e → 1–5, their tasks as sub-criteria)',
  },
  'binh-dinh-so-y-te-2023.csv': {
    id: 'binh-dinh-so-y-te-2023',
    name: 'Sở Y tế tỉnh Bình Định – Bộ chỉ số CCHC 2023',
    province: 'Bình Định',
    level: 'so',
    year: 2023,
    unit: 'Sở Y tế tỉnh Bình Định',
    source: 'Kế hoạch (số để trống)/KH-SYT ngày 15/6/2023 của Sở Y tế tỉnh Bình Định, Phụ lục',
  },
};

/**
 * The seed plan (test/fixtures/corpus/seeds) each source file's facts come from: the builder reads
 * the submission batches the plan states ("đợt 01 trước ngày 30/6 hàng năm") into the pack.
 */
export const BUILTIN_PLANS: Readonly<Record<string, string>> = {
  'tra-vinh-so-y-te-2023.csv': 'plan-000.pdf',
  'quang-ngai-so-y-te-2021.csv': 'plan-001.pdf',
  'dong-nai-so-y-te-2023.csv': 'plan-002.pdf',
  'tra-cu-ubnd-huyen-2023.csv': 'plan-003.pdf',
  'binh-dinh-so-y-te-2023.csv': 'plan-004.pdf',
};

/** Where the seed plans are beside packs-source (test/fixtures/corpus/seeds). */
export function defaultPlansDir(sourceDir: string): string {
  return path.join(sourceDir, '..', 'corpus', 'seeds');
}

export interface BuiltPack {
  sourceFile: string;
  pack: CriteriaPack;
  warnings: PackProblem[];
}

/**
 * Every source CSV as a pack, with the batches its seed plan states; throws PackImportError for a
 * bad file, PackError for an unknown one or a missing plan.
 */
export async function buildBuiltinPacks(sourceDir: string, plansDir: string = defaultPlansDir(sourceDir)): Promise<BuiltPack[]> {
  const { importPlan, packBatchesOf } = await import('./plan/index.js');
  const names = (await readdir(sourceDir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  if (names.length === 0) throw new PackError(`no .csv files in ${sourceDir}`);
  const out: BuiltPack[] = [];
  for (const name of names) {
    const meta = BUILTIN_SOURCES[name];
    if (!meta) throw new PackError(`${name}: no unit/year facts for this file; add it to BUILTIN_SOURCES in main/engine/packs/build-builtin.ts`);
    const planName = BUILTIN_PLANS[name];
    if (!planName) throw new PackError(`${name}: no seed plan named for this file; add it to BUILTIN_PLANS in main/engine/packs/build-builtin.ts`);
    const plan = await importPlan(path.join(plansDir, planName));
    const sourceFile = path.join(sourceDir, name);
    const { pack, warnings } = await importPackFileWithWarnings(sourceFile, { ...meta, batches: packBatchesOf(plan.batches) });
    out.push({ sourceFile, pack, warnings });
  }
  return out;
}

/** The committed form of a built-in pack: stable key order, two-space indent, final newline. */
export function builtinPackJson(pack: CriteriaPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export async function writeBuiltinPacks(built: readonly BuiltPack[], outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const b of built) {
    const file = path.join(outDir, `${b.pack.id}.json`);
    await writeFileAtomic(file, builtinPackJson(b.pack));
    files.push(file);
  }
  return files;
}
