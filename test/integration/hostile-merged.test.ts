// --merged-pdf over evidence whose page tree is built to hurt: nodes shared 2^30 ways (a DAG in a
// few KB) and one node listing the same page 200,000 times. Through the real CLI: the export ends
// quickly, the bundle verifies, the cover lists each file with the reason, the process stays under
// 512 MB of peak RSS, and the good file beside them is merged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** A one-page PDF whose /Pages root is replaced by a tree built by `build` from the page's ref. */
async function hostilePdf(build: (doc: PDFDocument, page: PDFRef) => PDFRef): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('hostile', { x: 50, y: 800 });
  const root = build(doc, page.ref);
  doc.catalog.set(PDFName.of('Pages'), root);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

function node(doc: PDFDocument, kids: PDFRef[], count: number): PDFRef {
  const arr = PDFArray.withContext(doc.context);
  for (const k of kids) arr.push(k);
  return doc.context.register(doc.context.obj({ Type: 'Pages', Kids: arr, Count: PDFNumber.of(count) }));
}

let ws: Workspace;
let evidence: string;

beforeAll(async () => {
  evidence = tempDir('hostile-merged-ev');
  // 30 levels, each node listing the one below twice: 2^30 pages to a naive walker.
  const dag = await hostilePdf((doc, page) => {
    let below = page;
    for (let level = 0; level < 30; level++) below = node(doc, [below, below], 2 ** (level + 1));
    return below;
  });
  const wide = await hostilePdf((doc, page) => node(doc, Array.from({ length: 200_000 }, () => page), 200_000));
  fs.writeFileSync(path.join(evidence, 'dag.pdf'), dag);
  fs.writeFileSync(path.join(evidence, 'wide.pdf'), wide);
  fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'good.pdf'));
  ws = await makeWorkspace([evidence]);
  await scanWorkspace(ws, { ocr: false });
  for (const f of ['dag.pdf', 'wide.pdf', 'good.pdf']) assignDocument(ws, path.join(evidence, f), '1.1');
}, 120_000);

afterAll(() => ws?.close());

describe('merged PDF on hostile page trees', () => {
  it('lists the hostile files on the cover, merges the good one, and stays bounded', () => {
    const out = path.join(tempDir('hostile-merged-out'), 'b.zip');
    const t0 = Date.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, path.join(REPO_ROOT, 'bin', 'kiemchung.js'), 'export', ws.dir, '--out', out, '--merged-pdf', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const seconds = (Date.now() - t0) / 1000;
    const peakMb = Number(/PEAK_KB=(\d+)/.exec(r.stderr)?.[1] ?? Infinity) / 1024;
    console.log(`merged export over hostile trees: ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`);
    expect(r.status, r.stderr).toBe(0);
    expect(peakMb).toBeLessThan(512);
    const v = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kiemchung.js'), 'verify', out, '--json'], { encoding: 'utf8' });
    expect(v.status, v.stdout).toBe(0);
    // The merged file's cover names the reason for both hostile files; the good file's pages are in.
    const list = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' }).stdout.split('\n');
    const merged = list.find((n) => /^1\.1\/.*TongHop\.pdf$/.test(n));
    expect(merged).toBeDefined();
    const text = spawnSync('sh', ['-c', `unzip -p '${out}' '${merged}' | pdftotext -l 2 - -`], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/dùng lại hoặc lặp lại một nút/);
    expect(text).toMatch(/quá giới hạn ghép/);
  }, 180_000);
});
