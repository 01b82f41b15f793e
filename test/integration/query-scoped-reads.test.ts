// The read paths made for 60,000 documents (bench:scale) give what the whole-table reads gave: a
// criterion's documents chosen in SQL equal the full list filtered by code (sub-criteria
// included), duplicates are found by same bytes and by same number and date (case and Đ folded,
// corrections over recognition), the status's counts and duplicate groups agree with the list,
// and search ranks before it cuts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { computeStatus } from '../../main/engine/completeness/status.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import { search } from '../../main/engine/search/search.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('scoped and pre-filtered reads', () => {
  let ws: Workspace;
  let all: DocumentJson[];
  const byName = (name: string): DocumentJson => all.find((d) => d.relPath.endsWith(name)) as DocumentJson;

  beforeAll(async () => {
    const root = tempDir('scoped-reads');
    const put = (folder: string, name: string, seed: string): void => {
      fs.mkdirSync(path.join(root, folder), { recursive: true });
      fs.copyFileSync(path.join(SEEDS, seed), path.join(root, folder, name));
    };
    put('TC 3.1', 'a.pdf', 'plan-000.pdf');
    put('TC 3.1', 'a-copy.pdf', 'plan-000.pdf');
    put('TC 3.2', 'b.pdf', 'plan-001.pdf');
    put('TC 4.1', 'c.pdf', 'plan-002.pdf');
    put('Chưa phân loại', 'd.pdf', 'plan-004.pdf');
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    // b and c: another scan of the same paper, told apart only by the case of their number.
    all = listDocuments(ws);
    for (const [name, number] of [
      ['b.pdf', '5/qđ-ubnd'],
      ['c.pdf', '5/QĐ-UBND'],
    ] as const) {
      ws.writer.corrections.set(byName(name).sha256, 'number', number, 'test');
      ws.writer.corrections.set(byName(name).sha256, 'date', '2023-06-08', 'test');
    }
    all = listDocuments(ws);
  }, 120_000);
  afterAll(() => ws?.close());

  it("lists a criterion's documents as the whole list filtered by code, sub-criteria included", () => {
    for (const code of ['3', '3.1', '3.2', '4', '4.1', '9.9']) {
      const want = all.filter((d) => d.criteria.some((c) => c.code === code || c.code.startsWith(`${code}.`)));
      expect(listDocuments(ws, { criterion: code }), code).toEqual(want);
    }
    expect(listDocuments(ws, { criterion: '3' }).map((d) => path.basename(d.relPath)).sort()).toEqual(['a-copy.pdf', 'a.pdf', 'b.pdf']);
  });

  it('finds duplicates by bytes and by number and date, with the corrections and case folded', () => {
    expect(byName('a.pdf').duplicates).toEqual([{ id: byName('a-copy.pdf').id, kind: 'same-bytes' }]);
    expect(byName('b.pdf').duplicates).toEqual([{ id: byName('c.pdf').id, kind: 'same-document' }]);
    expect(byName('c.pdf').duplicates).toEqual([{ id: byName('b.pdf').id, kind: 'same-document' }]);
    expect(byName('d.pdf').duplicates).toEqual([]);
    const groups = computeStatus(ws).duplicates;
    expect(groups.map((g) => [g.kind, [...g.documents].sort()])).toEqual([
      ['same-bytes', [byName('a.pdf').id, byName('a-copy.pdf').id].sort()],
      ['same-document', [byName('b.pdf').id, byName('c.pdf').id].sort()],
    ]);
  });

  it("counts documents, errors and unassigned as the list does, and links every criterion's documents", () => {
    const status = computeStatus(ws);
    expect(status.summary.documents).toBe(all.length);
    expect(status.summary.errors).toBe(all.filter((d) => d.error !== null).length);
    expect(status.summary.unassigned).toBe(all.filter((d) => d.criteria.length === 0).length);
    const c31 = status.criteria.find((c) => c.code === '3.1');
    expect([...(c31?.documents ?? [])].sort()).toEqual([byName('a.pdf').id, byName('a-copy.pdf').id].sort());
  });

  it('ranks every match before keeping the best ones', () => {
    const hits = search(ws, 'kế hoạch', 50);
    expect(hits.length).toBeGreaterThanOrEqual(4);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const top2 = search(ws, 'kế hoạch', 2);
    // Copies tie: the best two scores, whichever copy comes first.
    expect(top2.map((h) => h.score)).toEqual(scores.slice(0, 2));
  });
});
