// Classification, completeness and review over real evidence trees built from test/fixtures/corpus
// files, in every folder and file-name style units use.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaPack } from '../../shared/pack.js';
import type { DocumentJson, StatusJson } from '../../shared/types.js';
import { fixDocument } from '../../main/engine/review/corrections.js';
import { computeStatus } from '../../main/engine/completeness/status.js';
import { missingByOffice } from '../../main/engine/offices/missing.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument, historyOf, reviewDocument, setScore, unassignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';
import { rawDb } from '../helpers/raw-db.js';

let pack: CriteriaPack;
// These tests are about links, not time limits: on a loaded 2-core CI machine (OCR tests run
// beside them) the default 10 s per file can cut off an ordinary 7-page plan.
const SLOW_MACHINE_TIMEOUT_MS = 60_000;
const open: Workspace[] = [];

beforeAll(async () => {
  pack = await importPackFile(path.join(REPO_ROOT, 'test/fixtures/packs/classify-2023.csv'), { id: 'classify-2023', name: 'Bộ tiêu chí thử', year: 2023 });
});

afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

/** Lay out corpus files under `root`: { 'folder/name.pdf': '<corpus dir>/<file>' }. */
function layout(root: string, files: Record<string, string>): void {
  for (const [rel, src] of Object.entries(files)) {
    const dest = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(src, dest);
  }
}

