// Live watching on real files, real chokidar and a real SQLite workspace: a slow writer is read
// once, after it ends; a drop of 500 files is indexed completely; a folder rename keeps every
// document's identity and review decision without reading anything again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leafCriteria } from '../../shared/pack.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument, reviewDocument } from '../../main/engine/review/review.js';
import { startWatching, type WatchEvent, type WatchHandle } from '../../main/engine/watch/watcher.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, copyCorpus, readTruth, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { rawDb } from '../helpers/raw-db.js';

interface Session {
  ws: Workspace;
  root: string;
  events: WatchEvent[];
  handle: WatchHandle;
  /** The first `idle` after event number `from` with `documents` documents. */
  idle(documents: number, from: number, timeoutMs?: number): Promise<void>;
}

async function watchRoot(root: string, stabilityMs?: number): Promise<Session> {
  const ws = await makeWorkspace([root]);
  ws.setSetting('ocr', false); // OCR has its own tests; here it would only slow the watcher down
  const events: WatchEvent[] = [];
  const handle = await startWatching(ws, { onEvent: (e) => events.push(e), ...(stabilityMs ? { stabilityMs } : {}) });
  const idle = async (documents: number, from: number, timeoutMs = 60_000): Promise<void> => {
    await waitFor(`idle with ${documents} documents`, () => events.slice(from).find((e) => e.event === 'idle' && e.documents === documents), timeoutMs);
  };
  return { ws, root, events, handle, idle };
}

const ofKind = <K extends WatchEvent['event']>(events: WatchEvent[], kind: K): Extract<WatchEvent, { event: K }>[] =>
  events.filter((e): e is Extract<WatchEvent, { event: K }> => e.event === kind);

/** A distinct, valid PDF: a seed plus a comment line after its end (readers ignore it). */
function uniquePdf(seed: Buffer, tag: string): Buffer {
  return Buffer.concat([seed, Buffer.from(`\n% kiemchung watch test ${tag}\n`)]);
}

describe('watching evidence folders', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.handle.close();
    session?.ws.close();
    session = undefined;
  });

  it('indexes a file written slowly over 5 s once, after the write ends', async () => {
    const root = tempDir('watch-slow');
    copyCorpus(SEEDS, root, 'seeds');
    session = await watchRoot(root); // default window: the workspace setting (2 s)
    await session.idle(6, 0);
    const from = session.events.length;

    const bytes = fs.readFileSync(path.join(REAL, 'kg-1942-KH-SYT.pdf'));
    const target = path.join(root, 'Kế hoạch 1942 (đang chép).pdf');
    const chunks = 20;
    const fd = fs.openSync(target, 'w');
    for (let i = 0; i < chunks; i++) {
      const part = bytes.subarray(Math.floor((i * bytes.length) / chunks), Math.floor(((i + 1) * bytes.length) / chunks));
      fs.writeSync(fd, part);
      fs.fsyncSync(fd);
      await sleep(250); // 20 × 250 ms: 5 s of writing, never a pause as long as the window
    }
    fs.closeSync(fd);
    const ended = Date.now();

    await session.idle(7, from);
    await sleep(3000); // nothing more may follow
    const indexed = ofKind(session.events.slice(from), 'indexed').filter((e) => e.relPath === path.basename(target).normalize('NFC'));
    expect(indexed).toHaveLength(1);
    const [only] = indexed;
    expect(Date.parse(only?.at ?? '')).toBeGreaterThanOrEqual(ended);
    expect(only?.error).toBeNull();
    expect(only?.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const truth = readTruth(REAL).find((t) => t.file === 'kg-1942-KH-SYT.pdf');
    expect(listDocuments(session.ws).find((d) => d.id === only?.id)).toMatchObject({ pages: truth?.pages, size: bytes.length, error: null });
  }, 90_000);

  it('indexes all of 500 files dropped at once', async () => {
    const root = tempDir('watch-drop');
    session = await watchRoot(root);
    await session.idle(0, 0);
    const from = session.events.length;
    const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.pdf')).map((f) => fs.readFileSync(path.join(SEEDS, f)));
    const written: string[] = [];
    for (let i = 0; i < 500; i++) {
      const rel = `đợt ${i % 5}/hồ sơ ${String(i).padStart(3, '0')}.pdf`;
      fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), uniquePdf(seeds[i % seeds.length] as Buffer, String(i)));
      written.push(rel.normalize('NFC'));
    }
    await session.idle(500, from, 240_000);
    const indexed = ofKind(session.events.slice(from), 'indexed');
    expect(indexed.map((e) => e.relPath).sort()).toEqual([...written].sort()); // each exactly once
    expect(indexed.filter((e) => e.error !== null)).toEqual([]);
    expect(new Set(indexed.map((e) => e.sha256)).size).toBe(500);
    expect(ofKind(session.events, 'error')).toEqual([]);
    const docs = listDocuments(session.ws);
    expect(docs.map((d) => d.relPath).sort()).toEqual([...written].sort());
  }, 300_000);

  it('keeps identity and every review decision across a folder rename, reading nothing again', async () => {
    const root = tempDir('watch-rename');
    const real = ['kg-1942-KH-SYT.pdf', 'kg-2082-SYT-NVY.pdf', 'kg-43-TM-SYT.pdf', 'lc-466-PC-VPUBND.pdf', 'rb-zero-bytes.pdf'];
    fs.mkdirSync(path.join(root, '1.3 Tuyên truyền', 'đợt 1'), { recursive: true });
    for (const f of real) fs.copyFileSync(path.join(REAL, f), path.join(root, '1.3 Tuyên truyền', 'đợt 1', f));
    const names = [...copyCorpus(SEEDS, root, '1.3 Tuyên truyền'), ...real];
    session = await watchRoot(root, 1000);
    const { ws } = session;
    await session.idle(names.length, 0);
    const code = leafCriteria(ws.pack())[0]?.code ?? '';
    const before = listDocuments(ws);
    for (const d of before) {
      assignDocument(ws, d.id, code, { actor: 'test' });
      reviewDocument(ws, d.id, code, 'accepted', `ok ${d.relPath}`, { actor: 'test' });
    }
    const analysed = rawDb(ws).prepare('SELECT sha256, analyzed_at FROM contents ORDER BY sha256').all();
    const from = session.events.length;

    fs.renameSync(path.join(root, '1.3 Tuyên truyền'), path.join(root, '1.3 Tuyên truyền CCHC 2023'));
    await session.idle(before.length, from);

    const after = session.events.slice(from);
    expect(ofKind(after, 'moved')).toHaveLength(before.length);
    expect(ofKind(after, 'indexed')).toEqual([]);
    expect(ofKind(after, 'removed')).toEqual([]);
    expect(rawDb(ws).prepare('SELECT sha256, analyzed_at FROM contents ORDER BY sha256').all()).toEqual(analysed);
    const docs = listDocuments(ws);
    expect(docs.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
    for (const d of docs) {
      const was = before.find((b) => b.id === d.id);
      expect(d.relPath).toBe((was?.relPath ?? '').replace('1.3 Tuyên truyền/', '1.3 Tuyên truyền CCHC 2023/'.normalize('NFC')));
      expect(d.criteria.find((c) => c.code === code)).toMatchObject({ status: 'accepted', note: `ok ${was?.relPath}` });
    }
  }, 120_000);
});
