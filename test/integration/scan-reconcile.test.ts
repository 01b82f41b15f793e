// Reconcile semantics on real PDFs: unchanged files are not re-read, renames and moves keep the
// document's identity, copies reuse the analysis, deletions disappear, evidence is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDocuments } from '../../main/engine/query/documents.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { rawDb } from '../helpers/raw-db.js';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `${fs.statSync(p).size}:${fs.statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

describe('reconcile scan', () => {
  let ws: Workspace;
  let root: string;

  beforeEach(async () => {
    root = tempDir('root');
    fs.mkdirSync(path.join(root, '1.3 Tuyên truyền'), { recursive: true });
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(root, '1.3 Tuyên truyền', 'KH 78.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(root, 'KH 311 Đồng Nai.pdf'));
    ws = await makeWorkspace([root]);
  });
  afterEach(() => ws.close());

  it('does not re-read unchanged files and never modifies the evidence', async () => {
    const before = snapshot(root);
    const first = await scanWorkspace(ws);
    expect(first.indexed).toBe(2);
    const second = await scanWorkspace(ws);
    expect(second).toMatchObject({ indexed: 0, reused: 0, moved: 0, removed: 0, unchanged: 2 });
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps the identity of a renamed and of a moved file (by hash)', async () => {
    await scanWorkspace(ws);
    const [a, b] = ['1.3 Tuyên truyền/KH 78.pdf', 'KH 311 Đồng Nai.pdf'].map((rel) => listDocuments(ws).find((d) => d.relPath === rel.normalize('NFC')));
    fs.renameSync(path.join(root, '1.3 Tuyên truyền', 'KH 78.pdf'), path.join(root, '1.3 Tuyên truyền', 'Kế hoạch 78-KH-SYT.pdf'));
    fs.mkdirSync(path.join(root, '6.1'));
    fs.renameSync(path.join(root, 'KH 311 Đồng Nai.pdf'), path.join(root, '6.1', 'KH 311.pdf'));
    const r = await scanWorkspace(ws);
    expect(r).toMatchObject({ indexed: 0, moved: 2, removed: 0 });
    const after = listDocuments(ws);
    expect(after.find((d) => d.relPath === '1.3 Tuyên truyền/Kế hoạch 78-KH-SYT.pdf'.normalize('NFC'))?.id).toBe(a?.id);
    expect(after.find((d) => d.relPath === '6.1/KH 311.pdf')?.id).toBe(b?.id);
    expect(after).toHaveLength(2);
  });

  it('reuses the analysis of a byte-identical copy and lists both', async () => {
    await scanWorkspace(ws);
    fs.copyFileSync(path.join(root, 'KH 311 Đồng Nai.pdf'), path.join(root, 'copy.pdf'));
    const r = await scanWorkspace(ws);
    expect(r).toMatchObject({ indexed: 0, reused: 1, moved: 0 });
    const docs = listDocuments(ws);
    expect(docs).toHaveLength(3);
    const copies = docs.filter((d) => d.sha256 === docs.find((x) => x.relPath === 'copy.pdf')?.sha256);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((c) => c.id)).size).toBe(2);
  });

  it('forgets removed files and re-reads changed ones', async () => {
    await scanWorkspace(ws);
    fs.rmSync(path.join(root, 'KH 311 Đồng Nai.pdf'));
    const target = path.join(root, '1.3 Tuyên truyền', 'KH 78.pdf');
    const id = listDocuments(ws)[0]?.id;
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), target);
    const r = await scanWorkspace(ws);
    expect(r).toMatchObject({ removed: 1, indexed: 1 });
    const docs = listDocuments(ws);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.id).toBe(id);
    expect(docs[0]?.pages).toBe(19);
  });

  it('reports a missing root and keeps its documents', async () => {
    await scanWorkspace(ws);
    fs.renameSync(root, `${root}-away`);
    const r = await scanWorkspace(ws);
    expect(r.problems.map((p) => p.path)).toContain(fs.realpathSync(`${root}-away`).replace(/-away$/, ''));
    expect(listDocuments(ws)).toHaveLength(2);
    fs.renameSync(`${root}-away`, root);
    expect((await scanWorkspace(ws)).unchanged).toBe(2);
  });

  it('re-reads contents analysed by an older analyzer, keeping the document ids', async () => {
    await scanWorkspace(ws);
    const ids = listDocuments(ws).map((d) => d.id).sort();
    rawDb(ws).prepare('UPDATE contents SET analyzer_version = 0').run();
    const r = await scanWorkspace(ws);
    expect(r).toMatchObject({ indexed: 2, unchanged: 0, removed: 0 });
    expect(listDocuments(ws).map((d) => d.id).sort()).toEqual(ids);
    expect((await scanWorkspace(ws)).unchanged).toBe(2);
  });

  it('ignores temporary and lock files', async () => {
    for (const name of ['~$KH.docx', 'a.tmp', 'b.part', 'c.crdownload', '.~lock.x#', 'Thumbs.db', 'desktop.ini', '.DS_Store']) {
      fs.writeFileSync(path.join(root, name), 'x');
    }
    const r = await scanWorkspace(ws);
    expect(r.files).toBe(2);
  });
});
