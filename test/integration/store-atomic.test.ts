// A file's writes (content, document, search row) are one transaction, and opening a workspace
// repairs what older versions could leave: a failure injected between a document's row and its
// search row leaves neither, and a document whose search row is missing gets it back on open.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faults } from '../../main/engine/db/faults.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { search } from '../../main/engine/search/search.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { rawDb } from '../helpers/raw-db.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** Documents without their search row, and search rows without their document. */
function inconsistencies(ws: { dir: string }): { noSearchRow: string[]; orphanRows: number } {
  const db = rawDb(ws);
  const noSearchRow = db.prepare('SELECT rel_path FROM documents WHERE rowid NOT IN (SELECT rowid FROM documents_fts)').pluck().all() as string[];
  const orphanRows = db.prepare('SELECT count(*) FROM documents_fts WHERE rowid NOT IN (SELECT rowid FROM documents)').pluck().get() as number;
  return { noSearchRow, orphanRows };
}

describe('a file’s writes are one transaction', () => {
  let ws: Workspace;
  let root: string;

  beforeEach(async () => {
    root = tempDir('root');
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(root, 'KH 78.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(root, 'KH 311 Đồng Nai.pdf'));
    ws = await makeWorkspace([root]);
  });
  afterEach(() => {
    delete faults.betweenDocumentWrites;
    ws.close();
  });

  it('a scan failing between a document and its search row leaves neither, and the next scan writes both', async () => {
    faults.betweenDocumentWrites = (relPath) => {
      if (relPath === 'KH 78.pdf') throw new Error('injected failure between the document and its search row');
    };
    const failed = await scanWorkspace(ws, { ocr: false, poolSize: 1 });
    expect(failed.problems).toEqual([{ path: path.join(root, 'KH 78.pdf'), message: expect.stringContaining('injected failure') as unknown as string }]);
    expect(failed.indexed).toBe(1);
    expect(listDocuments(ws).map((d) => d.relPath)).toEqual(['KH 311 Đồng Nai.pdf']);
    // Its content row went with it: nothing of the failed file was kept.
    expect(rawDb(ws).prepare('SELECT count(*) FROM contents').pluck().get()).toBe(1);
    delete faults.betweenDocumentWrites;

    ws.close();
    ws = Workspace.open(ws.dir);
    expect(ws.repaired).toEqual({ searchRowsAdded: 0, searchRowsRemoved: 0 });
    expect(inconsistencies(ws)).toEqual({ noSearchRow: [], orphanRows: 0 });

    const again = await scanWorkspace(ws, { ocr: false, poolSize: 1 });
    expect(again.problems).toEqual([]);
    expect(again.indexed).toBe(1);
    expect(listDocuments(ws).map((d) => d.relPath).sort()).toEqual(['KH 311 Đồng Nai.pdf', 'KH 78.pdf']);
    expect(inconsistencies(ws)).toEqual({ noSearchRow: [], orphanRows: 0 });
  });

  it('opening repairs a document left without its search row (and a row left without its document)', async () => {
    await scanWorkspace(ws, { ocr: false, poolSize: 1 });
    const [hit] = search(ws, 'Đồng Nai');
    expect(hit?.relPath).toBe('KH 311 Đồng Nai.pdf');
    // What a crash between the old autocommit statements left behind.
    const db = rawDb(ws);
    db.prepare('DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM documents WHERE rel_path = ?)').run('KH 311 Đồng Nai.pdf');
    db.prepare("INSERT INTO documents_fts(rowid, name, number, title, body) VALUES (987654, 'ghost.pdf', '', '', 'ghost')").run();
    expect(inconsistencies(ws)).toEqual({ noSearchRow: ['KH 311 Đồng Nai.pdf'], orphanRows: 1 });
    expect(search(ws, 'Đồng Nai').map((h) => h.relPath)).not.toContain('KH 311 Đồng Nai.pdf');

    ws.close();
    ws = Workspace.open(ws.dir);
    expect(ws.repaired).toEqual({ searchRowsAdded: 1, searchRowsRemoved: 1 });
    expect(inconsistencies(ws)).toEqual({ noSearchRow: [], orphanRows: 0 });
    expect(search(ws, 'Đồng Nai')[0]).toEqual(hit);
    expect(search(ws, 'ghost')).toEqual([]);
  });

  it('opening while another program writes: a sound workspace opens without writing, a damaged one opens and is repaired later', async () => {
    await scanWorkspace(ws, { ocr: false, poolSize: 1 });
    ws.close();
    const other = rawDb(ws);
    /** Opens the workspace while `other` holds the write lock (the app's scan, a read-only `kiemchung history`). */
    const openWhileWriting = (): Workspace => {
      other.exec('BEGIN IMMEDIATE');
      try {
        return Workspace.open(ws.dir);
      } finally {
        other.exec('ROLLBACK');
      }
    };
    const sound = openWhileWriting();
    expect(sound.repaired).toEqual({ searchRowsAdded: 0, searchRowsRemoved: 0 });
    sound.close();

    other.prepare('DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM documents WHERE rel_path = ?)').run('KH 78.pdf');
    // Busy past the timeout: the repair waits for the next open, and reading goes on.
    const damaged = openWhileWriting();
    expect(damaged.repaired).toEqual({ searchRowsAdded: 0, searchRowsRemoved: 0 });
    expect(listDocuments(damaged)).toHaveLength(2);
    damaged.close();

    ws = Workspace.open(ws.dir);
    expect(ws.repaired).toEqual({ searchRowsAdded: 1, searchRowsRemoved: 0 });
    expect(inconsistencies(ws)).toEqual({ noSearchRow: [], orphanRows: 0 });
  }, 30_000);
});
