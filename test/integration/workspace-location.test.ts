// Where `kiemchung init` (and the app's "create workspace", which calls the same engine) may put a
// workspace: each refused place gets exit 1 and a message naming it, quickly, and nothing is
// created on disk; the accepted places work.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

function init(dir: string): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kiemchung.js'), 'init', dir, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe('workspace location', () => {
  const base = tempDir('ws-location');

  it('refuses /proc (recursive mkdir would loop there) within seconds', () => {
    const r = init('/proc/kiemchung-x/ws');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/system folder/);
  });

  it('refuses a chain of missing folders and creates none of them', () => {
    const target = path.join(base, 'missing', 'deeper', 'ws');
    const r = init(target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(base, 'missing', 'deeper'));
    expect(fs.existsSync(path.join(base, 'missing'))).toBe(false);
  });

  it('refuses a folder that already holds evidence and leaves it untouched', () => {
    const evidence = path.join(base, 'evidence');
    fs.mkdirSync(path.join(evidence, 'Phòng TCCB'), { recursive: true });
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'Phòng TCCB', 'KH 78.pdf'));
    const r = init(evidence);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds documents \(Phòng TCCB\/KH 78\.pdf\)/);
    expect(fs.readdirSync(evidence)).toEqual(['Phòng TCCB']);
  });

  it('refuses Windows reserved names', () => {
    const r = init(path.join(base, 'CON'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Windows reserves/);
    expect(fs.existsSync(path.join(base, 'CON'))).toBe(false);
  });

  it('creates the last segment under an existing parent, or uses an empty existing folder', () => {
    expect(init(path.join(base, 'new-ws')).code).toBe(0);
    expect(fs.existsSync(path.join(base, 'new-ws', 'kiemchung.db'))).toBe(true);
    fs.mkdirSync(path.join(base, 'empty'));
    expect(init(path.join(base, 'empty')).code).toBe(0);
  });
});
