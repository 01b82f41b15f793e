// OCR while watching: a scan is indexed at once (as an image), read by OCR when nothing else is
// ready, and a file arriving meanwhile is not held up behind OCR (the pass stops and resumes).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDocuments } from '../../main/engine/query/documents.js';
import { startWatching, type WatchEvent, type WatchHandle } from '../../main/engine/watch/watcher.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { waitFor } from '../helpers/wait.js';

const OCR_WAIT_MS = 240_000;

describe('watching with OCR on', () => {
  let ws: Workspace | undefined;
  let handle: WatchHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    ws?.close();
  });

  it('indexes a scan at once, reads it by OCR when quiet, and lets a new file go first', async () => {
    const root = tempDir('watch-ocr');
    ws = await makeWorkspace([root]);
    expect(ws.settings().ocr).toBe(true);
    const events: WatchEvent[] = [];
    handle = await startWatching(ws, { onEvent: (e) => events.push(e), stabilityMs: 500 });
    await waitFor('idle', () => events.find((e) => e.event === 'idle'), OCR_WAIT_MS);

    const scan = 'company-89-2026-QD-CT-scan.pdf';
    fs.copyFileSync(path.join(REAL, scan), path.join(root, scan));
    const scanIndexed = await waitFor('the scan indexed', () => {
      const i = events.findIndex((e) => e.event === 'indexed' && e.relPath === scan);
      return i >= 0 ? i : undefined;
    }, OCR_WAIT_MS);
    // OCR starts now that nothing else is ready; a plan arrives while it reads.
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(root, 'plan-001.pdf'));
    const planIndexed = await waitFor('the plan indexed', () => {
      const i = events.findIndex((e) => e.event === 'indexed' && e.relPath === 'plan-001.pdf');
      return i >= 0 ? i : undefined;
    }, OCR_WAIT_MS);
    const ocrAt = await waitFor('OCR', () => {
      const i = events.findIndex((e) => e.event === 'ocr');
      return i >= 0 ? i : undefined;
    }, OCR_WAIT_MS);
    await waitFor('idle after OCR', () => events.slice(ocrAt).find((e) => e.event === 'idle'), OCR_WAIT_MS);

    expect(scanIndexed).toBeLessThan(planIndexed);
    expect(planIndexed).toBeLessThan(ocrAt); // the plan did not wait for the scan's OCR
    expect(events.slice(ocrAt).find((e) => e.event === 'ocr')).toMatchObject({ headers: 1 });
    const doc = listDocuments(ws).find((d) => d.relPath === scan);
    expect(doc).toMatchObject({ ocr: true, textLayer: false });
    expect(events.filter((e) => e.event === 'error')).toEqual([]);
  }, 300_000);
});
