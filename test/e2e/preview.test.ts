// The PDF preview in Chromium: pdf.js draws page 1 of a real scan and of a born-digital file into
// a canvas (Chromium's own viewer is refused in a sandbox), pages can be turned, and an encrypted
// file says why it cannot be shown instead of drawing nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { REAL, tempDir } from '../helpers/corpus.js';
import { type App, cli, openAppPage, scannedWorkspace, screenshot, startApp } from './harness.js';

const FILES = { scan: 'hg-1940-QD-UBND-scan.pdf', text: 'lc-3686-UBND-XD-signed.pdf', ccitt: 'kg-1942-KH-SYT.pdf', encrypted: 'rb-encrypted-aes128-password.pdf' } as const;

let app: App;
let browser: Browser;
let page: Page;
let docs: DocumentJson[] = [];
const pageErrors: string[] = [];
const work = tempDir('e2e-preview');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');

beforeAll(async () => {
  fs.mkdirSync(evidence, { recursive: true });
  for (const f of Object.values(FILES)) fs.copyFileSync(path.join(REAL, f), path.join(evidence, f));
  app = await startApp();
  scannedWorkspace(wsDir, evidence);
  docs = cli<DocumentJson[]>('docs', wsDir, '--json');
  ({ browser, page } = await openAppPage(app, wsDir, pageErrors));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openPreview(file: string): Promise<void> {
  const doc = docs.find((d) => d.relPath === file);
  if (!doc) throw new Error(`${file} was not indexed`);
  await page.goto(`${app.origin}/#/documents`);
  await page.locator(`[data-testid=document-row][data-doc-id="${doc.id}"]`).click();
  await page.locator(`[data-testid=document-detail][data-doc-id="${doc.id}"]`).waitFor();
  // The preview stays open while the clerk moves from document to document.
  if ((await page.getByTestId('pdf-preview').count()) === 0 && (await page.getByTestId('preview-failure').count()) === 0) await page.getByTestId('preview-toggle').click();
}

/** Share of canvas pixels darker than paper: a drawn page has text or a scanned image (downscaled scan text is light grey). */
async function inkRatio(): Promise<number> {
  return page.getByTestId('preview-canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 720) ink++;
    return ink / (data.length / 4);
  });
}

async function waitForDrawn(pageNo = 1): Promise<number> {
  await page.locator(`[data-testid=preview-drawn][data-page="${pageNo}"]`).waitFor({ timeout: 45_000 });
  return inkRatio();
}

describe('PDF preview drawn by pdf.js', () => {
  it('draws page 1 of a real scan and turns to page 2', async () => {
    await openPreview(FILES.scan);
    expect(await waitForDrawn()).toBeGreaterThan(0.002);
    const pages = docs.find((d) => d.relPath === FILES.scan)?.pages ?? 0;
    expect(await page.getByTestId('preview-page').textContent()).toBe(`Trang 1/${pages}`);
    await screenshot(page, 'preview-scan');
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page.getByTestId('preview-page').filter({ hasText: `Trang 2/${pages}` }).waitFor();
    expect(await waitForDrawn(2)).toBeGreaterThan(0.002);
  }, 60_000);

  it('draws page 1 of a born-digital file', async () => {
    await openPreview(FILES.text);
    expect(await waitForDrawn()).toBeGreaterThan(0.002);
  }, 60_000);

  it('draws a black-and-white (CCITT) scan with the decoders shipped beside the build', async () => {
    await openPreview(FILES.ccitt);
    expect(await waitForDrawn()).toBeGreaterThan(0.002);
  }, 60_000);

  it('says why an encrypted file cannot be shown', async () => {
    await openPreview(FILES.encrypted);
    const failure = page.getByTestId('preview-failure');
    await failure.waitFor();
    expect(await failure.getAttribute('data-failure')).toBe('encrypted');
    expect(await failure.textContent()).toContain('mật khẩu');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
