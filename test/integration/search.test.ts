import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocuments } from '../../main/engine/query/documents.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { search } from '../../main/engine/search/search.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('full-text search', () => {
  let ws: Workspace;
  beforeAll(async () => {
    const root = tempDir('search');
    for (const f of ['plan-000.pdf', 'plan-002.pdf', 'plan-004.pdf']) fs.copyFileSync(path.join(SEEDS, f), path.join(root, f));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws);
  });
  afterAll(() => ws.close());

  const relPathOf = (id: string): string | undefined => listDocuments(ws).find((d) => d.id === id)?.relPath;

  it('finds text without diacritics, đ folded to d, and returns an original-text snippet', () => {
    const hits = search(ws, 'dong nai');
    expect(hits.map((h) => h.relPath)).toContain('plan-002.pdf');
    const hit = hits.find((h) => h.relPath === 'plan-002.pdf');
    expect(hit?.snippet).toMatch(/Đồng Nai/);
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('matches with and without diacritics alike', () => {
    const a = search(ws, 'tuyên truyền').map((h) => h.id).sort();
    const b = search(ws, 'tuyen truyen').map((h) => h.id).sort();
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('ranks the document whose title matches first', () => {
    const hits = search(ws, 'Bình Định ngành Y tế năm 2023');
    expect(relPathOf(hits[0]?.id ?? '')).toBe('plan-004.pdf');
  });

  it('finds documents by number', () => {
    expect(search(ws, '78/KH-SYT').map((h) => h.relPath)).toContain('plan-000.pdf');
  });

  it('treats FTS operators in the query as plain words', () => {
    expect(() => search(ws, 'NEAR( "x AND OR * -')).not.toThrow();
    expect(search(ws, '   ')).toEqual([]);
  });
});
