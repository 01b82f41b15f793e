// Roots that come and go while watched (chokidar itself stops silently on a deleted root), and a
// root watched by polling, as on a network share.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDocuments } from '../../main/engine/query/documents.js';
import { startWatching, type WatchEvent, type WatchHandle } from '../../main/engine/watch/watcher.js';
import { setRootPolling } from '../../main/engine/workspace/roots.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, copyCorpus, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { rawDb } from '../helpers/raw-db.js';

describe('watched roots', () => {
  let ws: Workspace | undefined;
  let handle: WatchHandle | undefined;
  const events: WatchEvent[] = [];
  const after = (from: number, event: WatchEvent['event'], relPath?: string): WatchEvent | undefined =>
    events.slice(from).find((e) => e.event === event && (relPath === undefined || ('relPath' in e && e.relPath === relPath)));
  const idle = (from: number, documents: number): Promise<WatchEvent> =>
    waitFor(`idle with ${documents} documents`, () => events.slice(from).find((e) => e.event === 'idle' && e.documents === documents));

  async function watch(root: string, polling = false): Promise<Workspace> {
    events.length = 0;
    ws = await makeWorkspace([root]);
    ws.setSetting('ocr', false);
    if (polling) setRootPolling(ws, root, true);
    handle = await startWatching(ws, { onEvent: (e) => events.push(e), stabilityMs: 500 });
    return ws;
  }

  afterEach(async () => {
    await handle?.close();
    ws?.close();
    handle = undefined;
    ws = undefined;
  });

  it('reports a deleted root, keeps its documents, and recovers when it is created again', async () => {
    const root = tempDir('watch-root');
    copyCorpus(SEEDS, root, 'kế hoạch');
    const w = await watch(root);
    await idle(0, 6);
    const ids = listDocuments(w).map((d) => d.id).sort();
    const analysed = rawDb(w).prepare('SELECT sha256, analyzed_at FROM contents ORDER BY sha256').all();

    let from = events.length;
    fs.rmSync(root, { recursive: true });
    await waitFor('root-missing', () => after(from, 'root-missing'));
    await sleep(1500); // a few checks and ticks while it is gone
    expect(listDocuments(w).map((d) => d.id).sort()).toEqual(ids);
    expect(after(from, 'removed')).toBeUndefined();

    from = events.length;
    copyCorpus(SEEDS, root, 'kế hoạch'); // the share is back, same files (new mtimes)
    await waitFor('root-back', () => after(from, 'root-back'));
    await idle(from, 6);
    expect(listDocuments(w).map((d) => d.id).sort()).toEqual(ids);
    expect(rawDb(w).prepare('SELECT sha256, analyzed_at FROM contents ORDER BY sha256').all()).toEqual(analysed);

    // And it is watched again: a new file is picked up.
    from = events.length;
    fs.copyFileSync(path.join(REAL, 'kg-43-TM-SYT.pdf'), path.join(root, 'kg-43-TM-SYT.pdf'));
    await waitFor('the new file', () => after(from, 'indexed', 'kg-43-TM-SYT.pdf'));
    await idle(from, 7);
  }, 120_000);

  it('notices a root deleted and re-created at once, and watches the new folder', async () => {
    const root = tempDir('watch-swap');
    copyCorpus(SEEDS, root);
    const w = await watch(root);
    await idle(0, 6);
    const from = events.length;
    fs.rmSync(root, { recursive: true });
    fs.mkdirSync(root);
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(root, 'plan-001.pdf'));
    await waitFor('root-back', () => after(from, 'root-back'));
    expect(after(from, 'root-missing')).toBeDefined();
    await idle(from, 1); // the five files that did not come back are forgotten
    fs.copyFileSync(path.join(REAL, 'kg-43-TM-SYT.pdf'), path.join(root, 'new.pdf'));
    await waitFor('the new file', () => after(from, 'indexed', 'new.pdf'));
    expect(listDocuments(w).map((d) => d.relPath).sort()).toEqual(['new.pdf', 'plan-001.pdf']);
  }, 120_000);

  it('watches a root marked for polling (network share)', async () => {
    const root = tempDir('watch-poll');
    await watch(root, true);
    expect(events.find((e) => e.event === 'ready')).toMatchObject({ roots: 1, watching: 1, polling: 1 });
    await idle(0, 0);
    const from = events.length;
    fs.mkdirSync(path.join(root, 'sub'));
    fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(root, 'sub', 'KH 311.pdf'));
    await waitFor('the polled file', () => after(from, 'indexed', 'sub/KH 311.pdf'));
    fs.rmSync(path.join(root, 'sub', 'KH 311.pdf'));
    await waitFor('its removal', () => after(from, 'removed', 'sub/KH 311.pdf'));
  }, 120_000);
});
