// kiemchung export / verify through the real CLI: exit codes and JSON per CONTRACTS.md §1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/kiemchung.js'), ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('kiemchung export / verify', () => {
  let ws: Workspace;
  let root: string;
  beforeAll(async () => {
    root = tempDir('bundle-cli-ev');
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(root, 'KH 78.pdf'));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    assignDocument(ws, path.join(root, 'KH 78.pdf'), '1.1');
  });
  afterAll(() => ws?.close());

  it('exports with --json, then verifies with exit 0', () => {
    const out = path.join(tempDir('bundle-cli-out'), 'b.zip');
    const e = cli('export', ws.dir, '--out', out, '--json');
    expect(e.code, e.stderr).toBe(0);
    const result = JSON.parse(e.stdout) as { out: string; documents: number; entries: number };
    expect(result.out).toBe(out);
    expect(result.documents).toBeGreaterThanOrEqual(1);
    const v = cli('verify', out, '--json');
    expect(v.code, v.stderr).toBe(0);
    const verified = JSON.parse(v.stdout) as { ok: boolean; entries: number; problems: unknown[] };
    expect(verified).toEqual({ ok: true, entries: result.entries, problems: [] });
  });

  it('bad usage exits 2; a refused destination or a bad bundle exits 1 with a message', () => {
    expect(cli('export', ws.dir).code).toBe(2);
    expect(cli('verify').code).toBe(2);
    const refused = cli('export', ws.dir, '--out', path.join(root, 'b.zip'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/evidence folder/);
    const junk = path.join(tempDir('bundle-cli-junk'), 'junk.zip');
    fs.writeFileSync(junk, 'no zip here');
    const v = cli('verify', junk, '--json');
    expect(v.code).toBe(1);
    expect((JSON.parse(v.stdout) as { ok: boolean }).ok).toBe(false);
    expect(v.stderr).toMatch(/did not verify/);
  });
});