async function workspaceOver(files: Record<string, string>): Promise<{ ws: Workspace; root: string }> {
  const base = tempDir('classify');
  const root = path.join(base, 'Evidence');
  layout(root, files);
  const ws = Workspace.create(path.join(base, 'ws'), { pack, year: 2023, unit: 'Sở Y tế tỉnh Thử' });
  open.push(ws);
  // OCR is the scan engine's business; these trees are about links, so keep scans fast and stable.
  ws.setSetting('ocr', false);
  addRoot(ws, root);
  await scanWorkspace(ws, { poolSize: 2, fileTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
  return { ws, root };
}

function byRel(ws: Workspace): Map<string, DocumentJson> {
  return new Map(listDocuments(ws).map((d) => [d.relPath, d]));
}

function criterion(status: StatusJson, code: string): StatusJson['criteria'][number] {
  const c = status.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`no ${code} in status`);
  return c;
}

const seed = (f: string): string => path.join(SEEDS, f);
const real = (f: string): string => path.join(REAL, f);

describe('folder-code styles', () => {
  it('links by every folder style units use, nested and with area prefixes', async () => {
    const styles: Record<string, string> = {
      '1.3': '1.3',
      '1.3.': '1.3',
      '1.3 Tuyên truyền': '1.3',
      'TC1.3': '1.3',
      'TC 1.3': '1.3',
      'TC_1.3': '1.3',
      'Tiêu chí 1.3 - Tuyên truyền CCHC': '1.3',
      '1/1.4/1.4.2': '1.4.2',
      'LV1/TC 1.4.1': '1.4.1',
      'Lĩnh vực 1/1.4/1.4.1': '1.4.1',
    };
    const files = Object.fromEntries(Object.keys(styles).map((dir) => [`${dir}/plan-000.pdf`, seed('plan-000.pdf')]));
    const { ws } = await workspaceOver(files);
    const docs = byRel(ws);
    for (const [dir, code] of Object.entries(styles)) {
      const d = docs.get(`${dir}/plan-000.pdf`);
      const deepest = dir.split('/').pop() as string;
      expect(d?.criteria.map((c) => [c.code, c.source, c.reason]), dir).toEqual([[code, 'folder', `folder '${deepest}'`]]);
    }
  });

  it('picks the criterion of an area folder by content, and says when nothing under it matches', async () => {
    const { ws } = await workspaceOver({
      'LV1/plan-002.pdf': seed('plan-002.pdf'),
      'Lĩnh vực 2/plan-002.pdf': seed('plan-002.pdf'),
    });
    const docs = byRel(ws);
    const lv1 = docs.get('LV1/plan-002.pdf');
    expect(lv1?.criteria).toHaveLength(1);
    expect(lv1?.criteria[0]?.code).toBe('1.1');
    expect(lv1?.criteria[0]?.reason).toMatch(/^folder 'LV1' \+ KH \+ .*'cải cách hành chính'/i);
    const lv2 = docs.get('Lĩnh vực 2/plan-002.pdf');
    expect(lv2?.criteria).toEqual([]);
    // Filed under area 2 on purpose: content elsewhere is a drift note, never a silent link.
    expect(lv2?.notes.map((n) => `${n.kind}:${n.code}`)).toEqual(['area-only:2', 'drift:1.1']);
  });
});

describe('file-name code styles', () => {
  it('links by the code at the start of the file name', async () => {
    const names = ['1.3 KH tuyên truyền.pdf', 'TC1.3_KH.pdf', 'TC 1.3 - KH.pdf', 'Tiêu chí 1.3 - KH.pdf', 'TC_1.3 KH.pdf', '1.3.pdf'];
    const { ws } = await workspaceOver(Object.fromEntries(names.map((n) => [`Phòng TCCB/${n}`, seed('plan-000.pdf')])));
    const docs = byRel(ws);
    for (const n of names) {
      expect(docs.get(`Phòng TCCB/${n}`)?.criteria.map((c) => [c.code, c.source, c.reason]), n).toEqual([['1.3', 'filename', `file name '${n}'`]]);
    }
  });
});

describe('duplicates', () => {
  it('shows copies and re-saved versions of the same document, and drops none', async () => {
    // Same text, different bytes: what a second scan or a re-export of the same document gives.
    const resaved = path.join(tempDir('resaved'), 'plan-000-resaved.pdf');
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(fs.readFileSync(seed('plan-000.pdf')));
    doc.setTitle('re-saved');
    fs.writeFileSync(resaved, await doc.save());
    const { ws } = await workspaceOver({
      'TC 1.2/plan-000.pdf': seed('plan-000.pdf'),
      'Phòng TCCB/ban sao plan-000.pdf': seed('plan-000.pdf'),
      'Văn phòng/plan-000 (ban in lai).pdf': resaved,
    });
    const docs = byRel(ws);
    expect(docs.size).toBe(3);
    const original = docs.get('TC 1.2/plan-000.pdf') as DocumentJson;
    const copy = docs.get('Phòng TCCB/ban sao plan-000.pdf') as DocumentJson;
    const other = docs.get('Văn phòng/plan-000 (ban in lai).pdf') as DocumentJson;
    expect(original.duplicates).toEqual(expect.arrayContaining([{ id: copy.id, kind: 'same-bytes' }, { id: other.id, kind: 'same-document' }]));
    expect(other.duplicates.map((d) => d.kind)).toEqual(['same-document', 'same-document']);
    const groups = computeStatus(ws).duplicates;
    expect(groups.find((g) => g.kind === 'same-bytes')?.documents.sort()).toEqual([original.id, copy.id].sort());
    expect(groups.find((g) => g.kind === 'same-document')).toMatchObject({ key: '78/KH-SYT 2023-06-08' });
  });
});

describe('an evidence tree with every kind of problem', () => {
  const tree = {
    '1. Chỉ đạo điều hành/1.1 Kế hoạch CCHC/plan-002.pdf': seed('plan-002.pdf'),
    '1. Chỉ đạo điều hành/TC 1.2/plan-000.pdf': seed('plan-000.pdf'),
    '1. Chỉ đạo điều hành/1.4/1.4.1/plan-004.pdf': seed('plan-004.pdf'),
    'Tiêu chí 1.3 - Tuyên truyền/KH tuyên truyền.pdf': real('rb-encrypted-aes128-password.pdf'),
    '2.1 Tiếp công dân/Thông báo lịch tiếp công dân năm 2020.pdf': real('Thông báo lịch tiếp công dân năm 2020.pdf'),
    '2.1 Tiếp công dân/plan-001.pdf': seed('plan-001.pdf'),
    'TC 9.9/plan-003-selfsigned.pdf': seed('plan-003-selfsigned.pdf'),
    'Khác/plan-003.pdf': seed('plan-003.pdf'),
  };

  it('links, reports unknown codes and drift, and computes completeness', async () => {
    const { ws } = await workspaceOver(tree);
    const docs = byRel(ws);
    const links = (rel: string): string[] => docs.get(rel)?.criteria.map((c) => `${c.code}:${c.source}`) ?? ['(missing document)'];
    expect(links('1. Chỉ đạo điều hành/1.1 Kế hoạch CCHC/plan-002.pdf')).toEqual(['1.1:folder']);
    expect(links('1. Chỉ đạo điều hành/TC 1.2/plan-000.pdf')).toEqual(['1.2:folder']);
    expect(links('1. Chỉ đạo điều hành/1.4/1.4.1/plan-004.pdf')).toEqual(['1.4.1:folder']);
    expect(links('Tiêu chí 1.3 - Tuyên truyền/KH tuyên truyền.pdf')).toEqual(['1.3:folder']);
    expect(links('2.1 Tiếp công dân/plan-001.pdf')).toEqual(['2.1:folder']);
    // Content: a KH whose subject says "khắc phục những hạn chế" belongs to 1.2.
    const byContent = docs.get('Khác/plan-003.pdf')?.criteria[0];
    expect(byContent?.code).toBe('1.2');
    expect(byContent?.source).toBe('content');
    expect(byContent?.reason).toMatch(/^KH \+ 'Khắc phục'/);
    // A code that is not in the pack is reported, not guessed.
    const unknown = docs.get('TC 9.9/plan-003-selfsigned.pdf');
    expect(unknown?.criteria).toEqual([]);
    expect(unknown?.notes[0]).toEqual(expect.objectContaining({ kind: 'unknown-code', code: '9.9' }));
    // Drift: a plan about PAR Index filed under "tiếp công dân".
    const drift = docs.get('2.1 Tiếp công dân/plan-001.pdf')?.notes ?? [];
    expect(drift.map((n) => n.kind)).toEqual(['drift']);
    expect(['1.1', '1.2']).toContain(drift[0]?.code);

    const status = computeStatus(ws);
    expect(status.summary).toMatchObject({ criteria: 6, complete: 2, partial: 3, missing: 1, notApplicable: 0, documents: 8, unassigned: 1, errors: 1, maxPoints: 15 });
    expect(criterion(status, '1.1')).toMatchObject({ status: 'complete', required: 1, satisfied: 1 });
    const c12 = criterion(status, '1.2');
    // plan-003 has no date: it waits for a person to confirm it (undated) instead of passing the
    // year gate unseen; plan-000 is late. So 1.2 is not complete until the date is confirmed.
    expect(c12.status).toBe('partial');
    expect(c12.pendingConfirmation).toBe(1);
    expect(c12.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['late', 'unsigned', 'undated']));
    const c13 = criterion(status, '1.3');
    expect(c13).toMatchObject({ status: 'partial', required: 2, satisfied: 0 });
    expect(c13.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['unreadable', 'no-evidence']));
    expect(criterion(status, '1.4.1').status).toBe('complete');
    expect(criterion(status, '1.4.2').status).toBe('missing');
    expect(criterion(status, '1.4')).toMatchObject({ status: 'partial', required: 2, satisfied: 1 });
    const c21 = criterion(status, '2.1');
    expect(c21.status).toBe('partial');
    expect(c21.problems.filter((p) => p.kind === 'outside-year')).toHaveLength(2);
    // 1.2's 2 points wait for plan-003's date (they were estimated as earned before the undated rule).
    expect(status.summary.estimatedPoints).toBe(4);
    expect(status.summary.pointsAtRisk).toBe(11);
    expect(status.notes.filter((n) => n.kind === 'unknown-code').map((n) => n.relPath)).toEqual(['TC 9.9/plan-003-selfsigned.pdf']);
    expect(status.notes.filter((n) => n.kind === 'drift').map((n) => n.relPath)).toContain('2.1 Tiếp công dân/plan-001.pdf');
    // Its date confirmed by hand, plan-003 counts and 1.2 turns to its real status.
    fixDocument(ws, 'Khác/plan-003.pdf', { date: '15/03/2023' });
    const after = criterion(computeStatus(ws), '1.2');
    expect(after).toMatchObject({ status: 'complete', pendingConfirmation: 0 });
  });

  it('keeps reviews and manual decisions through renames, moves and rescans', async () => {
    const { ws, root } = await workspaceOver(tree);
    const planPath = '1. Chỉ đạo điều hành/1.1 Kế hoạch CCHC/plan-002.pdf';
    const plan = byRel(ws).get(planPath) as DocumentJson;
    reviewDocument(ws, plan.id, '1.1', 'accepted', 'Đúng kế hoạch năm');
    reviewDocument(ws, plan.sha256.slice(0, 12), '1.1', 'accepted', 'Đúng kế hoạch năm 2023');
    const late = byRel(ws).get('1. Chỉ đạo điều hành/TC 1.2/plan-000.pdf') as DocumentJson;
    unassignDocument(ws, late.id, '1.2');
    assignDocument(ws, late.path, '1.3');
    const p4 = byRel(ws).get('1. Chỉ đạo điều hành/1.4/1.4.1/plan-004.pdf') as DocumentJson;
    reviewDocument(ws, p4.id, '1.4.1', 'rejected', 'Thiếu chữ ký');

    // Rename the plan inside its folder and move the late plan to another office's folder.
    fs.renameSync(path.join(root, planPath), path.join(root, '1. Chỉ đạo điều hành/1.1 Kế hoạch CCHC/KH 311 CCHC.pdf'));
    fs.mkdirSync(path.join(root, 'Phòng TCCB'));
    fs.renameSync(path.join(root, '1. Chỉ đạo điều hành/TC 1.2/plan-000.pdf'), path.join(root, 'Phòng TCCB/plan-000.pdf'));
    const report = await scanWorkspace(ws, { poolSize: 2, fileTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    expect(report.moved).toBe(2);

    const docs = byRel(ws);
    const renamed = docs.get('1. Chỉ đạo điều hành/1.1 Kế hoạch CCHC/KH 311 CCHC.pdf');
    expect(renamed?.id).toBe(plan.id);
    expect(renamed?.criteria).toEqual([expect.objectContaining({ code: '1.1', status: 'accepted', note: 'Đúng kế hoạch năm 2023' })]);
    const moved = docs.get('Phòng TCCB/plan-000.pdf');
    expect(moved?.id).toBe(late.id);
    // Unassigned by hand from 1.2 (its content would link it there): stays unlinked; 1.3 by hand stays.
    expect(moved?.criteria.map((c) => `${c.code}:${c.source}:${c.slot}`)).toEqual(['1.3:manual:1.3#1']);

    const status = computeStatus(ws);
    expect(criterion(status, '1.4.1').status).toBe('partial');
    expect(criterion(status, '1.4.1').problems.map((p) => p.kind)).toContain('rejected');
    expect(criterion(status, '1.3')).toMatchObject({ satisfied: 1, required: 2 });

    const history = historyOf(ws);
    expect(history.map((h) => h.action)).toEqual(['review:rejected', 'assign', 'unassign', 'review:accepted', 'review:accepted']);
    expect(() => rawDb(ws).prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(() => rawDb(ws).prepare("UPDATE history SET actor = 'x'").run()).toThrow(/append-only/);
  });

  it('refuses what makes no sense, in plain words', async () => {
    const { ws } = await workspaceOver(tree);
    const plan = byRel(ws).get('Khác/plan-003.pdf') as DocumentJson;
    expect(() => assignDocument(ws, plan.id, '9.9')).toThrow(/'9\.9' is not in the pack/);
    expect(() => assignDocument(ws, plan.id, '1.4')).toThrow(/1\.4\.1, 1\.4\.2/);
    expect(() => reviewDocument(ws, plan.id, '2.1', 'accepted')).toThrow(/not linked to 2\.1 \(it is linked to 1\.2\)/);
    expect(() => assignDocument(ws, 'no-such-file.pdf', '1.1')).toThrow(/no document 'no-such-file.pdf'/);
    expect(() => setScore(ws, '1.1', { points: 9 })).toThrow(/above the maximum of 2 points/);
  });

  it('scores, marks criteria not applicable and lists what each office still owes', async () => {
    const { ws } = await workspaceOver(tree);
    setScore(ws, '1.1', { points: 2, explanation: 'Đã ban hành đúng hạn' });
    setScore(ws, '2.1', { points: null, notApplicable: true, explanation: 'Đơn vị không tiếp công dân' });
    const status = computeStatus(ws);
    expect(criterion(status, '1.1')).toMatchObject({ selfScore: 2, explanation: 'Đã ban hành đúng hạn' });
    expect(criterion(status, '2.1').status).toBe('not-applicable');
    expect(criterion(status, '2').status).toBe('not-applicable');
    expect(status.summary).toMatchObject({ notApplicable: 1, selfScore: 2 });

    const missing = missingByOffice(ws, {}, status);
    expect(missing.batches.map((b) => b.due)).toEqual(['2023-06-30', '2023-09-30', '2023-11-15']);
    const offices = Object.fromEntries(missing.offices.map((o) => [o.office, o.criteria.map((c) => c.code)]));
    // 1.2 waits for plan-003's date to be confirmed (undated), so Văn phòng still owes it.
    expect(offices).toEqual({ 'Phòng Tổ chức cán bộ': ['1.3'], 'Thanh tra Sở': ['1.4.2'], 'Văn phòng': ['1.2', '1.3'] });
    const c13 = missing.offices.find((o) => o.office === 'Văn phòng')?.criteria.find((c) => c.code === '1.3');
    expect(c13?.slots.map((s) => [s.label, s.due, s.batch])).toEqual([
      ['Kế hoạch tuyên truyền', '2023-11-30', 'Đợt 3'],
      ['Báo cáo kết quả tuyên truyền', '2023-11-30', 'Đợt 3'],
    ]);
    expect(missingByOffice(ws, { office: 'thanh tra' }).offices.map((o) => o.office)).toEqual(['Thanh tra Sở']);
  });
});
