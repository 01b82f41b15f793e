// status, assign, unassign, review, score and missing as users and scripts call them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson, StatusJson } from '../../shared/types.js';
import type { MissingJson } from '../../main/engine/offices/missing.js';
import { REAL, REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const env = { KIEMCHUNG_HOME: tempDir('home'), KIEMCHUNG_USER: 'thu.ky' };

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(...args: string[]): T {
  const r = run(...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('kiemchung status / assign / review / score / missing', () => {
  let ws: string;

  beforeAll(() => {
    ws = path.join(tempDir('cli-criteria'), 'ws');
    const evidence = tempDir('cli-criteria-evidence');
    fs.mkdirSync(path.join(evidence, 'TC 1.1'));
    fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(evidence, 'TC 1.1', 'KH 311.pdf'));
    // A công văn about construction: no code, no matching subject; nothing links it until someone does.
    fs.copyFileSync(path.join(REAL, 'lc-3686-UBND-XD-signed.pdf'), path.join(evidence, 'cong-van.pdf'));
    expect(run('init', ws, '--pack', path.join(REPO_ROOT, 'test/fixtures/packs/classify-2023.csv'), '--year', '2023').code).toBe(0);
    expect(run('folder', 'add', ws, evidence).code).toBe(0);
    // About links, not time limits: a loaded CI machine can take more than 10 s for one file.
    expect(run('settings', ws, 'fileTimeoutMs', '60000').code).toBe(0);
    expect(run('scan', ws, '--no-ocr', '--json').code).toBe(0);
  });

  it('status --json follows CONTRACTS.md §3', () => {
    const s = json<StatusJson>('status', ws, '--json');
    expect(s.pack).toMatchObject({ year: 2023 });
    expect(s.summary).toMatchObject({ criteria: 6, complete: 1, partial: 0, missing: 5, documents: 2, errors: 0, unassigned: 1, maxPoints: 15 });
    const c11 = s.criteria.find((c) => c.code === '1.1');
    expect(c11).toMatchObject({ title: 'Kế hoạch cải cách hành chính năm', parent: '1', maxPoints: 2, selfScore: null, status: 'complete', required: 1, satisfied: 1 });
    expect(c11?.documents).toHaveLength(1);
    for (const c of s.criteria) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['code', 'title', 'parent', 'maxPoints', 'selfScore', 'status', 'required', 'satisfied', 'documents', 'problems']));
    }
    expect(run('status', ws).stdout).toMatch(/6 criteria: 1 complete, 0 partial, 5 missing/);
  });

  it('assign, review, score and missing change what status says', () => {
    const docs = json<DocumentJson[]>('docs', ws, '--json', '--unassigned');
    expect(docs.map((d) => d.relPath)).toEqual(['cong-van.pdf']);
    const id = docs[0]?.id as string;

    expect(run('assign', ws, id, '1.4.1').code).toBe(0);
    const reviewed = json<DocumentJson>('review', ws, 'cong-van.pdf', '1.4.1', '--reject', '--note', 'Thiếu dấu', '--json');
    expect(reviewed.criteria).toEqual([expect.objectContaining({ code: '1.4.1', source: 'manual', status: 'rejected', note: 'Thiếu dấu' })]);
    expect(json<StatusJson>('status', ws, '--json').criteria.find((c) => c.code === '1.4.1')?.status).toBe('partial');
    // The short id the text output of docs and criterion prints is taken too.
    expect(run('review', ws, id.slice(0, 8), '1.4.1', '--accept').code).toBe(0);
    // Accepted, but dated 2026: evidence outside the assessment year still does not count.
    const accepted = json<StatusJson>('status', ws, '--json').criteria.find((c) => c.code === '1.4.1');
    expect(accepted?.status).toBe('partial');
    expect(accepted?.problems.map((p) => p.kind)).toEqual(['outside-year', 'no-evidence']);

    expect(run('score', ws, '1.1', '1,5', '--explain', 'Ban hành trễ hạn').code).toBe(0);
    const s = json<StatusJson>('status', ws, '--json');
    expect(s.criteria.find((c) => c.code === '1.1')).toMatchObject({ selfScore: 1.5, explanation: 'Ban hành trễ hạn' });
    expect(s.summary.selfScore).toBe(1.5);

    const missing = json<MissingJson>('missing', ws, '--office', 'Thanh tra', '--json');
    expect(missing.offices.map((o) => [o.office, o.criteria.map((c) => c.code)])).toEqual([['Thanh tra Sở', ['1.4.1', '1.4.2', '2.1']]]);

    expect(run('unassign', ws, id, '1.4.1').code).toBe(0);
    expect(json<DocumentJson[]>('docs', ws, '--json', '--unassigned').map((d) => d.relPath)).toEqual(['cong-van.pdf']);
    // A rescan does not undo the manual unassign.
    expect(run('scan', ws, '--no-ocr').code).toBe(0);
    expect(json<DocumentJson[]>('docs', ws, '--json', '--criterion', '1.4').map((d) => d.relPath)).toEqual([]);

    const history = json<{ actor: string; action: string; criterionCode: string }[]>('history', ws, '--json');
    expect(history.map((h) => `${h.action} ${h.criterionCode}`)).toEqual([
      'unassign 1.4.1',
      'score 1.1',
      'review:accepted 1.4.1',
      'review:rejected 1.4.1',
      'assign 1.4.1',
    ]);
    expect(new Set(history.map((h) => h.actor))).toEqual(new Set(['thu.ky']));
  });

  it('settings: batches are validated and decide the đợt of what is missing', () => {
    expect(run('settings', ws, 'batches', 'Đợt 1=30/06/2023; Đợt 2=31/12/2023').code).toBe(0);
    const missing = json<MissingJson>('missing', ws, '--json');
    expect(missing.batches).toEqual([{ label: 'Đợt 1', due: '2023-06-30' }, { label: 'Đợt 2', due: '2023-12-31' }]);
    const c13 = missing.offices.flatMap((o) => o.criteria).find((c) => c.code === '1.3');
    expect(c13?.batch).toBe('Đợt 2');
    const bad = run('settings', ws, 'batches', 'Đợt 1=31/02/2023');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/'31\/02\/2023' is not a date/);
    expect(run('settings', ws, 'colour', 'blue').code).toBe(2);
    expect(json<{ batches: unknown }>('settings', ws, '--json').batches).toHaveLength(2);
    expect(run('settings', ws, 'batches', 'default').code).toBe(0);
  });

  it('bad usage exits 2; impossible requests exit 1 with the value at fault', () => {
    expect(run('review', ws, 'cong-van.pdf', '1.4.1').code).toBe(2);
    expect(run('review', ws, 'cong-van.pdf', '1.4.1', '--accept', '--reject').code).toBe(2);
    expect(run('score', ws, '1.1', 'abc').code).toBe(2);
    const unknown = run('assign', ws, 'cong-van.pdf', '7.7');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/criterion '7\.7' is not in the pack/);
    const notLinked = run('review', ws, 'cong-van.pdf', '2.1', '--accept');
    expect(notLinked.code).toBe(1);
    expect(notLinked.stderr).toMatch(/not linked to 2\.1/);
  });
});
