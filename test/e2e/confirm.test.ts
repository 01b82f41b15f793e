// The confirmation queue ("Cần xác nhận") in Chromium: a draft plan whose number and day were
// left blank waits there and its criterion reads "chờ xác nhận"; the clerk types the number, Tab,
// the date, Enter, and the criterion turns to its real status. The correction survives a rename
// of the file and a rescan (the CLI's docs --json shows the manual date). Keystrokes per document
// are counted and printed (goal: 100 documents in under 10 minutes).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson, StatusJson } from '../../shared/types.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { apiCall, type App, cli, openAppPage, scannedWorkspace, screenshot, startApp } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const work = tempDir('e2e-confirm');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');

beforeAll(async () => {
  fs.mkdirSync(path.join(evidence, '1.1'), { recursive: true });
  fs.copyFileSync(path.join(SEEDS, 'plan-003.pdf'), path.join(evidence, '1.1', 'd07.pdf'));
  app = await startApp();
  scannedWorkspace(wsDir, evidence);
  ({ browser, page } = await openAppPage(app, wsDir, pageErrors));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const status11 = (): StatusJson['criteria'][number] | undefined => cli<StatusJson>('status', wsDir, '--json').criteria.find((c) => c.code === '1.1');

describe('confirmation queue', () => {
  it('confirms a date: the criterion turns from "chờ xác nhận" to its real status; keystrokes counted', async () => {
    const before = status11();
    expect(before?.pendingConfirmation).toBe(1);
    expect(before?.problems.map((p) => p.kind)).toContain('undated');

    // The dashboard does not call it "Thiếu một phần": the evidence is there, its date is not confirmed.
    await page.goto(`${app.origin}/#/dashboard`);
    const pendingRow = page.locator('[data-testid=criterion-row][data-code="1.1"]');
    await pendingRow.waitFor();
    expect(await pendingRow.locator('td.status').textContent()).toBe('Chờ xác nhận');

    await page.goto(`${app.origin}/#/confirm`);
    await page.getByTestId('confirm-waiting').filter({ hasText: '1' }).waitFor();
    const item = page.getByTestId('confirm-item');
    await item.waitFor();
    await page.locator('[data-testid=header-crop][data-state=drawn]').waitFor({ timeout: 45_000 });
    expect(await page.locator('[data-testid=confirm-criterion][data-code="1.1"] [data-testid=confirm-criterion-status]').textContent()).toBe('Chờ xác nhận');
    await screenshot(page, 'confirm-queue');

    // Count what the clerk presses: the number goes first (focused, its suggestion selected).
    await page.evaluate(() => {
      const w = window as unknown as { keys: number };
      w.keys = 0;
      window.addEventListener('keydown', () => (w.keys += 1), true);
    });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-number');
    await page.keyboard.type('12/KH-UBND');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5/6/2023');
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-empty').waitFor();
    const keys = await page.evaluate(() => (window as unknown as { keys: number }).keys);
    console.log(`confirmation queue: ${keys} keystrokes for 1 document (number typed in full, Tab, date d/m/yyyy, Enter)`);
    expect(keys).toBe(10 + 1 + 8 + 1);

    const after = status11();
    expect(after?.pendingConfirmation).toBe(0);
    expect(after?.problems.map((p) => p.kind)).not.toContain('undated');
    await page.goto(`${app.origin}/#/dashboard`);
    const row = page.locator('[data-testid=criterion-row][data-code="1.1"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe(after?.status);
    expect(await page.getByTestId('confirm-waiting').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the correction survives a rename of the file and a rescan', async () => {
    fs.renameSync(path.join(evidence, '1.1', 'd07.pdf'), path.join(evidence, '1.1', 'ke-hoach-khac-phuc.pdf'));
    // The app holds the workspace (one writer at a time): the rescan goes through it.
    await apiCall(app, 'index:scan', { ocr: false });
    const docs = cli<DocumentJson[]>('docs', wsDir, '--json');
    expect(docs.map((d) => d.relPath)).toEqual(['1.1/ke-hoach-khac-phuc.pdf']);
    expect(docs[0]).toMatchObject({ number: '12/KH-UBND', date: '2023-06-05', fields: { date: { source: 'manual', confidence: 1 } } });
    expect(status11()?.pendingConfirmation).toBe(0);
  });

  it('a date that does not exist is refused on the document card and nothing changes', async () => {
    const doc = cli<DocumentJson[]>('docs', wsDir, '--json')[0];
    await page.goto(`${app.origin}/#/documents`);
    await page.locator(`[data-testid=document-row][data-doc-id="${doc?.id ?? ''}"]`).click();
    await page.getByTestId('fix-form').waitFor();
    expect(await page.getByTestId('fix-date').inputValue()).toBe('05/06/2023');
    await page.getByTestId('fix-date').fill('31/06/2023');
    await page.getByTestId('fix-save').click();
    await page.waitForTimeout(500);
    expect(cli<DocumentJson[]>('docs', wsDir, '--json')[0]?.date).toBe('2023-06-05');
    await page.getByTestId('fix-date').fill('30/06/2023');
    await page.getByTestId('fix-save').click();
    await expect.poll(() => cli<DocumentJson[]>('docs', wsDir, '--json')[0]?.date, { timeout: 10_000 }).toBe('2023-06-30');
  }, 60_000);
});
