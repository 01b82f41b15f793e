// No surprises, in Chromium against the real engine: unlinking a document, removing an evidence
// folder and closing the workspace each ask first (Hủy / Esc change nothing, on disk or in the
// CLI's view); what was decided shows on the history screen, for the workspace, one criterion or
// one document, with the same entries as `kiemchung history --json`.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryJson } from '../../shared/api.js';
import type { DocumentJson } from '../../shared/types.js';
import { REAL, tempDir } from '../helpers/corpus.js';
import { apiCall, type App, cli, openAppPage, scannedWorkspace, screenshot, startApp } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const work = tempDir('e2e-history');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');

beforeAll(async () => {
  fs.mkdirSync(path.join(evidence, '1.1'), { recursive: true });
  fs.copyFileSync(path.join(REAL, 'kg-1942-KH-SYT.pdf'), path.join(evidence, '1.1', 'ke-hoach.pdf'));
  app = await startApp();
  scannedWorkspace(wsDir, evidence);
  ({ browser, page } = await openAppPage(app, wsDir, pageErrors));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const linkedTo11 = (): boolean => cli<DocumentJson[]>('docs', wsDir, '--json').some((d) => d.criteria.some((c) => c.code === '1.1'));

describe('confirm dialogs and the history screen', () => {
  it('unlink asks first: Hủy keeps the link, the confirm button removes it', async () => {
    expect(linkedTo11()).toBe(true);
    await page.goto(`${app.origin}/#/criterion/1.1`);
    const unlink = page.getByTestId('review-unlink');
    await unlink.waitFor();
    await unlink.click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Bỏ liên kết 1.1/ke-hoach.pdf khỏi tiêu chí 1.1?');
    await screenshot(page, 'confirm-unlink');
    await page.getByTestId('confirm-no').click();
    await dialog.waitFor({ state: 'detached' });
    expect(linkedTo11()).toBe(true);

    await unlink.click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('review-unlink').waitFor({ state: 'detached' });
    expect(linkedTo11()).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('the history screen lists what the CLI lists, for one criterion and for one document', async () => {
    const doc = cli<DocumentJson[]>('docs', wsDir, '--json')[0];
    if (!doc) throw new Error('no document indexed');
    // A second kind of entry, made through the API as the app makes it.
    await apiCall(app, 'review:score', { code: '3.2', points: 0.5 });

    await page.getByTestId('criterion-history').click();
    await page.getByTestId('history').waitFor();
    const forCode = cli<HistoryEntryJson[]>('history', wsDir, '--criterion', '1.1', '--json');
    await page.locator(`[data-testid=history-count][data-count="${forCode.length}"]`).waitFor();
    expect(await page.getByTestId('history-row').first().getAttribute('data-action')).toBe('unassign');
    expect(await page.getByTestId('history-row').first().textContent()).toContain('Bỏ liên kết');

    await page.goto(`${app.origin}/#/history`);
    const all = cli<HistoryEntryJson[]>('history', wsDir, '--json');
    await page.locator(`[data-testid=history-count][data-count="${all.length}"]`).waitFor();
    expect(await page.locator('[data-testid=history-row][data-action=score]').textContent()).toContain('0,5 điểm');
    await screenshot(page, 'history');

    await page.goto(`${app.origin}/#/history/doc/${encodeURIComponent(doc.id)}`);
    const forDoc = cli<HistoryEntryJson[]>('history', wsDir, '--doc', doc.id, '--json');
    expect(forDoc.map((h) => h.action)).toEqual(['unassign']);
    await page.locator(`[data-testid=history-count][data-count="${forDoc.length}"]`).waitFor();
    expect(await page.getByTestId('history-doc-filter').textContent()).toContain('1.1/ke-hoach.pdf');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('removing an evidence folder and closing the workspace ask first; Esc changes nothing', async () => {
    await page.goto(`${app.origin}/#/settings`);
    await page.getByTestId('root-remove').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(cli<unknown[]>('folder', 'list', wsDir, '--json')).toHaveLength(1);

    await page.getByTestId('close-workspace').click();
    await page.getByTestId('confirm-no').click();
    expect(await page.getByTestId('nav-dashboard').count()).toBe(1);
    await page.getByTestId('close-workspace').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('nav-dashboard').waitFor({ state: 'detached' });
    expect(fs.existsSync(path.join(evidence, '1.1', 'ke-hoach.pdf'))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
