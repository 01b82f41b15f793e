// The same handler map behind both adapters: the same sequence of calls made through the loopback
// server (HTTP with its token) on one workspace and through the CLI (a real process) on another
// workspace over the same evidence gives the same results, once the parts that must differ (the
// workspace folder, random document ids, clocks) are replaced by stable names.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallArgs, CallName, CallResults } from '../../shared/api.js';
import type { DocumentJson } from '../../shared/types.js';
import { startServer, type RunningServer } from '../../main/web/server.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('parity-home');
const ENV = { KIEMCHUNG_HOME: home, KIEMCHUNG_USER: 'thu.ky' };

function cli<T>(...args: string[]): T {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...ENV }, timeout: 180_000 });
  if (r.status !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

function cliFails(...args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...ENV }, timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

/** Replaces what legitimately differs between two workspaces with stable names. */
function normalizer(wsDir: string, docs: DocumentJson[]): (v: unknown) => unknown {
  const ids = new Map(docs.map((d) => [d.id, `<doc ${d.relPath}>`]));
  const CLOCKS = new Set(['durationMs', 'at', 'addedAt', 'openedAt']);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return ids.get(v) ?? v.split(wsDir).join('<WS>');
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).filter(([k]) => !CLOCKS.has(k)).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk;
}

describe('the loopback server and the CLI call the same handlers', () => {
  let server: RunningServer;
  const evidence = tempDir('parity-evidence');
  const wsHttp = path.join(tempDir('parity-http'), 'ws');
  const wsCli = path.join(tempDir('parity-cli'), 'ws');

  async function http<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResults[N]>> {
    const res = await fetch(`${server.origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiemchung-Token': server.token }, body: JSON.stringify(args) });
    return (await res.json()) as ApiResult<CallResults[N]>;
  }
  async function value<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResults[N]> {
    const r = await http(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
    return r.value;
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/main.js'))) spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
    Object.assign(process.env, ENV);
    fs.mkdirSync(path.join(evidence, '1.1'));
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, '1.1', 'plan-000.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(evidence, 'plan-001.pdf'));
    fs.writeFileSync(path.join(evidence, 'broken.pdf'), '%PDF-1.4\n1 0 obj garbage');
    server = await startServer({ staticDir: tempDir('parity-static') });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('a request without the token is refused with a kind and params', async () => {
    const res = await fetch(`${server.origin}/api/status:get`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiResult<never>)).toMatchObject({ ok: false, error: { kind: 'forbidden', params: { reason: 'token' } } });
  });

  it('workspace create/info, folder add, scan, docs, assign, review, status, missing, search, history', async () => {
    // Workspace and folder.
    const created = await value('workspace:create', { dir: wsHttp, packId: 'tra-vinh-so-y-te-2023', year: 2023, unit: 'Sở Y tế tỉnh Trà Vinh' });
    const init = cli<Record<string, unknown>>('init', wsCli, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023', '--unit', 'Sở Y tế tỉnh Trà Vinh', '--json');
    expect(init).toEqual({ workspace: wsCli, pack: { id: created.pack.id, name: created.pack.name }, year: created.settings.year, unit: created.settings.unit, criteria: created.criteria, batches: created.settings.batches });

    const added = await value('roots:add', { dir: evidence, office: 'Phòng TCCB' });
    const addedCli = cli<unknown>('folder', 'add', wsCli, evidence, '--office', 'Phòng TCCB', '--json');
    const info = await value('workspace:current', {});
    const infoCli = cli<unknown>('info', wsCli, '--json');
    const scan = await value('index:scan', { ocr: false });
    const scanCli = cli<unknown>('scan', wsCli, '--json', '--no-ocr');
    const docs = await value('docs:list', {});
    const docsCli = cli<DocumentJson[]>('docs', wsCli, '--json');
    expect(docs.map((d) => d.relPath).sort()).toEqual(['1.1/plan-000.pdf', 'broken.pdf', 'plan-001.pdf']);

    const nHttp = normalizer(wsHttp, docs);
    const nCli = normalizer(wsCli, docsCli);
    const same = (fromHttp: unknown, fromCli: unknown): void => expect(nCli(fromCli)).toEqual(nHttp(fromHttp));

    same(info, infoCli);
    same(added.roots.at(-1), addedCli);
    // How much classification a scan redid ('all' or 'some') depends on what each side wrote
    // before (the app session writes settings when it opens): work done, not a result.
    const withoutMode = (r: unknown): unknown => JSON.parse(JSON.stringify(r), (k, v: unknown) => (k === 'mode' || k === 'relinked' ? undefined : v));
    same(withoutMode(scan), withoutMode(scanCli));
    same(docs, docsCli);
    same(await value('settings:get', {}).then((s) => s.settings), cli('settings', wsCli, '--json'));

    // Reviewer actions, by path on one side and by id on the other (both are document refs).
    const plan = path.join(evidence, 'plan-001.pdf');
    same(await value('review:assign', { doc: plan, code: '3.1' }), cli('assign', wsCli, plan, '3.1', '--json'));
    const first = docsCli.find((d) => d.relPath === '1.1/plan-000.pdf');
    const firstHttp = docs.find((d) => d.relPath === '1.1/plan-000.pdf');
    same(
      await value('review:decide', { doc: firstHttp?.id ?? '', code: '1.1', decision: 'accepted', note: 'Đủ chữ ký' }),
      cli('review', wsCli, first?.id ?? '', '1.1', '--accept', '--note', 'Đủ chữ ký', '--json'),
    );
    same(await value('review:score', { code: '1.1', points: 1.5, explanation: 'Ban hành trễ hạn' }), cli('score', wsCli, '1.1', '1.5', '--explain', 'Ban hành trễ hạn', '--json'));

    // Reading calls.
    const status = await value('status:get', {});
    same(status, cli('status', wsCli, '--json'));
    // The dashboard's projection: the same summary, every criterion, its problems counted; and the counts alone.
    const dashboard = await value('status:dashboard', {});
    same(dashboard, cli('status', wsCli, '--dashboard', '--json'));
    expect(dashboard.summary).toEqual(status.summary);
    expect(dashboard.criteria.map((c) => [c.code, c.status, c.problemCount])).toEqual(status.criteria.map((c) => [c.code, c.status, c.problems.length]));
    const counts = await value('docs:counts', {});
    same(counts, cli('docs', wsCli, '--counts', '--json'));
    expect(counts).toEqual({ total: 3, unreadable: 1, unassigned: status.summary.unassigned, queue: (await value('docs:queue', {})).items.length });
    same(await value('offices:missing', {}), cli('missing', wsCli, '--json'));
    const hits = await value('search:query', { query: 'khac phuc han che' });
    expect(hits.length).toBeGreaterThan(0);
    same(hits, cli('search', wsCli, 'khac phuc han che', '--json'));
    const history = await value('review:history', {});
    expect(history.map((h) => h.action)).toEqual(['score', 'review:accepted', 'assign']);
    same(history, cli('history', wsCli, '--json'));
    same(await value('criterion:get', { code: '1.1' }), cli('criterion', wsCli, '1.1', '--json'));
    same(await value('roots:list', {}), cli('folder', 'list', wsCli, '--json'));
  });

  it('a refusal reaches both adapters from the one mapping: kind and params over HTTP, the same message on stderr', async () => {
    const refused = await http('review:assign', { doc: path.join(evidence, 'broken.pdf'), code: '7.7' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'user', params: { problems: [] } } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/criterion '7\.7' is not in the pack/);
    const r = cliFails('assign', wsCli, path.join(evidence, 'broken.pdf'), '7.7');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kiemchung: ${message}\n`);

    const bad = await http('review:score', { code: '1.1', points: 'many' as unknown as number });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-argument', params: { call: 'review:score', field: 'points', value: 'many' } } });
  });
});
