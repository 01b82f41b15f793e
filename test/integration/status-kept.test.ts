// The status, duplicates and a criterion's documents are kept until the database changes
// (main/engine/query/kept.ts): on a real workspace file, every kind of write (a scan that found
// something, a manual link, a review decision, a pack change, a setting, another connection's
// commit) gives the value computed afresh, and no write keeps the same value. The parallel walk
// lists exactly what a serial one lists.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaPack } from '../../shared/pack.js';
import { computeStatus, computeStatusNow } from '../../main/engine/completeness/status.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import { listDocuments, listDocumentsNow } from '../../main/engine/query/documents.js';
import { assignDocument, reviewDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { walkRoot } from '../../main/engine/scan/walk.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

let pack: CriteriaPack;
const open: Workspace[] = [];

beforeAll(async () => {
  pack = await importPackFile(path.join(REPO_ROOT, 'test/fixtures/packs/classify-2023.csv'), { id: 'classify-2023', name: 'Bộ tiêu chí thử', year: 2023 });
});

afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

function put(root: string, rel: string, seed: string): void {
  const dest = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(path.join(SEEDS, seed), dest);
}

const CRITERION = '1.3';

/** What the app is shown now, through the kept values, and the same computed afresh. */
function shown(ws: Workspace): { kept: string; fresh: string } {
  const kept = JSON.stringify({ status: computeStatus(ws), docs: listDocuments(ws, { criterion: CRITERION }) });
  const fresh = JSON.stringify({ status: computeStatusNow(ws), docs: listDocumentsNow(ws, { criterion: CRITERION }) });
  return { kept, fresh };
}

describe('kept status and documents', () => {
  it('are computed again after every kind of write, and kept while nothing is written', { timeout: 240_000 }, async () => {
    const base = tempDir('kept');
    const root = path.join(base, 'Evidence');
    put(root, '1.3/plan-000.pdf', 'plan-000.pdf');
    put(root, 'loose/plan-001.pdf', 'plan-001.pdf');
    const ws = Workspace.create(path.join(base, 'ws'), { pack, year: 2023, unit: 'Sở Y tế tỉnh Thử' });
    open.push(ws);
    ws.setSetting('ocr', false);
    addRoot(ws, root);
    await scanWorkspace(ws, { poolSize: 1 });

    // Nothing written: the very same objects come back.
    const s0 = computeStatus(ws);
    const d0 = listDocuments(ws, { criterion: CRITERION });
    expect(computeStatus(ws)).toBe(s0);
    expect(listDocuments(ws, { criterion: CRITERION })).toBe(d0);
    expect(JSON.stringify(s0)).toBe(JSON.stringify(computeStatusNow(ws)));

    // An unchanged rescan writes nothing: still kept.
    const unchanged = await scanWorkspace(ws, { poolSize: 1 });
    expect(unchanged.indexed + unchanged.reused + unchanged.removed).toBe(0);
    expect(computeStatus(ws)).toBe(s0);

    let last = JSON.stringify(s0) + JSON.stringify(d0);
    /** After a write: what is shown is what a fresh computation gives, and it changed. */
    const afterWrite = (what: string, mustChange = true): void => {
      const { kept, fresh } = shown(ws);
      expect(kept, what).toBe(fresh);
      if (mustChange) expect(kept, what).not.toBe(last);
      last = kept;
    };

    // A scan that found a new file (linked to 1.3 by its folder).
    put(root, '1.3/plan-002.pdf', 'plan-002.pdf');
    await scanWorkspace(ws, { poolSize: 1 });
    afterWrite('scan of a new file');
    expect(listDocuments(ws, { criterion: CRITERION }).map((d) => d.relPath)).toContain('1.3/plan-002.pdf');

    // A manual link of the unfiled document to 1.3.
    const loose = listDocuments(ws).find((d) => d.relPath === 'loose/plan-001.pdf');
    expect(loose).toBeDefined();
    assignDocument(ws, loose?.id ?? '', CRITERION, { actor: 'test' });
    afterWrite('manual link');

    // A review decision on it.
    reviewDocument(ws, loose?.id ?? '', CRITERION, 'rejected', 'sai năm', { actor: 'test' });
    afterWrite('review decision');

    // A setting: the unit's name is in the status.
    ws.setSetting('unit', 'Sở Tài chính tỉnh Thử');
    afterWrite('setting');

    // The pack changed (a new name).
    ws.setPack({ ...ws.pack(), name: 'Bộ tiêu chí thử, bản sửa' });
    afterWrite('pack change');

    // A file removed and scanned.
    fs.rmSync(path.join(root, '1.3', 'plan-000.pdf'));
    await scanWorkspace(ws, { poolSize: 1 });
    afterWrite('scan of a removed file');

    // Another connection's commit (another process: the CLI while the app is open).
    const other = Workspace.open(ws.dir);
    open.push(other);
    other.setSetting('unit', 'Sở Xây dựng tỉnh Thử');
    afterWrite('another connection');
    expect(computeStatus(ws).unit).toBe('Sở Xây dựng tỉnh Thử');
  });

  it('keeps nothing read inside a transaction that is rolled back', () => {
    const base = tempDir('kept-tx');
    const ws = Workspace.create(path.join(base, 'ws'), { pack, year: 2023, unit: 'Đơn vị A' });
    open.push(ws);
    expect(computeStatus(ws).unit).toBe('Đơn vị A');
    expect(() =>
      ws.writer.transaction(() => {
        ws.setSetting('unit', 'Đơn vị B');
        expect(computeStatus(ws).unit).toBe('Đơn vị B');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(computeStatus(ws).unit).toBe('Đơn vị A');
  });
});

describe('parallel walk', () => {
  it('lists exactly what a serial walk lists', async () => {
    const base = tempDir('walk');
    const root = path.join(base, 'Evidence');
    for (let d = 0; d < 7; d++) {
      for (let f = 0; f < 23; f++) {
        const rel = path.join(root, `Thư mục ${d}`, d % 2 ? `con ${f % 3}` : '', `văn bản ${f}.pdf`);
        fs.mkdirSync(path.dirname(rel), { recursive: true });
        fs.writeFileSync(rel, 'x'.repeat(d * 100 + f));
      }
    }
    fs.writeFileSync(path.join(root, '~$tạm.docx'), 'lock');
    fs.symlinkSync(path.join(root, 'Thư mục 0'), path.join(root, 'liên kết'));
    const serial = await walkRoot(root, [], 1);
    const parallel = await walkRoot(root, [], 32);
    expect(serial.files).toHaveLength(7 * 23);
    expect(parallel).toEqual(serial);
    expect(serial.problems.map((p) => p.kind)).toEqual(['skipped-symlink']);
  });
});
