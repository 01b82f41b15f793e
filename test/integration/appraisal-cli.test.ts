// The appraisal round trip through the real CLI (issue 15), on real files: the unit exports đợt 1
// → the appraiser opens it, scores, rejects one document, asks for a supplement on two criteria and
// exports the decisions → the unit imports them and sees both in status --json → the unit links new
// evidence and exports a supplement holding exactly the answers → the appraiser opens it on top of
// the first bundle and sees the requests answered. Every zip in the chain verifies with our
// verifier, unzip -t, Python's zipfile and 7z. Then the refusals: a tampered bundle, decisions for
// another bundle, a score over the maximum, an unknown code.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppraisalOpenJson, AppraisalStatusJson, DecisionsFile, DecisionsImportJson, SubmissionJson } from '../../shared/appraisal.js';
import type { ExportResultJson, RemindersJson } from '../../shared/api-values.js';
import type { StatusJson } from '../../shared/types.js';
import type { BundleManifest } from '../../main/engine/bundle/types.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const PACK = path.join(REPO_ROOT, 'test', 'fixtures', 'packs', 'classify-2023.csv');
const home = tempDir('appraisal-home');

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_HOME: home }, timeout: 180_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(...args: string[]): string {
  const r = run(...args);
  if (r.code !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const json = <T>(...args: string[]): T => JSON.parse(ok(...args, '--json')) as T;
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const manifestOf = (zip: string): BundleManifest => JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as BundleManifest;

/** Our verifier, Info-ZIP, Python's zipfile and 7-Zip all accept the zip. */
function verifiesEverywhere(zip: string): void {
  expect(json<{ ok: boolean; problems: unknown[] }>('verify', zip)).toMatchObject({ ok: true, problems: [] });
  expect(spawnSync('unzip', ['-tq', zip]).status).toBe(0);
  expect(execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', zip], { encoding: 'utf8' }).trim()).toBe('None');
  expect(execFileSync('7z', ['t', zip], { encoding: 'utf8' })).toContain('Everything is Ok');
}

/** Links `file` to exactly `code`: the classifier's other links to it are removed by hand. */
function linkOnly(ws: string, file: string, code: string): void {
  ok('assign', ws, file, code);
  const docs = json<{ path: string; criteria: { code: string }[] }[]>('docs', ws);
  const doc = docs.find((d) => d.path === file);
  for (const c of doc?.criteria ?? []) if (c.code !== code) ok('unassign', ws, file, c.code);
}

describe('the appraisal round trip by files (CLI)', () => {
  const base = tempDir('appraisal-rt');
  const evidence = path.join(base, 'evidence');
  const ws = path.join(base, 'unit-ws');
  const aws = path.join(base, 'so-noi-vu');
  const out = path.join(base, 'out');
  const dot1 = path.join(out, 'dot1.zip');
  const decisions = path.join(out, 'thamdinh.json');
  const supplement = path.join(out, 'bosung.zip');

  beforeAll(() => {
    fs.mkdirSync(evidence);
    fs.mkdirSync(out);
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'KH 78.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(evidence, 'KH khac phuc.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-004.pdf'), path.join(evidence, 'tuyen truyen.pdf'));
    ok('init', ws, '--pack', PACK, '--year', '2023', '--unit', 'Sở Y tế tỉnh Trà Vinh');
    ok('folder', 'add', ws, evidence);
    ok('scan', ws, '--no-ocr');
    linkOnly(ws, path.join(evidence, 'KH 78.pdf'), '1.1');
    linkOnly(ws, path.join(evidence, 'KH khac phuc.pdf'), '1.2');
    linkOnly(ws, path.join(evidence, 'tuyen truyen.pdf'), '1.3');
    ok('score', ws, '1.1', '2', '--explain', 'Ban hành đúng hạn');
  }, 300_000);

  it('goes round: đợt 1 → appraisal → decisions → supplement with exactly the answers → answered', () => {
    // Unit: đợt 1, recorded as a submission with the bundle's real SHA-256.
    const e1 = json<ExportResultJson>('export', ws, '--out', dot1);
    expect(e1.submission).toEqual({ id: 1, batch: 'Đợt 1' });
    expect(e1.sha256).toBe(sha256(dot1));
    const subs1 = json<SubmissionJson[]>('submissions', ws);
    expect(subs1).toMatchObject([{ id: 1, batch: 'Đợt 1', sha256: sha256(dot1), path: dot1, since: null, documents: 3, criteria: 3, answers: 0 }]);
    expect(manifestOf(dot1).batch).toBe('Đợt 1');
    verifiesEverywhere(dot1);
    // The bundle's four reports end with the place-and-date line and the signature block (issue 15 item 7).
    for (const report of ['00_DanhMuc_TLKC', '00_BangTuDanhGia']) {
      const pdf = path.join(out, `${report}.pdf`);
      fs.writeFileSync(pdf, execFileSync('unzip', ['-p', dot1, `${report}.pdf`]));
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text, report).toMatch(/Trà Vinh, ngày \d{2} tháng \d{2} năm \d{4}/);
      for (const s of ['NGƯỜI LẬP', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)']) expect(text, report).toContain(s);
      const xlsx = path.join(out, `${report}.xlsx`);
      fs.writeFileSync(xlsx, execFileSync('unzip', ['-p', dot1, `${report}.xlsx`]));
      const cells = execFileSync('unzip', ['-p', xlsx, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
      for (const s of ['NGƯỜI LẬP', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(cells, report).toContain(s);
      expect(cells, report).toMatch(/Trà Vinh, ngày \d{2} tháng \d{2} năm \d{4}/);
    }

    // Appraiser: open, score (Vietnamese decimal comma), reject one document, two supplement requests.
    const opened = json<AppraisalOpenJson>('appraisal', 'open', dot1, aws);
    expect(opened).toMatchObject({ round: 1, supplement: false, sha256: sha256(dot1), evidence: 3 });
    const st1 = json<AppraisalStatusJson>('appraisal', 'status', aws);
    expect(st1.kind).toBe('appraisal');
    const c11 = st1.criteria.find((c) => c.code === '1.1');
    expect(c11).toMatchObject({ maxPoints: 2, selfScore: 2, explanation: 'Ban hành đúng hạn' });
    const rejectedPath = st1.criteria.find((c) => c.code === '1.2')?.evidence[0]?.path ?? '';
    expect(rejectedPath).toMatch(/^1\.2\/1\.2_01_/);
    expect(json<{ points: number }>('appraisal', 'score', aws, '1.1', '1,5', '--note', 'Chậm 5 ngày').points).toBe(1.5);
    expect(json<{ decision: string }>('appraisal', 'decide', aws, rejectedPath, '1.2', '--reject', '--note', 'Không phải kế hoạch khắc phục').decision).toBe('rejected');
    const r12 = json<{ id: string; due: string | null }>('appraisal', 'request', aws, '1.2', '--supplement', '--note', 'Bổ sung kế hoạch khắc phục hạn chế', '--due', '15/01/2024');
    const r13 = json<{ id: string }>('appraisal', 'request', aws, '1.3', '--supplement', '--note', 'Bổ sung báo cáo kết quả tuyên truyền');
    expect(r12.due).toBe('2024-01-15');
    expect(r12.id).not.toBe(r13.id);
    const exported = json<{ out: string; xlsx: string; sha256: string }>('appraisal', 'export', aws, '--out', decisions);
    expect(exported.sha256).toBe(sha256(dot1));
    const file = JSON.parse(fs.readFileSync(decisions, 'utf8')) as DecisionsFile;
    expect(file.format).toBe('kiemchung-decisions');
    expect(file.bundle.sha256).toBe(sha256(dot1));
    expect(file.rounds.map((r) => r.sha256)).toEqual([sha256(dot1)]);
    expect(file.scores).toEqual([expect.objectContaining({ code: '1.1', points: 1.5, maxPoints: 2, selfScore: 2 })]);
    expect(file.decisions).toEqual([expect.objectContaining({ code: '1.2', path: rejectedPath, decision: 'rejected', sourceRelPath: 'KH khac phuc.pdf' })]);
    expect(file.requests.map((r) => [r.id, r.code, r.kind, r.status])).toEqual([
      [r12.id, '1.2', 'supplement', 'open'],
      [r13.id, '1.3', 'supplement', 'open'],
    ]);
    // The readable XLSX next to it: Vietnamese, with the place-and-date line and the signature block.
    expect(exported.xlsx).toBe(path.join(out, 'thamdinh.xlsx'));
    expect(spawnSync('unzip', ['-tq', exported.xlsx]).status).toBe(0);
    const strings = execFileSync('unzip', ['-p', exported.xlsx, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    for (const s of ['BẢNG KẾT QUẢ THẨM ĐỊNH', 'Điểm thẩm định', 'NGƯỜI LẬP', 'THỦ TRƯỞNG ĐƠN VỊ', 'Bổ sung kế hoạch khắc phục hạn chế', 'Không đạt']) expect(strings).toContain(s);
    expect(strings).toMatch(/Trà Vinh, ngày \d{2} tháng \d{2} năm \d{4}/);

    // Before the decisions, the document the appraiser rejected counts toward 1.2.
    const before12 = json<StatusJson>('status', ws).criteria.find((c) => c.code === '1.2');
    expect(before12?.slots.reduce((n, s) => n + s.valid, 0)).toBe(1);
    expect(before12?.problems.filter((p) => p.kind === 'appraisal-rejected')).toEqual([]);
    // Unit: import; status --json shows the appraised score, the decision and both requests (with their offices).
    const imported = json<DecisionsImportJson>('decisions', 'import', ws, decisions);
    expect(imported).toMatchObject({ bundle: sha256(dot1), scores: 1, decisions: 1, requests: { open: 2, answered: 0, new: 2 }, warnings: [] });
    const status = json<StatusJson>('status', ws);
    const byCode = new Map(status.criteria.map((c) => [c.code, c]));
    expect(byCode.get('1.1')).toMatchObject({ selfScore: 2, appraisedScore: 1.5, appraisalNote: 'Chậm 5 ngày', requests: [] });
    expect(byCode.get('1')?.appraisedScore).toBe(1.5);
    expect(byCode.get('1.2')?.requests).toEqual([{ id: r12.id, kind: 'supplement', note: 'Bổ sung kế hoạch khắc phục hạn chế', due: '2024-01-15', round: 1, office: 'Văn phòng' }]);
    expect(byCode.get('1.2')?.appraisedDocuments).toEqual([expect.objectContaining({ path: rejectedPath, decision: 'rejected', documentId: expect.any(String) as unknown as string })]);
    expect(byCode.get('1.3')?.requests.map((r) => [r.id, r.office])).toEqual([[r13.id, 'Phòng Tổ chức cán bộ, Văn phòng']]);
    // The rejected document no longer counts: a structured problem on 1.2, its slot unfilled.
    const u12 = byCode.get('1.2');
    expect(u12?.problems.filter((p) => p.kind === 'appraisal-rejected')).toEqual([
      expect.objectContaining({ kind: 'appraisal-rejected', params: { relPath: 'KH khac phuc.pdf', note: 'Không phải kế hoạch khắc phục' } }),
    ]);
    expect(u12?.slots.reduce((n, s) => n + s.valid, 0)).toBe(0);
    expect(u12?.status).not.toBe('complete');
    // The reminder lists the rejected document and the open requests with the appraiser's deadline.
    const reminders = json<RemindersJson>('remind', ws);
    const owed = reminders.offices.flatMap((o) => o.items.map((x) => ({ office: o.office, ...x })));
    expect(owed.filter((x) => x.kind === 'appraisal-rejected')).toEqual([expect.objectContaining({ office: 'Văn phòng', code: '1.2', document: 'KH khac phuc.pdf', note: 'Không phải kế hoạch khắc phục' })]);
    expect(owed.filter((x) => x.kind === 'appraisal-request').map((x) => [x.office, x.code, x.request, x.due, x.note]).sort()).toEqual(
      [
        ['Phòng Tổ chức cán bộ', '1.3', 'supplement', null, 'Bổ sung báo cáo kết quả tuyên truyền'],
        ['Văn phòng', '1.2', 'supplement', '2024-01-15', 'Bổ sung kế hoạch khắc phục hạn chế'],
        ['Văn phòng', '1.3', 'supplement', null, 'Bổ sung báo cáo kết quả tuyên truyền'],
      ],
    );
    expect(status.summary).toMatchObject({ appraisedScore: 1.5, openRequests: 2 });

    // Unit: new evidence linked to the two requested criteria, then a supplement named by its đợt.
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(evidence, 'KH khac phuc bo sung.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-003.pdf'), path.join(evidence, 'BC tuyen truyen.pdf'));
    ok('scan', ws, '--no-ocr');
    linkOnly(ws, path.join(evidence, 'KH khac phuc bo sung.pdf'), '1.2');
    linkOnly(ws, path.join(evidence, 'BC tuyen truyen.pdf'), '1.3');
    const e2 = json<ExportResultJson>('export', ws, '--out', supplement, '--since', 'Đợt 1', '--batch', 'Bổ sung lần 1');
    expect(e2).toMatchObject({ submission: { id: 2, batch: 'Bổ sung lần 1' }, answers: 2, documents: 2, withdrawn: 0 });
    const m = manifestOf(supplement);
    expect(m.since?.sha256).toBe(sha256(dot1));
    const items = m.criteria.flatMap((c) => c.evidence.map((e) => [c.code, e.sourceRelPath, e.answers]));
    expect(items).toEqual([
      ['1.2', 'KH khac phuc bo sung.pdf', [r12.id]],
      ['1.3', 'BC tuyen truyen.pdf', [r13.id]],
    ]);
    expect(m.answers?.map((a) => [a.request, a.code, a.evidence.length])).toEqual([
      [r12.id, '1.2', 1],
      [r13.id, '1.3', 1],
    ]);
    verifiesEverywhere(supplement);
    // Its evidence list says which request each document answers.
    const list = path.join(out, 'bosung-danhmuc.pdf');
    fs.writeFileSync(list, execFileSync('unzip', ['-p', supplement, '00_DanhMuc_TLKC.pdf']));
    const listText = execFileSync('pdftotext', [list, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const id of [r12.id, r13.id]) expect(listText).toContain(`Trả lời yêu cầu ${id}`);
    const subs2 = json<SubmissionJson[]>('submissions', ws);
    expect(subs2[1]).toMatchObject({ id: 2, sha256: sha256(supplement), since: { id: 1, sha256: sha256(dot1), batch: 'Đợt 1' }, answers: 2 });
    const after = json<StatusJson>('status', ws);
    expect(after.summary.openRequests).toBe(0);
    expect(after.criteria.find((c) => c.code === '1.2')?.requests).toEqual([]);
    // The rejected document still does not count; the supplement's document is not rejected.
    const after12 = after.criteria.find((c) => c.code === '1.2');
    expect(after12?.problems.filter((p) => p.kind === 'appraisal-rejected').map((p) => p.params.relPath)).toEqual(['KH khac phuc.pdf']);
    // The supplement's document answers the request but does not count toward 1.2, and rightly:
    // it is plan-001.pdf, 2609/KH-SYT of 04/10/2021 (truth.json), outside the assessment year 2023.
    // A supplement is evidence like any other (year, due date, review); the appraiser judges the answer.
    expect(after12?.slots.map((sl) => [sl.satisfied, sl.valid, sl.documents.length])).toEqual([[false, 0, 2]]);
    const bosung = after12?.problems.filter((p) => p.params.relPath === 'KH khac phuc bo sung.pdf').map((p) => [p.kind, p.params.date ?? null, p.params.year ?? null]);
    expect(bosung).toEqual([
      ['outside-year', '2021-10-04', 2023],
      ['unsigned', null, null],
    ]);

    // Appraiser: the supplement opens on top of round 1 and shows both requests answered by its files.
    const opened2 = json<AppraisalOpenJson>('appraisal', 'open', supplement, aws);
    expect(opened2).toMatchObject({ round: 2, supplement: true, evidence: 2, answered: [r12.id, r13.id] });
    const st2 = json<AppraisalStatusJson>('appraisal', 'status', aws);
    expect(st2.rounds.map((r) => [r.round, r.sha256])).toEqual([
      [1, sha256(dot1)],
      [2, sha256(supplement)],
    ]);
    const reqs = st2.criteria.flatMap((c) => c.requests);
    expect(reqs.map((r) => [r.id, r.status, r.answeredRound, r.answeredBy.length])).toEqual([
      [r12.id, 'answered', 2, 1],
      [r13.id, 'answered', 2, 1],
    ]);
    const c12 = st2.criteria.find((c) => c.code === '1.2');
    expect(c12?.evidence.map((e) => [e.round, e.decision?.decision ?? null, e.answers])).toEqual([
      [1, 'rejected', []],
      [2, null, [r12.id]],
    ]);
    expect(st2.summary.requests).toEqual({ open: 0, answered: 2 });
    // Round 2's decisions file carries both rounds; importing it again changes nothing open.
    const decisions2 = path.join(out, 'thamdinh-2.json');
    ok('appraisal', 'export', aws, '--out', decisions2);
    const file2 = JSON.parse(fs.readFileSync(decisions2, 'utf8')) as DecisionsFile;
    expect(file2.rounds.map((r) => r.sha256)).toEqual([sha256(dot1), sha256(supplement)]);
    expect(json<DecisionsImportJson>('decisions', 'import', ws, decisions2).requests).toEqual({ open: 0, answered: 2, new: 0 });
    // The same supplement document with a date inside the year and before 1.2's due date (31/05/2023)
    // fills the slot: only its date kept it from counting.
    ok('fix', ws, path.join(evidence, 'KH khac phuc bo sung.pdf'), '--date', '20/05/2023');
    const fixed12 = json<StatusJson>('status', ws).criteria.find((c) => c.code === '1.2');
    expect(fixed12?.slots.map((sl) => [sl.satisfied, sl.valid, sl.documents.length])).toEqual([[true, 1, 2]]);
    expect(fixed12?.status).toBe('complete');
  }, 600_000);

  it('refuses: a tampered bundle, decisions for another bundle, a score over the maximum, an unknown code, the wrong kind of workspace', () => {
    // A tampered bundle: one byte of an original changed (its CRC and SHA-256 no longer match).
    const tampered = path.join(out, 'tampered.zip');
    const bytes = fs.readFileSync(dot1);
    const at = bytes.indexOf(Buffer.from('%PDF')) + 200;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    fs.writeFileSync(tampered, bytes);
    const aws2 = path.join(base, 'so-noi-vu-2');
    const t = run('appraisal', 'open', tampered, aws2);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/did not verify \(\d+ problem/);
    expect(t.stderr).toMatch(/crc|SHA-256/i);
    expect(fs.existsSync(aws2)).toBe(false);

    // Decisions on another unit's bundle: refused, naming that bundle's SHA-256.
    const other = path.join(base, 'other-ws');
    ok('init', other, '--pack', PACK, '--year', '2023', '--unit', 'Sở Tư pháp tỉnh Trà Vinh');
    const otherZip = path.join(out, 'other.zip');
    ok('export', other, '--out', otherZip);
    const awsOther = path.join(base, 'so-noi-vu-other');
    ok('appraisal', 'open', otherZip, awsOther);
    const otherDecisions = path.join(out, 'other.json');
    ok('appraisal', 'export', awsOther, '--out', otherDecisions);
    const wrong = run('decisions', 'import', ws, otherDecisions);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(sha256(otherZip));
    expect(wrong.stderr).toMatch(/not one of this workspace's submissions/);

    // Scores: over the maximum, not a number, an unknown code; nothing recorded.
    const over = run('appraisal', 'score', aws, '1.2', '2,5');
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/more than criterion 1\.2 can get \(at most 2\)/);
    expect(run('appraisal', 'score', aws, '1.2', '1.000').stderr).toMatch(/not a number of points/);
    const unknown = run('appraisal', 'score', aws, '9.9', '1');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no criterion '9\.9'/);
    expect(run('appraisal', 'request', aws, '9.9', '--explain', '--note', 'x').stderr).toMatch(/no criterion '9\.9'/);
    expect(run('appraisal', 'decide', aws, 'khong-co.pdf', '1.2', '--accept').stderr).toMatch(/no document 'khong-co\.pdf' under criterion 1\.2/);
    expect(run('appraisal', 'request', aws, '1.2', '--explain', '--note', 'x', '--due', '31/02/2024').stderr).toMatch(/does not exist/);
    expect(json<AppraisalStatusJson>('appraisal', 'status', aws).criteria.find((c) => c.code === '1.2')?.appraisedScore).toBeNull();

    // Each side refuses the other's workspace, and a supplement needs its base opened first.
    const unitOnAws = run('status', aws, '--json');
    expect(unitOnAws.code).toBe(1);
    expect(unitOnAws.stderr).toMatch(/is an appraisal workspace/);
    expect(run('appraisal', 'status', ws).stderr).toMatch(/is a unit's workspace/);
    const lone = run('appraisal', 'open', supplement, path.join(base, 'so-noi-vu-3'));
    expect(lone.code).toBe(1);
    expect(lone.stderr).toMatch(/is a supplement to the bundle dot1\.zip/);
    expect(run('appraisal', 'open', dot1, aws).stderr).toMatch(/already opened .* as round 1/);
    expect(run('appraisal', 'score', aws).code).toBe(2);
  }, 600_000);
});
