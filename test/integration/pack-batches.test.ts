// Plan batch dates → workspace batches, on the real seed plans (test/fixtures/corpus/seeds): the
// submission batches a plan states ("Gửi tài liệu kiểm chứng đợt 01 trước ngày 30/6 hàng năm")
// go into the pack drafted from it and into the built-in pack made from its facts; a workspace
// created from such a pack (CLI init, the app's workspace:create, packs:use) takes them as its
// `batches` setting, a yearly date in the workspace's own year, unless the user has set batches.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallArgs, CallName, CallResults } from '../../shared/api.js';
import type { BatchJson } from '../../shared/settings.js';
import { packBatchesFor, type CriteriaPack } from '../../shared/pack.js';
import { BUILTIN_PLANS, BUILTIN_SOURCES } from '../../main/engine/packs/build-builtin.js';
import { builtinPackDir } from '../../main/engine/packs/builtin.js';
import { importPlan } from '../../main/engine/packs/plan/index.js';
import { startServer, type RunningServer } from '../../main/web/server.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('pack-batches-home');
const ENV = { KIEMCHUNG_HOME: home };
const PLANS = ['plan-000.pdf', 'plan-001.pdf', 'plan-002.pdf', 'plan-003.pdf', 'plan-004.pdf'];

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...ENV }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function cli<T>(...args: string[]): T {
  const r = run(...args, '--json');
  if (r.code !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
const batchesOf = (ws: string): BatchJson[] | null => cli<{ batches: BatchJson[] | null }>('settings', ws).batches;

/**
 * What the plan's own text says, read with poppler's pdftotext (not our reader): each
 * "đợt 0N trước ngày D/M" as [N, day, month, year printed or null].
 */
function statedBatches(plan: string): [number, number, number, number | null][] {
  const text = execFileSync('pdftotext', [path.join(SEEDS, plan), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  return [...text.matchAll(/đợt 0*(\d+) trước ngày (\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/giu)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4]) : null]);
}
const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('plan batches → pack', () => {
  it('each seed plan: the pack drafted from it carries exactly the batches its text states', async () => {
    const withBatches: string[] = [];
    for (const plan of PLANS) {
      const stated = statedBatches(plan);
      const draft = await importPlan(path.join(SEEDS, plan));
      const year = draft.facts.year;
      if (year === null) throw new Error(`${plan}: no year read`);
      const expected = stated.map(([n, d, m, y]) => ({ label: `Đợt ${n}`, due: iso(y ?? year, m, d), yearly: y === null }));
      expect(draft.pack.batches, plan).toEqual(expected.length > 0 ? expected : undefined);
      if (expected.length > 0) withBatches.push(plan);
    }
    // Only Quảng Ngãi's plan (2609/KH-SYT, 2021) states batches: 30/6, 30/9 and 15/11 "hàng năm".
    expect(withBatches).toEqual(['plan-001.pdf']);
  }, 120_000);

  it('each built-in pack carries the batches of its seed plan (npm run packs:build read them)', async () => {
    for (const [csv, plan] of Object.entries(BUILTIN_PLANS)) {
      const id = BUILTIN_SOURCES[csv]?.id ?? '';
      const pack = JSON.parse(fs.readFileSync(path.join(builtinPackDir(), `${id}.json`), 'utf8')) as CriteriaPack;
      expect(pack.batches, id).toEqual((await importPlan(path.join(SEEDS, plan))).pack.batches);
    }
    const qn = JSON.parse(fs.readFileSync(path.join(builtinPackDir(), 'quang-ngai-so-y-te-2021.json'), 'utf8')) as CriteriaPack;
    expect(qn.batches?.map((b) => [b.label, b.due, b.yearly])).toEqual([
      ['Đợt 1', '2021-06-30', true],
      ['Đợt 2', '2021-09-30', true],
      ['Đợt 3', '2021-11-15', true],
    ]);
  }, 120_000);
});

describe('packBatchesFor', () => {
  it('puts a yearly batch in the given year (29/02 in a common year: 28/02), keeps a dated one, sorts by date', () => {
    const pack = {
      batches: [
        { label: 'Đợt 2', due: '2024-11-15', yearly: false },
        { label: 'Đợt 1', due: '2024-02-29', yearly: true },
        { label: 'Đợt 3', due: '2024-06-30', yearly: true },
      ],
    };
    expect(packBatchesFor(pack, 2023)).toEqual([
      { label: 'Đợt 1', due: '2023-02-28' },
      { label: 'Đợt 3', due: '2023-06-30' },
      { label: 'Đợt 2', due: '2024-11-15' },
    ]);
    expect(packBatchesFor(pack, null).map((b) => b.due)).toEqual(['2024-02-29', '2024-06-30', '2024-11-15']);
    expect(packBatchesFor({}, 2023)).toEqual([]);
  });
});

describe('pack batches → workspace batches', () => {
  let server: RunningServer;
  async function value<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResults[N]> {
    const res = await fetch(`${server.origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiemchung-Token': server.token }, body: JSON.stringify(args) });
    const r = (await res.json()) as ApiResult<CallResults[N]>;
    if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
    return r.value;
  }

  beforeAll(async () => {
    Object.assign(process.env, ENV);
    server = await startServer({ staticDir: tempDir('pack-batches-static') });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('init --pack of the built-in Quảng Ngãi pack: its year, or the yearly dates in the year given', () => {
    const ws2021 = path.join(tempDir('pb-qn'), 'ws');
    expect(cli<{ batches: BatchJson[] | null }>('init', ws2021, '--pack', 'quang-ngai-so-y-te-2021').batches?.map((b) => b.label)).toEqual(['Đợt 1', 'Đợt 2', 'Đợt 3']);
    expect(batchesOf(ws2021)).toEqual([
      { label: 'Đợt 1', due: '2021-06-30' },
      { label: 'Đợt 2', due: '2021-09-30' },
      { label: 'Đợt 3', due: '2021-11-15' },
    ]);
    const ws2024 = path.join(tempDir('pb-qn24'), 'ws');
    cli('init', ws2024, '--pack', 'quang-ngai-so-y-te-2021', '--year', '2024');
    expect(batchesOf(ws2024)?.map((b) => b.due)).toEqual(['2024-06-30', '2024-09-30', '2024-11-15']);
    // The reminders by batch use them.
    expect(cli<{ batches: BatchJson[] }>('missing', ws2024).batches.map((b) => b.due)).toEqual(['2024-06-30', '2024-09-30', '2024-11-15']);
  }, 60_000);

  it('a pack whose plan states no batches leaves the setting unset (the defaults apply)', () => {
    const ws = path.join(tempDir('pb-tv'), 'ws');
    expect(cli<{ batches: BatchJson[] | null }>('init', ws, '--pack', 'tra-vinh-so-y-te-2023').batches).toBeNull();
    // The text output names the batches only when the pack set them.
    const text = run('init', path.join(tempDir('pb-qn-text'), 'ws'), '--pack', 'quang-ngai-so-y-te-2021', '--year', '2023');
    expect(text.stdout).toContain("batches (from the pack's plan): Đợt 1=30/06/2023; Đợt 2=30/09/2023; Đợt 3=15/11/2023");
    expect(batchesOf(ws)).toBeNull();
  }, 60_000);

  it('a pack saved from the plan (packs import --save) gives its batches to init --pack', () => {
    const saved = cli<{ pack: CriteriaPack; saved: { id: string } | null }>('packs', 'import', path.join(SEEDS, 'plan-001.pdf'), '--save');
    expect(saved.saved?.id).toBe(saved.pack.id);
    const ws = path.join(tempDir('pb-plan'), 'ws');
    cli('init', ws, '--pack', saved.pack.id, '--year', '2022');
    expect(batchesOf(ws)).toEqual([
      { label: 'Đợt 1', due: '2022-06-30' },
      { label: 'Đợt 2', due: '2022-09-30' },
      { label: 'Đợt 3', due: '2022-11-15' },
    ]);
  }, 60_000);

  it('the app: workspace:create takes them; packs:use takes them only while the user has set none', async () => {
    const wsApp = path.join(tempDir('pb-app'), 'ws');
    await value('workspace:create', { dir: wsApp, packId: 'quang-ngai-so-y-te-2021', year: 2023 });
    expect((await value('settings:get', {})).settings.batches?.map((b) => b.due)).toEqual(['2023-06-30', '2023-09-30', '2023-11-15']);

    // Trà Vinh (no batches) → packs:use Quảng Ngãi: the setting was unset, so it takes the plan's.
    const wsUse = path.join(tempDir('pb-use'), 'ws');
    await value('workspace:create', { dir: wsUse, packId: 'tra-vinh-so-y-te-2023', year: 2023 });
    expect((await value('settings:get', {})).settings.batches).toBeNull();
    await value('packs:use', { id: 'quang-ngai-so-y-te-2021' });
    expect((await value('settings:get', {})).settings.batches?.map((b) => [b.label, b.due])).toEqual([
      ['Đợt 1', '2023-06-30'],
      ['Đợt 2', '2023-09-30'],
      ['Đợt 3', '2023-11-15'],
    ]);

    // A pack file (JSON, the optional field as documented in CONTRACTS §5) read for one workspace.
    const file = path.join(tempDir('pb-json'), 'bo-tieu-chi.json');
    const batches = [
      { label: 'Đợt 1', due: '2023-06-30' },
      { label: 'Đợt 2', due: '2023-10-31', yearly: false },
    ];
    fs.writeFileSync(file, JSON.stringify({ format: 'kiemchung-pack', version: 1, id: 'thu-batches', name: 'Thử', year: 2023, batches, criteria: [{ code: '1', title: 'Kế hoạch' }] }));
    const wsJson = path.join(tempDir('pb-json-ws'), 'ws');
    await value('workspace:create', { dir: wsJson, packFile: file, year: 2024 });
    expect((await value('packs:workspace', {})).batches).toEqual(batches.map((b) => ({ ...b, yearly: false })));
    // Dated, not yearly: the dates stay in 2023 in a 2024 workspace.
    expect((await value('settings:get', {})).settings.batches).toEqual([
      { label: 'Đợt 1', due: '2023-06-30' },
      { label: 'Đợt 2', due: '2023-10-31' },
    ]);

    // Batches the user set are kept.
    const wsOwn = path.join(tempDir('pb-own'), 'ws');
    await value('workspace:create', { dir: wsOwn, packId: 'tra-vinh-so-y-te-2023', year: 2023 });
    const own = [{ label: 'Đợt A', due: '2023-07-15' }];
    await value('settings:update', { batches: own });
    await value('packs:use', { id: 'quang-ngai-so-y-te-2021' });
    expect((await value('settings:get', {})).settings.batches).toEqual(own);
    await value('workspace:close', {});
  }, 60_000);
});
