// Trusted roots in Chromium: Settings lists none, the clerk adds a root certificate file and the
// document card's signature turns from "Chưa xác minh được nguồn" to verified; removing the root
// (confirmed) turns it back. Certificates and the signed PDF are made by openssl in the test.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { tempDir } from '../helpers/corpus.js';
import { Signing } from '../helpers/signing.js';
import { cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let doc: DocumentJson;
const pageErrors: string[] = [];
const work = tempDir('e2e-trust');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');
const certs = path.join(work, 'certs');

beforeAll(async () => {
  fs.mkdirSync(evidence);
  fs.mkdirSync(certs);
  const signing = new Signing(certs);
  signing.makeCa('root', '/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=KiemChung Test Root CA');
  signing.makeCa('sub', '/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=KiemChung Test Sub CA', 'root');
  signing.makeLeaf('leaf', '/C=VN/O=SỞ Y TẾ TỈNH TRÀ VINH/CN=Nguyễn Văn A', 'sub', ['ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
  fs.writeFileSync(path.join(evidence, 'ky-so.pdf'), signing.signedPdf({ leaf: 'leaf', chain: 'sub.pem' }));
  app = await startApp();
  cli('init', wsDir, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023', '--json');
  cli('folder', 'add', wsDir, evidence, '--json');
  cli('scan', wsDir, '--no-ocr', '--json');
  [doc] = cli<DocumentJson[]>('docs', wsDir, '--json') as [DocumentJson];
  const opened = await fetch(`${app.origin}/api/workspace:open`, { method: 'POST', body: JSON.stringify({ dir: wsDir }), headers: { 'X-Kiemchung-Token': app.token } });
  expect(((await opened.json()) as { ok: boolean }).ok).toBe(true);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function chainShown(): Promise<string | null> {
  await page.goto(`${app.origin}/#/documents`);
  await page.locator(`[data-testid=document-row][data-doc-id="${doc.id}"]`).click();
  await page.locator(`[data-testid=document-detail][data-doc-id="${doc.id}"]`).waitFor();
  const sig = page.getByTestId('signature');
  await sig.waitFor();
  expect(await sig.getByTestId('signature-signer').textContent()).toBe('Nguyễn Văn A');
  return sig.getByTestId('signature-chain').textContent();
}

describe('trusted roots in the app', () => {
  it('a signature reads "Chưa xác minh được nguồn" until its root is added in Settings, and again after it is removed', async () => {
    expect(await chainShown()).toBe('Chưa xác minh được nguồn');

    await page.goto(`${app.origin}/#/settings`);
    const section = page.getByTestId('trusted-roots');
    await section.waitFor();
    expect(await section.textContent()).toContain('Chưa có chứng thư gốc nào');
    await page.getByTestId('trust-file').fill(path.join(certs, 'root.pem'));
    await page.getByTestId('trust-add').click();
    await page.getByTestId('trust-row').waitFor();
    expect(await page.getByTestId('trust-row').textContent()).toContain('KiemChung Test Root CA');
    expect(await page.getByTestId('trust-said').textContent()).toBe('Đã thêm 1 chứng thư. Đã kiểm tra lại 1 tệp có chữ ký: 1 chữ ký đã xác minh được nguồn.');
    await screenshot(page, 'settings-trusted-roots');

    expect(await chainShown()).toBe('Đã xác minh (dẫn đến chứng thư gốc tin cậy)');
    await screenshot(page, 'document-signature-trusted');

    await page.goto(`${app.origin}/#/settings`);
    await page.getByTestId('trust-remove').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('trust-row').waitFor({ state: 'detached' });
    expect(await chainShown()).toBe('Chưa xác minh được nguồn');
    expect(cli<DocumentJson[]>('docs', wsDir, '--json')[0]?.signatureChecks.map((s) => s.chain)).toEqual(['unknown-root']);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
