// Classification of what changed only: after each change (add, rename, modify, remove, manual
// assign and unassign, a setting changed) the incremental scan gives exactly what a full
// classification gives (status and documents JSON compared whole), an unchanged scan skips
// classification, and what is pending survives closing and opening the workspace (CLI, then app).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaPack } from '../../shared/pack.js';
import { classifyWorkspace } from '../../main/engine/classify/classify.js';
import { classificationPending, reclassify, type PendingClassifyReport } from '../../main/engine/classify/state.js';
import { computeStatus } from '../../main/engine/completeness/status.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument, unassignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';

const TIMEOUT_MS = 60_000;
let pack: CriteriaPack;
const open: Workspace[] = [];

beforeAll(async () => {
  pack = await importPackFile(path.join(REPO_ROOT, 'test/fixtures/packs/classify-2023.csv'), { id: 'classify-2023', name: 'Bộ tiêu chí thử', year: 2023 });
});

afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const seed = (f: string): string => path.join(SEEDS, f);

function put(root: string, rel: string, src: string): void {
  const dest = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(src, dest);
}

/** What `status --json` and `docs --json` print, as the API computes them. */
function snapshot(ws: Workspace): string {
  return JSON.stringify({ status: computeStatus(ws), docs: listDocuments(ws) });
}

async function scan(ws: Workspace): Promise<PendingClassifyReport> {
  const r = await scanWorkspace(ws, { poolSize: 2, fileTimeoutMs: TIMEOUT_MS });
  return r.classification as PendingClassifyReport;
}

/** The incremental scan's result, then the same workspace classified in full: they must match. */
async function expectEquivalent(ws: Workspace, mode: PendingClassifyReport['mode']): Promise<PendingClassifyReport> {
  const r = await scan(ws);
  expect(r.mode).toBe(mode);
  const incremental = snapshot(ws);
  const totals = { documents: r.documents, linked: r.linked, unassigned: r.unassigned, links: r.links, notes: r.notes };
  const full = classifyWorkspace(ws);
  expect(snapshot(ws)).toBe(incremental);
  expect(totals).toEqual(full);
  return r;
}

describe('incremental classification', () => {
  it('re-links only what changed and matches a full classification after every change', { timeout: 240_000 }, async () => {
    const base = tempDir('incr');
    const root = path.join(base, 'Evidence');
    put(root, '1.3/plan-000.pdf', seed('plan-000.pdf'));
    put(root, 'LV1/plan-002.pdf', seed('plan-002.pdf'));
    put(root, 'Lĩnh vực 2/plan-002.pdf', seed('plan-002.pdf'));
    put(root, 'loose/plan-001.pdf', seed('plan-001.pdf'));
    const wsDir = path.join(base, 'ws');
    let ws = Workspace.create(wsDir, { pack, year: 2023, unit: 'Sở Y tế tỉnh Thử' });
    open.push(ws);
    ws.setSetting('ocr', false);
    addRoot(ws, root);

    // First scan: everything. Then nothing changed: skipped, and across a reopen too.
    expect((await expectEquivalent(ws, 'all')).relinked).toBe(4);
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);
    ws.close();
    open.pop();
    ws = Workspace.open(wsDir);
    open.push(ws);
    expect(classificationPending(ws)).toBe(false);
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);

    // Added.
    put(root, '1.3/plan-004.pdf', seed('plan-004.pdf'));
    expect((await expectEquivalent(ws, 'some')).relinked).toBe(1);
    // Renamed into another criterion's folder (same bytes, same id, new links).
    fs.mkdirSync(path.join(root, 'TC 1.4.1'), { recursive: true });
    fs.renameSync(path.join(root, 'loose/plan-001.pdf'), path.join(root, 'TC 1.4.1/plan-001.pdf'));
    expect((await expectEquivalent(ws, 'some')).relinked).toBe(1);
    // Modified in place: other bytes.
    fs.copyFileSync(seed('plan-003.pdf'), path.join(root, '1.3/plan-004.pdf'));
    expect((await expectEquivalent(ws, 'some')).relinked).toBe(1);
    // Removed: its links go with it, nothing else to re-link.
    fs.rmSync(path.join(root, 'LV1/plan-002.pdf'));
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);

    // Manual decisions re-link the copies at once; the scan after them has nothing left.
    const doc = listDocuments(ws).find((d) => d.relPath === 'Lĩnh vực 2/plan-002.pdf');
    expect(doc).toBeDefined();
    assignDocument(ws, doc?.id ?? '', '2.1');
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);
    unassignDocument(ws, '1.3/plan-000.pdf', '1.3');
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);

    // A manual decision written by another process without re-linking: dirty, found by the scan.
    ws.writer.manualLinks.set(doc?.sha256 ?? '', '1.1', 'unassign');
    ws.close();
    open.pop();
    ws = Workspace.open(wsDir);
    open.push(ws);
    expect(classificationPending(ws)).toBe(true);
    expect((await expectEquivalent(ws, 'some')).relinked).toBe(1);

    // A setting changed: everything, once.
    ws.setSetting('ocr', true);
    ws.setSetting('ocr', false);
    expect((await expectEquivalent(ws, 'all')).relinked).toBe(4);
    expect((await expectEquivalent(ws, 'skipped')).relinked).toBe(0);
  });

  it('reclassify re-links the given documents now and leaves nothing pending', async () => {
    const base = tempDir('incr');
    const root = path.join(base, 'Evidence');
    put(root, '1.3/plan-000.pdf', seed('plan-000.pdf'));
    const ws = Workspace.create(path.join(base, 'ws'), { pack, year: 2023, unit: 'Sở Y tế tỉnh Thử' });
    open.push(ws);
    ws.setSetting('ocr', false);
    addRoot(ws, root);
    await scan(ws);
    const [d] = listDocuments(ws);
    ws.writer.manualLinks.set(d?.sha256 ?? '', '1.3', 'unassign');
    expect(classificationPending(ws)).toBe(true);
    expect(reclassify(ws, [d?.id ?? '', 'no-such-id']).documents).toBe(1);
    expect(classificationPending(ws)).toBe(false);
    expect(listDocuments(ws)[0]?.criteria).toEqual([]);
  });
});
