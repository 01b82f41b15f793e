// Live watching end to end, in Chromium against `npm start`'s loopback bridge: a PDF copied into an
// office folder shows up in the documents view, classified by its criterion folder, within the
// stability window + 2 s and with no click; pausing stops that and resuming catches up; stopping
// the app shows the connection banner and starting it again (same app home) brings the page back
// to the open workspace (same token and port, the last workspace reopened).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchStatus } from '../../shared/api.js';
import { REAL, tempDir } from '../helpers/corpus.js';
import { apiCall, launchBrowser, screenshot, startApp, type App } from './harness.js';

const STABILITY_MS = 2000; // the workspace default (watchStabilityMs)
const DEADLINE_MS = STABILITY_MS + 2000;
const COLD_START_MS = 1500;
const PDFS = ['kg-2082-SYT-NVY.pdf', 'kg-43-TM-SYT.pdf', 'kg-1942-KH-SYT.pdf'];
const LATE = 'moc-1074-QD-BXD-signed.pdf';
const FOR_DASHBOARD = 'lc-466-PC-VPUBND.pdf';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e-live');
const office = path.join(work, 'Văn phòng');
const wsDir = path.join(work, 'ws');
const latencies: number[] = [];

function row(relPath: string) {
  return page.locator('[data-testid=document-row]').filter({ hasText: relPath });
}

/** Copies a PDF as Explorer would (written, then left alone) and returns when the copy ended. */
function copyInto(code: string, file: string): string {
  fs.mkdirSync(path.join(office, code), { recursive: true });
  fs.copyFileSync(path.join(REAL, file), path.join(office, code, file));
  return `${code}/${file}`;
}

beforeAll(async () => {
  fs.mkdirSync(office, { recursive: true });
  app = await startApp();
  await apiCall(app, 'workspace:create', { dir: wsDir, packId: 'tra-vinh-so-y-te-2023', year: 2023, unit: 'Sở Y tế (thử theo dõi)' });
  await apiCall(app, 'settings:update', { ocr: false });
  await apiCall(app, 'roots:add', { dir: office, office: 'Văn phòng Sở' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app.url);
  await page.locator('[data-testid=live-status][data-state=watching]').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (latencies.length) console.log(`live e2e: copied → visible (ms): ${latencies.join(', ')}; median ${median(latencies)}`);
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

describe('live watching in the app', () => {
  it('a PDF copied into an office folder appears in the documents view, classified, within the stability window + 2 s, with no click', async () => {
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('documents-count').waitFor();
    expect(await page.textContent('[data-testid=status-bar]')).toContain('Đang theo dõi 1 thư mục');
    for (const [i, file] of PDFS.entries()) {
      const code = `1.${i + 1}`;
      const rel = copyInto(code, file);
      const copied = Date.now();
      const r = row(rel);
      // The first file after start also pays for starting the reader workers (about a second on
      // two busy cores): it gets COLD_START_MS more; every later one must make the deadline.
      const limit = DEADLINE_MS + (i === 0 ? COLD_START_MS : 0);
      await r.waitFor({ timeout: limit });
      // Classified by its criterion folder (the last column lists the codes).
      await expect.poll(async () => r.textContent(), { timeout: Math.max(100, limit - (Date.now() - copied)), interval: 50 }).toContain(code);
      latencies.push(Date.now() - copied);
    }
    await screenshot(page, 'live-01-documents');
    expect(latencies[0]).toBeLessThanOrEqual(DEADLINE_MS + COLD_START_MS);
    expect(Math.max(...latencies.slice(1))).toBeLessThanOrEqual(DEADLINE_MS);
  }, 60_000);

  it('the dashboard updates by itself when a file arrives', async () => {
    await page.getByTestId('nav-dashboard').click();
    const summary = page.getByTestId('summary');
    await summary.waitFor();
    const before = Number(await summary.getAttribute('data-documents'));
    const copied = Date.now();
    copyInto('2.1', FOR_DASHBOARD);
    // The strict deadline is the documents view's (above); the dashboard also recomputes completeness,
    // and under the full suite (two test files, Chromium and the reader pool on two cores) that took
    // more than 8 s once (CI of stop 19; 2.8 s alone): here it only has to come by itself.
    await page.locator(`[data-testid=summary][data-documents="${before + 1}"]`).waitFor({ timeout: DEADLINE_MS + 12_000 });
    console.log(`live e2e: dashboard counted the new document after ${Date.now() - copied} ms`);
  }, 30_000);

  it('paused, a copied file does not appear; resumed, it does', async () => {
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('watch-pause').click();
    await page.locator('[data-testid=live-status][data-state=paused]').waitFor();
    expect(await page.textContent('[data-testid=status-bar]')).toContain('Đã tạm dừng theo dõi');
    const rel = copyInto('1.1', LATE);
    await page.waitForTimeout(DEADLINE_MS + 1000);
    expect(await row(rel).count()).toBe(0);
    expect((await apiCall<WatchStatus>(app, 'watch:status')).state).toBe('paused');
    await page.getByTestId('watch-resume').click();
    // Resuming starts the watcher again; its start-up sweep finds what changed meanwhile.
    await row(rel).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=live-status][data-state=watching]').waitFor();
  }, 60_000);

  it('stopping the app shows the banner; starting it again brings the page back to the workspace', async () => {
    const home = app.home;
    const oldOrigin = app.origin;
    await app.stop();
    const banner = page.getByTestId('connection-banner');
    await page.locator('[data-testid=connection-banner][data-connected=false]').waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('Mất kết nối với KiemChung');
    await screenshot(page, 'live-02-connection-lost');
    // The saved access file is the user's only.
    expect(fs.statSync(path.join(home, 'web-session.json')).mode & 0o077).toBe(0);

    const started = Date.now();
    app = await startApp({}, { home });
    expect(app.origin).toBe(oldOrigin);
    await page.locator('[data-testid=connection-banner][data-connected=true]').waitFor({ timeout: 15_000 });
    console.log(`live e2e: engine started → page reconnected in ${Date.now() - started} ms`);
    // The same workspace, reopened by the engine itself: no 403, no start screen.
    await page.getByTestId('nav-documents').waitFor();
    await row(`1.1/${LATE}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('try-sample').count()).toBe(0);
    expect((await apiCall<{ dir: string } | null>(app, 'workspace:current'))?.dir).toBe(wsDir);
    await page.locator('[data-testid=live-status][data-state=watching]').waitFor({ timeout: 15_000 });
    await page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 10_000 });
  }, 90_000);
});
