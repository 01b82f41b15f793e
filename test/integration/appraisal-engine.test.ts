// Submissions and the appraisal engine on real workspaces and real bundles (issue 15): a
// submission named for --since (id, đợt, SHA-256 prefix) and refused when its file changed; an
// explain request answered by a changed giải trình; supplements opened in order only; status
// fields present before any import.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalStatus, exportDecisions, importDecisions, openBundle, requestOn, withAppraisal } from '../../main/engine/appraisal/index.js';
import { exportBundle, readBundleManifest } from '../../main/engine/bundle/index.js';
import { listSubmissions, submissionFile } from '../../main/engine/bundle/submissions.js';
import { computeStatus } from '../../main/engine/completeness/status.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import { assignDocument, setScore } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

describe('submissions and the appraisal engine', () => {
  let ws: Workspace;
  const base = tempDir('appraisal-engine');
  const evidence = path.join(base, 'evidence');
  const out = path.join(base, 'out');
  const aws = path.join(base, 'aws');

  beforeAll(async () => {
    fs.mkdirSync(evidence);
    fs.mkdirSync(out);
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'a.pdf'));
    const pack = await importPackFile(path.join(REPO_ROOT, 'test', 'fixtures', 'packs', 'classify-2023.csv'));
    ws = Workspace.create(path.join(base, 'ws'), { pack, year: 2023, unit: 'UBND huyện Trà Cú, tỉnh Trà Vinh' });
    addRoot(ws, evidence);
    await scanWorkspace(ws, { ocr: false });
    assignDocument(ws, path.join(evidence, 'a.pdf'), '1.1');
    setScore(ws, '2.1', { points: 3, explanation: 'Có lịch tiếp công dân' });
  }, 120_000);
  afterAll(() => ws?.close());

  it('status carries the appraisal fields, empty, before any import', () => {
    const s = computeStatus(ws);
    expect(s.summary).toMatchObject({ appraisedScore: null, openRequests: 0 });
    for (const c of s.criteria) expect(c).toMatchObject({ appraisedScore: null, appraisalNote: null, requests: [], appraisedDocuments: [] });
  });

  it('names submissions for --since and answers an explain request with a changed giải trình', async () => {
    const first = path.join(out, 'dot1.zip');
    const r1 = await exportBundle(ws, { out: first });
    const [s1] = listSubmissions(ws);
    expect(s1).toMatchObject({ id: r1.submission.id, batch: 'Đợt 1', sha256: r1.sha256, since: null });
    expect(await submissionFile(ws, '1')).toBe(first);
    expect(await submissionFile(ws, 'đợt 1')).toBe(first);
    expect(await submissionFile(ws, r1.sha256.slice(0, 10))).toBe(first);
    await expect(submissionFile(ws, 'Đợt 9')).rejects.toThrow(/neither a bundle file nor a submission .*1 \(Đợt 1\)/);

    await openBundle(first, aws);
    const asked = await withAppraisal(aws, (a) => requestOn(a, '2.1', 'explain', 'Giải trình số buổi tiếp công dân', '2024-01-10'));
    expect(asked).toMatchObject({ id: 'YC-1-01', due: '2024-01-10', status: 'open' });
    const decisions = path.join(out, 'kq.json');
    const exported = await withAppraisal(aws, (a) => exportDecisions(a, decisions));
    expect(exported.requests).toEqual({ open: 1, answered: 0 });
    expect(importDecisions(ws, decisions).requests).toMatchObject({ open: 1, new: 1 });
    expect(computeStatus(ws).criteria.find((c) => c.code === '2.1')?.requests.map((r) => r.id)).toEqual(['YC-1-01']);

    // No new document, only a new giải trình: the supplement answers the explain request with it.
    setScore(ws, '2.1', { points: 3, explanation: 'Tiếp công dân 12 buổi trong năm' });
    const second = path.join(out, 'bs1.zip');
    const r2 = await exportBundle(ws, { out: second, since: await submissionFile(ws, 'Đợt 1') });
    expect(r2.answers).toBe(1);
    const { manifest } = await readBundleManifest(second);
    expect(manifest.answers).toEqual([{ request: 'YC-1-01', code: '2.1', kind: 'explain', evidence: [], explanation: 'Tiếp công dân 12 buổi trong năm' }]);
    expect(listSubmissions(ws)[1]).toMatchObject({ batch: 'Đợt 2', since: { id: 1, batch: 'Đợt 1' }, answers: 1 });
    expect(computeStatus(ws).summary.openRequests).toBe(0);

    // A third bundle against đợt 1 again cannot open after round 2: supplements go in order.
    const third = path.join(out, 'bs2.zip');
    await exportBundle(ws, { out: third, since: first });
    const opened = await openBundle(second, aws);
    expect(opened).toMatchObject({ round: 2, answered: ['YC-1-01'] });
    await expect(openBundle(third, aws)).rejects.toThrow(/supplements round 1 .* but round 2 .* is the latest/);
    const st = await withAppraisal(aws, appraisalStatus);
    expect(st.criteria.find((c) => c.code === '2.1')).toMatchObject({ explanation: 'Tiếp công dân 12 buổi trong năm', requests: [expect.objectContaining({ status: 'answered', answeredRound: 2 })] });

    // The XLSX's place-and-date line takes the district from the unit's name.
    expect(execFileSync('unzip', ['-p', exported.xlsx, 'xl/sharedStrings.xml'], { encoding: 'utf8' })).toMatch(/Trà Cú, ngày \d{2} tháng \d{2} năm \d{4}/);

    // A submission whose file changed since is refused for --since, naming it.
    fs.appendFileSync(first, 'x');
    await expect(submissionFile(ws, 'Đợt 1')).rejects.toThrow(/no longer holds submission 1 \(Đợt 1\)/);
  }, 300_000);
});
