// `kiemchung fix`: a correction by hand, as a real process over real files. It prints the document
// as JSON, refuses a date that does not exist (naming it), is appended to the history, and holds
// for the same bytes after a copy, a rename and a rescan (it is keyed by the sha256).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryJson } from '../../shared/api.js';
import type { DocumentJson, StatusJson } from '../../shared/types.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');

function run(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kiemchung fix', () => {
  const env = { KIEMCHUNG_HOME: tempDir('fix-home'), KIEMCHUNG_USER: 'văn thư' };
  let ws: string;
  let evidence: string;

  beforeAll(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/main.js'))) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    ws = path.join(tempDir('fix'), 'ws');
    evidence = tempDir('fix-evidence');
    fs.mkdirSync(path.join(evidence, '1.1'));
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, '1.1', 'd07.pdf'));
    expect(run(['init', ws, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023'], env).code).toBe(0);
    expect(run(['folder', 'add', ws, evidence], env).code).toBe(0);
    const scan = run(['scan', ws, '--json', '--no-ocr'], env);
    expect(scan.code, scan.stderr).toBe(0);
  });

  const docs = (): DocumentJson[] => JSON.parse(run(['docs', ws, '--json'], env).stdout) as DocumentJson[];
  const found = (query: string): string[] => (JSON.parse(run(['search', ws, query, '--json'], env).stdout) as { relPath: string }[]).map((h) => h.relPath);

  it('refuses a date that does not exist, naming it, and changes nothing', () => {
    const before = docs()[0];
    const r = run(['fix', ws, '1.1/d07.pdf', '--date', '31/02/2023'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('31/02/2023');
    expect(r.stderr).toMatch(/does not exist/);
    expect(run(['fix', ws, '1.1/d07.pdf', '--date', '2023-13-01'], env).code).toBe(1);
    expect(run(['fix', ws, '1.1/d07.pdf', '--clear', 'colour'], env).code).toBe(2);
    expect(run(['fix', ws, '1.1/d07.pdf'], env).code).toBe(1);
    expect(docs()[0]).toEqual(before);
  });

  it('sets fields by hand: JSON with source manual, confidence 1, in the history', () => {
    const r = run(['fix', ws, '1.1/d07.pdf', '--date', '5/3/2023', '--number', '12/KH-SYT', '--type', 'KH', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as DocumentJson;
    expect(doc.date).toBe('2023-03-05');
    expect(doc.number).toBe('12/KH-SYT');
    expect(doc.type).toBe('KH');
    expect(doc.fields.date).toEqual({ source: 'manual', confidence: 1 });
    expect(doc.fields.number).toEqual({ source: 'manual', confidence: 1 });
    expect(doc.suggestions.date).toBeUndefined();
    const history = JSON.parse(run(['history', ws, '--json'], env).stdout) as HistoryEntryJson[];
    const fix = history.find((h) => h.action === 'fix');
    expect(fix?.actor).toBe('văn thư');
    expect(fix?.sha256).toBe(doc.sha256);
    expect(fix?.detail).toMatchObject({ relPath: '1.1/d07.pdf', fields: { date: { to: '2023-03-05' } } });
    // Search finds the document by the number the clerk typed, not only by what recognition read.
    expect(found('12/KH-SYT')).toEqual(['1.1/d07.pdf']);
  });

  it('a cleared field is null and has no provenance', () => {
    const r = run(['fix', ws, '1.1/d07.pdf', '--clear', 'title', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as DocumentJson;
    expect(doc.title).toBeNull();
    expect(doc.fields.title).toBeUndefined();
    expect(doc.date).toBe('2023-03-05');
  });

  it('survives a copy, a rename and a rescan (keyed by the sha256)', () => {
    fs.copyFileSync(path.join(evidence, '1.1', 'd07.pdf'), path.join(evidence, '1.1', 'copy.pdf'));
    fs.renameSync(path.join(evidence, '1.1', 'd07.pdf'), path.join(evidence, '1.1', 'ke-hoach.pdf'));
    const scan = run(['scan', ws, '--json', '--no-ocr'], env);
    expect(scan.code, scan.stderr).toBe(0);
    const all = docs();
    expect(all.map((d) => d.relPath).sort()).toEqual(['1.1/copy.pdf', '1.1/ke-hoach.pdf']);
    for (const d of all) {
      expect(d.date).toBe('2023-03-05');
      expect(d.number).toBe('12/KH-SYT');
      expect(d.fields.date?.source).toBe('manual');
      expect(d.title).toBeNull();
    }
    expect(found('12/KH-SYT').sort()).toEqual(['1.1/copy.pdf', '1.1/ke-hoach.pdf']);
    const status = JSON.parse(run(['status', ws, '--json'], env).stdout) as StatusJson;
    const c = status.criteria.find((x) => x.documents.includes(all[0]?.id ?? ''));
    expect(c?.problems.some((p) => p.kind === 'undated')).toBe(false);
  });
});
