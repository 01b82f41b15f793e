// The offices screen in Chromium against the real engine (issue 15): the batch shown and chosen,
// one row per office from the registry ("Văn phòng" and "Văn phòng Sở" one office), a rejected
// document listed for its office, an alias added and a folder's office changed in the app, and
// the reminder letters saved as DOCX (the web shell has no dialog: the path is typed).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficesJson, RootJson } from '../../shared/api.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { apiCall, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e-offices');
const wsDir = path.join(work, 'ws');
const vp = path.join(work, 'Văn phòng');
const out = path.join(work, 'out');
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(vp, { recursive: true });
  fs.mkdirSync(out);
  fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(vp, 'plan-000.pdf'));
  app = await startApp();
  await apiCall(app, 'workspace:create', { dir: wsDir, packId: 'binh-dinh-so-y-te-2023', year: 2023 });
  await apiCall(app, 'settings:update', { ocr: false, batches: [{ label: 'Đợt 1', due: '2023-06-30' }, { label: 'Đợt 2', due: '2023-09-30' }, { label: 'Đợt 3', due: '2023-11-15' }] });
  await apiCall(app, 'roots:add', { dir: vp, office: 'Văn phòng' });
  await apiCall(app, 'index:scan', {});
  await apiCall(app, 'review:assign', { doc: path.join(vp, 'plan-000.pdf'), code: '3.3' });
  await apiCall(app, 'review:decide', { doc: path.join(vp, 'plan-000.pdf'), code: '3.3', decision: 'rejected', note: 'Không đúng năm đánh giá' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('offices screen', () => {
  it('shows the batch, one row per office, and what arrived but was rejected', async () => {
    await page.goto(`${app.url}#/offices`);
    await page.getByTestId('offices-batch').waitFor();
    // Today is after every 2023 deadline: the last batch is the current one.
    expect(await page.getByTestId('offices-batch').inputValue()).toBe('3');
    const offices = await page.$$eval('[data-testid=office]', (els) => els.map((e) => e.getAttribute('data-office')));
    expect(offices).toContain('Văn phòng Sở');
    expect(offices).not.toContain('Văn phòng');
    expect(offices).not.toContain('Các Phòng');
    const vpCard = page.locator('[data-testid=office][data-office="Văn phòng Sở"]');
    expect(await vpCard.locator('[data-testid=office-item][data-kind=rejected]').innerText()).toContain('Không đúng năm đánh giá');
    await screenshot(page, 'offices-reminders');
    // Batch 1: only what was due by 30/06/2023 (2.4's first slot, for two offices).
    await page.getByTestId('offices-batch').selectOption('1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=office]').length === 2);
    expect(await page.$$eval('[data-testid=office]', (els) => els.map((e) => e.getAttribute('data-office')))).toEqual(['Phòng Tổ chức cán bộ Sở', 'Thanh tra Sở']);
  }, 120_000);

  it('saves the reminder letters as DOCX, and refuses an evidence folder', async () => {
    await page.getByTestId('offices-batch').selectOption('3');
    await page.getByTestId('remind-office').selectOption('Văn phòng Sở');
    const file = path.join(out, 'don-doc.docx');
    await page.getByTestId('remind-out').fill(path.join(out, 'don-doc'));
    await page.getByTestId('remind-docx').click();
    await page.getByTestId('remind-done').waitFor();
    expect(await page.getByTestId('remind-done').getAttribute('data-out')).toBe(file);
    expect(fs.statSync(file).size).toBeGreaterThan(3000);
    await page.getByTestId('remind-out').fill(path.join(vp, 'x.pdf'));
    await page.getByTestId('remind-pdf').click();
    await page.getByTestId('remind-error').waitFor();
    expect(await page.getByTestId('remind-error').innerText()).toContain('KiemChung không bao giờ ghi vào thư mục tài liệu');
    expect(fs.existsSync(path.join(vp, 'x.pdf'))).toBe(false);
  }, 120_000);

  it("edits the registry: an alias, and a folder's office", async () => {
    const row = page.locator('[data-testid=registry-row][data-office="Thanh tra Sở"]');
    await row.getByTestId('registry-alias').fill('Thanh tra');
    await row.getByTestId('registry-alias').press('Enter');
    await row.locator('.badge', { hasText: 'Thanh tra' }).waitFor();
    const reg = await apiCall<OfficesJson>(app, 'offices:list', {});
    expect(reg.offices.find((o) => o.name === 'Thanh tra Sở')?.aliases).toEqual(['Thanh tra']);

    const select = page.locator(`[data-testid=folder-office][data-path="${fs.realpathSync(vp)}"]`).getByTestId('folder-office-select');
    expect(await select.inputValue()).toBe('Văn phòng Sở');
    await select.selectOption('Thanh tra Sở');
    await page.waitForFunction((p) => (document.querySelector(`[data-testid=folder-office][data-path="${p}"] select`) as HTMLSelectElement | null)?.value === 'Thanh tra Sở', fs.realpathSync(vp));
    const roots = await apiCall<RootJson[]>(app, 'roots:list', {});
    expect(roots[0]?.office).toBe('Thanh tra Sở');
    await screenshot(page, 'offices-registry');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
