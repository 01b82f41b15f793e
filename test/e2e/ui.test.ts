// The UI end to end, in Debian's Chromium against the real engine behind the loopback bridge:
// create a workspace on a copy of the shared corpus, scan, compare the dashboard with
// `kiemchung status`, link a document by hand and accept it, search, export and verify a bundle.
// Each screen is saved as a screenshot under test-results/e2e/ (copied to docs/screenshots/ with
// KIEMCHUNG_UPDATE_SCREENSHOTS=1).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson, SearchHit, StatusJson } from '../../shared/types.js';
import { REAL, REPO_ROOT, SEEDS, copyCorpus, tempDir } from '../helpers/corpus.js';
import { ARTIFACTS, cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e');
const evidence = path.join(work, 'evidence');
const wsDir = path.join(work, 'ws');
const pageErrors: string[] = [];

beforeAll(async () => {
  copyCorpus(REAL, evidence, 'real');
  copyCorpus(SEEDS, evidence, 'seeds');
  app = await startApp();
  browser = await launchBrowser();
  // The screen a clerk's laptop has (and the README's screenshots): 1366×768.
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  // The README's screenshots in docs/ are refreshed on request only, so that a test run never
  // leaves the working tree changed: KIEMCHUNG_UPDATE_SCREENSHOTS=1 npx vitest run test/e2e/ui.test.ts
  const docs = path.join(REPO_ROOT, 'docs', 'screenshots');
  if (process.env['KIEMCHUNG_UPDATE_SCREENSHOTS'] === '1' && fs.existsSync(ARTIFACTS)) {
    fs.mkdirSync(docs, { recursive: true });
    for (const f of fs.readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png') && !f.startsWith('perf'))) fs.copyFileSync(path.join(ARTIFACTS, f), path.join(docs, f));
  }
});

describe('desktop UI over the loopback bridge', () => {
  it('refuses API calls without the session token, from another host name, and outside the renderer folder', async () => {
    const noToken = await fetch(`${app.origin}/api/app:info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(403);
    const wrongToken = await fetch(`${app.origin}/api/app:info`, { method: 'POST', body: '{}', headers: { 'X-Kiemchung-Token': 'x'.repeat(app.token.length) } });
    expect(wrongToken.status).toBe(403);
    const ok = await fetch(`${app.origin}/api/app:info`, { method: 'POST', body: '{}', headers: { 'X-Kiemchung-Token': app.token } });
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
    const bad = await fetch(`${app.origin}/api/workspace:open`, { method: 'POST', body: JSON.stringify({ dir: 'relative/path' }), headers: { 'X-Kiemchung-Token': app.token } });
    expect(await bad.json()).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    const extra = await fetch(`${app.origin}/api/status:get`, { method: 'POST', body: JSON.stringify({ sql: 'DROP TABLE x' }), headers: { 'X-Kiemchung-Token': app.token } });
    expect(await extra.json()).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    const html = await fetch(`${app.origin}/`);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(`${app.origin}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name": "kiemchung"');
  });

  it('start screen: creates a workspace, adds the evidence folder and scans it', async () => {
    await page.goto(app.url);
    await page.getByTestId('try-sample').waitFor();
    expect(await page.evaluate(() => location.search)).not.toContain('token');
    expect(await page.textContent('body')).toContain('Tạo bộ hồ sơ mới');
    await screenshot(page, '01-start');

    await page.getByTestId('new-dir').fill(wsDir);
    await page.getByTestId('new-unit').fill('Sở Y tế tỉnh Trà Vinh');
    await page.getByTestId('create-workspace').click();
    await page.getByTestId('root-dir').waitFor();
    // OCR of the corpus scans takes minutes on two cores; the e2e run checks the UI, not OCR.
    await page.locator('input[type=checkbox]').first().uncheck();
    // A wrong date keeps the form from saving and says why; a right one is stored for the CLI too.
    await page.getByTestId('setting-batches').fill('Đợt 1=31/02/2023');
    await page.getByText('ngày không có thật').waitFor();
    expect(await page.getByTestId('setting-batches-error').textContent()).toContain('"31/02/2023" không phải ngày dd/mm/yyyy có thật');
    expect(await page.getByTestId('save-settings').isDisabled()).toBe(true);
    await page.getByTestId('setting-batches').fill('Đợt 1=30/06/2023; Đợt 2=31/12/2023');
    await page.getByTestId('save-settings').click();
    await page.getByText('Đã lưu.').waitFor();
    expect(cli<{ ocr: boolean; batches: unknown }>('settings', wsDir, '--json')).toMatchObject({
      ocr: false,
      batches: [
        { label: 'Đợt 1', due: '2023-06-30' },
        { label: 'Đợt 2', due: '2023-12-31' },
      ],
    });
    await page.getByTestId('root-dir').fill(evidence);
    await page.getByTestId('root-office').fill('Văn phòng Sở');
    await page.getByTestId('add-root').click();
    await page.locator(`[data-testid=root-row][data-path="${evidence}"]`).waitFor();
    await page.getByTestId('scan-now').click();
    await page.locator('[data-testid=index-progress][data-phase=done][data-running=false]').waitFor({ timeout: 180_000 });
    await screenshot(page, '07-settings');
  }, 240_000);

  it('dashboard counts equal `kiemchung status --json`', async () => {
    const status = cli<StatusJson>('status', wsDir, '--json');
    await page.getByTestId('nav-dashboard').click();
    const summary = page.getByTestId('summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-complete')).toBe(String(status.summary.complete));
    expect(await summary.getAttribute('data-partial')).toBe(String(status.summary.partial));
    expect(await summary.getAttribute('data-missing')).toBe(String(status.summary.missing));
    expect(await summary.getAttribute('data-documents')).toBe(String(status.summary.documents));
    const rows = page.getByTestId('criterion-row');
    expect(await rows.count()).toBe(status.criteria.length);
    for (const c of status.criteria) {
      expect(await page.locator(`[data-testid=criterion-row][data-code="${c.code}"]`).getAttribute('data-status')).toBe(c.status);
    }
    await screenshot(page, '02-dashboard');
  });

  it('documents table lists every document, with filters', async () => {
    const docs = cli<DocumentJson[]>('docs', wsDir, '--json');
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('document-row').first().waitFor();
    expect(await page.getByTestId('documents-count').getAttribute('data-count')).toBe(String(docs.length));
    const first = docs[0];
    if (first) expect(await page.locator(`[data-testid=document-row][data-doc-id="${first.id}"]`).count()).toBeLessThanOrEqual(1);
    await page.getByTestId('filter-errors').click();
    expect(await page.getByTestId('documents-count').getAttribute('data-count')).toBe(String(docs.filter((d) => d.error).length));
    await page.getByTestId('filter-unassigned').click();
    expect(await page.getByTestId('documents-count').getAttribute('data-count')).toBe(String(docs.filter((d) => d.criteria.length === 0).length));
    await page.getByTestId('filter-all').click();
    await page.getByTestId('document-row').first().click();
    await page.getByTestId('document-detail').waitFor();
    await screenshot(page, '04-documents');
  });

  it('links a document by hand in the criterion view and accepts it', async () => {
    const status = cli<StatusJson>('status', wsDir, '--json');
    const leaves = status.criteria.filter((c) => !status.criteria.some((d) => d.parent === c.code));
    const docs = cli<DocumentJson[]>('docs', wsDir, '--json').filter((d) => !d.error);
    const leaf = leaves[0];
    if (!leaf) throw new Error('the pack has no leaf criterion');
    const doc = docs.find((d) => !d.criteria.some((c) => c.code === leaf.code));
    if (!doc) throw new Error('every document is already linked to the first criterion');

    await page.goto(`${app.origin}/#/criterion/${leaf.code}`);
    await page.getByTestId('criterion-view').waitFor();
    await page.getByTestId('link-select').selectOption(doc.id);
    await page.getByTestId('link-button').click();
    const card = page.locator(`[data-testid=evidence][data-doc-id="${doc.id}"]`);
    await card.waitFor();
    await card.getByTestId('review-note').fill('Đúng kế hoạch năm');
    await card.getByTestId('review-accept').click();
    await page.locator(`[data-testid=evidence][data-doc-id="${doc.id}"][data-review=accepted]`).waitFor();
    await screenshot(page, '03-criterion');

    const after = cli<DocumentJson[]>('docs', wsDir, '--json').find((d) => d.id === doc.id);
    expect(after?.criteria.find((c) => c.code === leaf.code)).toMatchObject({ source: 'manual', status: 'accepted', note: 'Đúng kế hoạch năm' });
  });

  it('search finds what the CLI finds', async () => {
    const query = 'cai cach hanh chinh';
    const hits = cli<SearchHit[]>('search', wsDir, query, '--json');
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill(query);
    await page.locator(`[data-testid=search-count][data-count="${Math.min(hits.length, 100)}"]`).waitFor();
    if (hits[0]) expect(await page.locator(`[data-testid=search-hit][data-doc-id="${hits[0].id}"]`).count()).toBe(1);
    await screenshot(page, '05-search');
  });

  it("offices' missing lists", async () => {
    await page.getByTestId('nav-offices').click();
    await page.locator('.offices h2').waitFor();
    await screenshot(page, '06-offices');
  });

  it('exports a bundle that verifies', async () => {
    const out = path.join(work, 'TLKC-2023.zip');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-out').fill(out);
    await page.getByTestId('export-bundle').click();
    const result = page.getByTestId('export-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    const verify = cli<{ ok: boolean; entries: number }>('verify', out, '--json');
    expect(verify.ok).toBe(true);
    expect(await result.getAttribute('data-entries')).toBe(String(verify.entries));
    await screenshot(page, '08-export');

    // Writing into an evidence folder is refused, and the refusal is listed for the user.
    await page.getByTestId('export-out').fill(path.join(evidence, 'x.zip'));
    await page.getByTestId('export-bundle').click();
    await page.locator('.errors-btn.has-errors').waitFor();
    expect(fs.existsSync(path.join(evidence, 'x.zip'))).toBe(false);
  }, 180_000);

  it('switches to English and back', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Criteria tree').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Cây tiêu chí').waitFor();
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
