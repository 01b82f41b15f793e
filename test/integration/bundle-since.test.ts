// --merged-pdf (cover, stamps, bookmarks, unmergeable files listed) and --since supplements
// (only added or changed evidence, withdrawn list, numbering continues, chains on a supplement).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, verifyBundle, type BundleManifest } from '../../main/engine/bundle/index.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument, unassignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const manifestOf = (zip: string): BundleManifest & { state?: unknown[] } =>
  JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as BundleManifest;

function entryBytes(zip: string, name: string): Buffer {
  return execFileSync('unzip', ['-p', zip, name], { maxBuffer: 256 << 20 });
}

describe('merged review PDFs and supplement bundles', () => {
  let ws: Workspace;
  let root: string;
  let out: string;
  const abs = (rel: string): string => path.join(root, rel);

  beforeAll(async () => {
    root = tempDir('bundle-since-ev');
    for (const f of ['plan-000.pdf', 'plan-002.pdf', 'plan-004.pdf']) fs.copyFileSync(path.join(SEEDS, f), abs(f));
    fs.copyFileSync(path.join(REAL, 'rb-encrypted-aes128-password.pdf'), abs('locked.pdf'));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    for (const f of ['plan-000.pdf', 'plan-002.pdf', 'locked.pdf']) assignDocument(ws, abs(f), '1.1');
    out = tempDir('bundle-since-out');
  });
  afterAll(() => ws?.close());

  it('--merged-pdf: cover, every document page stamped, one bookmark per document, encrypted listed on the cover', async () => {
    const zip = path.join(out, 'merged.zip');
    const result = await exportBundle(ws, { out: zip, mergedPdf: true });
    const m = manifestOf(zip);
    const c11 = m.criteria.find((c) => c.code === '1.1');
    const merged = c11?.merged;
    expect(merged?.path).toBe('1.1/1.1_TongHop.pdf');
    expect(merged?.omitted.map((o) => o.path)).toEqual([c11?.evidence.find((e) => e.sourceRelPath === 'locked.pdf')?.path]);
    expect(result.merged.find((x) => x.code === '1.1')?.omitted).toBe(1);

    const pdf = entryBytes(zip, '1.1/1.1_TongHop.pdf');
    const dir = tempDir('bundle-merged');
    const file = path.join(dir, 'm.pdf');
    fs.writeFileSync(file, pdf);
    const included = (c11?.evidence ?? []).filter((e) => e.sourceRelPath !== 'locked.pdf');
    const docPages = included.reduce((s, e) => s + (e.pages ?? 0), 0);
    const total = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(merged?.pages).toBe(total);
    const cover = total - docPages;
    expect(cover).toBeGreaterThanOrEqual(1);

    const coverText = execFileSync('pdftotext', ['-f', '1', '-l', String(cover), file, '-'], { encoding: 'utf8' });
    expect(coverText).toContain('HỒ SƠ TÀI LIỆU KIỂM CHỨNG');
    expect(coverText).toContain('Tiêu chí 1.1');
    expect(coverText).toContain('Tài liệu không ghép được');
    expect(coverText).toContain('mật khẩu');
    let page = cover;
    for (const e of included) {
      const nn = /_(\d+)_/.exec(e.path)?.[1];
      for (let i = 0; i < (e.pages ?? 0); i++) {
        page++;
        const t = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
        expect(t, `page ${page}`).toContain(`TC 1.1 – TLKC ${nn}`);
      }
    }

    const loaded = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    const outline = (await loaded.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual([
      'Bìa: Tiêu chí 1.1',
      ...included.map((e) => expect.stringContaining(`TLKC ${/_(\d+)_/.exec(e.path)?.[1]}`) as unknown as string),
    ]);
    // Each document's bookmark points at its first page.
    let first = cover;
    for (const [i, e] of included.entries()) {
      const dest = outline[i + 1]?.dest as unknown[];
      expect(await loaded.getPageIndex(dest[0] as { num: number; gen: number })).toBe(first);
      first += e.pages ?? 0;
    }
    await loaded.destroy();
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it('--since: only added or changed evidence, the withdrawn list, numbering after the previous bundle', async () => {
    const base = path.join(out, 'base.zip');
    await exportBundle(ws, { out: base });
    const before = manifestOf(base);
    const prevPaths = new Map((before.criteria.find((c) => c.code === '1.1')?.evidence ?? []).map((e) => [e.sourceRelPath, e.path] as const));

    // Changes: a new file added and linked; plan-002 no longer linked; plan-000 replaced by a new version.
    expect(prevPaths.has('new.pdf')).toBe(false);
    fs.copyFileSync(path.join(SEEDS, 'plan-003.pdf'), abs('new.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), abs('plan-000.pdf'));
    await scanWorkspace(ws, { ocr: false });
    assignDocument(ws, abs('new.pdf'), '1.1');
    unassignDocument(ws, abs('plan-002.pdf'), '1.1');
    const docs = listDocuments(ws);
    expect(docs.find((d) => d.relPath === 'plan-000.pdf')?.criteria.map((c) => c.code)).toContain('1.1');

    const sup = path.join(out, 'supplement.zip');
    const result = await exportBundle(ws, { out: sup, since: base });
    const m = manifestOf(sup);
    expect(m.since?.file).toBe('base.zip');
    expect(m.since?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ev = m.criteria.find((c) => c.code === '1.1')?.evidence ?? [];
    expect(ev.map((e) => [e.sourceRelPath, e.change]).sort()).toEqual([
      ['new.pdf', 'added'],
      ['plan-000.pdf', 'changed'],
    ]);
    // The locked file is unchanged: not in the supplement.
    expect(ev.some((e) => e.sourceRelPath === 'locked.pdf')).toBe(false);
    const maxPrev = Math.max(...[...prevPaths.values()].map((p) => Number(/_(\d+)_/.exec(p)?.[1])));
    for (const e of ev) expect(Number(/_(\d+)_/.exec(e.path)?.[1])).toBeGreaterThan(maxPrev);
    expect(m.withdrawn.filter((w) => w.code === '1.1').map((w) => [w.sourceRelPath, w.reason, w.path]).sort()).toEqual([
      ['plan-000.pdf', 'replaced', prevPaths.get('plan-000.pdf')],
      ['plan-002.pdf', 'removed', prevPaths.get('plan-002.pdf')],
    ]);
    expect(result.withdrawn).toBe(m.withdrawn.length);
    const names = execFileSync('unzip', ['-Z1', sup], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(names.filter((n) => n.startsWith('1.1/')).sort()).toEqual(ev.map((e) => e.path).sort());
    const dm = path.join(tempDir('bundle-sup'), 'dm.pdf');
    fs.writeFileSync(dm, entryBytes(sup, '00_DanhMuc_TLKC.pdf'));
    const text = execFileSync('pdftotext', [dm, '-'], { encoding: 'utf8' });
    expect(text).toContain('BỔ SUNG');
    expect(text).toContain('RÚT LẠI');
    expect((await verifyBundle(sup)).ok).toBe(true);

    // A supplement against the supplement, with nothing changed since: empty, nothing withdrawn.
    const again = path.join(out, 'supplement-2.zip');
    await exportBundle(ws, { out: again, since: sup });
    const m2 = manifestOf(again);
    expect(m2.criteria.flatMap((c) => c.evidence)).toEqual([]);
    expect(m2.withdrawn).toEqual([]);
    expect((await verifyBundle(again)).ok).toBe(true);
  });

  it('--since refuses a file that is not a bundle', async () => {
    const junk = path.join(out, 'junk.zip');
    fs.writeFileSync(junk, 'nope');
    await expect(exportBundle(ws, { out: path.join(out, 'x.zip'), since: junk })).rejects.toThrow(/not a readable zip/);
    expect(fs.existsSync(path.join(out, 'x.zip'))).toBe(false);
  });
});
