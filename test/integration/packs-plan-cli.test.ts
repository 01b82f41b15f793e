// `kiemchung packs import PLAN.pdf [--save] [--json]` through the real CLI: the draft's rows, the
// cells to check and the batches; nothing is kept without --save; with it the pack is listed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../shared/plan-draft.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const home = tempDir('plan-cli-home');
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kiemchung.js'), ...args], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_HOME: home } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('kiemchung packs import PLAN', () => {
  it('drafts a pack from the Quảng Ngãi plan, with its three batches, and keeps it only with --save', () => {
    const file = path.join(SEEDS, 'plan-001.pdf');
    const draft = cli('packs', 'import', file, '--json');
    expect(draft.code, draft.stderr).toBe(0);
    const r = JSON.parse(draft.stdout) as PlanDraft & { saved: unknown };
    expect(r.rows).toHaveLength(5);
    expect(r.batches.map((b) => b.due)).toEqual(['2021-06-30', '2021-09-30', '2021-11-15']);
    expect(r.saved).toBeNull();
    const before = JSON.parse(cli('packs', 'list', '--json').stdout) as { id: string }[];
    expect(before.some((p) => p.id === r.pack.id)).toBe(false);

    const saved = cli('packs', 'import', file, '--save');
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(`Saved as pack ${r.pack.id}`);
    const after = JSON.parse(cli('packs', 'list', '--json').stdout) as { id: string }[];
    expect(after.some((p) => p.id === r.pack.id)).toBe(true);
  }, 60_000);

  it('refuses a scan without a text layer with a message naming the file', () => {
    const scan = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus', 'real', 'kg-1942-KH-SYT.pdf');
    const r = cli('packs', 'import', scan);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kg-1942-KH-SYT.pdf');
    expect(r.stderr).toMatch(/no text layer/);
  }, 60_000);
});
