// The CLI as users and scripts call it: a real process, real files, exit codes and JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson, SearchHit } from '../../shared/types.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');

function run(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kiemchung CLI', () => {
  const home = tempDir('home');
  const env = { KIEMCHUNG_HOME: home };
  let ws: string;
  let evidence: string;

  beforeAll(() => {
    // The CLI runs from dist/: `npm test` builds first; build here too when run alone.
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/main.js'))) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    ws = path.join(tempDir('cli'), 'ws');
    evidence = tempDir('cli-evidence');
    fs.mkdirSync(path.join(evidence, '1.1'));
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, '1.1', 'plan-000.pdf'));
    fs.writeFileSync(path.join(evidence, 'broken.pdf'), '%PDF-1.4\n1 0 obj garbage');
  });

  it('prints help and exits 0; unknown commands and bad options exit 2', () => {
    expect(run(['--help']).code).toBe(0);
    expect(run(['--help']).stdout).toMatch(/kiemchung init WS --pack PACK/);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['init']).code).toBe(2);
    expect(run(['docs', ws, '--bogus']).code).toBe(2);
  });

  it('init → folder add → scan → docs → search', () => {
    const packs = JSON.parse(run(['packs', 'list', '--json'], env).stdout) as { id: string }[];
    expect(packs.map((p) => p.id)).toContain('tra-vinh-so-y-te-2023');

    const init = run(['init', ws, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023', '--unit', 'Sở Y tế tỉnh Trà Vinh'], env);
    expect(init.code, init.stderr).toBe(0);
    expect(run(['init', ws, '--pack', 'tra-vinh-so-y-te-2023'], env).code).toBe(1);

    expect(run(['folder', 'add', ws, evidence, '--office', 'Phòng TCCB'], env).code).toBe(0);
    const folders = JSON.parse(run(['folder', 'list', ws, '--json'], env).stdout) as { path: string; office: string }[];
    expect(folders).toEqual([expect.objectContaining({ path: fs.realpathSync(evidence), office: 'Phòng TCCB' })]);

    const scan = run(['scan', ws, '--json'], env);
    expect(scan.code, scan.stderr).toBe(0);
    const report = JSON.parse(scan.stdout) as { indexed: number; errors: { kind: string }[] };
    expect(report.indexed).toBe(2);
    expect(report.errors.map((e) => e.kind)).toEqual(['corrupt']);

    const docs = JSON.parse(run(['docs', ws, '--json'], env).stdout) as DocumentJson[];
    const plan = docs.find((d) => d.relPath === '1.1/plan-000.pdf');
    expect(plan).toMatchObject({ number: '78/KH-SYT', type: 'KH', typeName: 'Kế hoạch', date: '2023-06-08', place: 'Trà Vinh', kind: 'pdf', pages: 7 });
    expect(plan?.fields.number?.source).toBe('text');
    const errors = JSON.parse(run(['docs', ws, '--json', '--errors'], env).stdout) as DocumentJson[];
    expect(errors.map((d) => d.relPath)).toEqual(['broken.pdf']);

    const hits = JSON.parse(run(['search', ws, 'khac phuc han che', '--json'], env).stdout) as SearchHit[];
    expect(hits[0]).toMatchObject({ id: plan?.id, relPath: '1.1/plan-000.pdf' });
    expect(hits[0]?.snippet).toMatch(/khắc phục/i);
  });

  it('packs import reports every bad row with its row and column and imports nothing', () => {
    const r = run(['packs', 'import', path.join(REPO_ROOT, 'test/fixtures/packs/bad-rows.csv')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 4, column 'Điểm tối đa'.*1,5,2/);
    expect(r.stderr).toMatch(/row 5/);
    const ids = (JSON.parse(run(['packs', 'list', '--json'], env).stdout) as { id: string }[]).map((p) => p.id);
    expect(ids.some((id) => id.startsWith('bad-rows'))).toBe(false);
  });

  it('packs import then export round-trips through XLSX', () => {
    const good = run(['packs', 'import', path.join(REPO_ROOT, 'test/fixtures/packs/good-vi.csv'), '--json'], env);
    expect(good.code, good.stderr).toBe(0);
    const { id } = JSON.parse(good.stdout) as { id: string };
    const out = path.join(tempDir('xlsx'), 'pack.xlsx');
    expect(run(['packs', 'export', id, '--out', out], env).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    expect(run(['packs', 'show', id, '--json'], env).code).toBe(0);
  });

  it('fails with exit 1 and a plain message naming the path', () => {
    const missing = path.join(tempDir('none'), 'no-such-ws');
    const r = run(['docs', missing, '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toMatch(/not a KiemChung workspace/);
    expect(r.stdout).toBe('');
  });
});
