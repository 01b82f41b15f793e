// The language walk: every screen and state of the app in Vietnamese, in Chromium against the real
// engine, and no English word may show outside the allow-list of names and codes
// (test/helpers/english-words.ts). Errors are provoked on purpose: each must be worded too.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { REAL, SEEDS, copyCorpus, tempDir } from '../helpers/corpus.js';
import { englishWords, type EnglishHit } from '../helpers/english-words.js';
import { cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e-language');
const evidence = path.join(work, 'evidence');
const wsDir = path.join(work, 'ws');
const found: (EnglishHit & { screen: string })[] = [];
let docs: DocumentJson[] = [];
const planWords: string[] = [];

const missingParent = path.join(work, 'missing', 'deeper', 'ws');
const notAWorkspace = path.join(work, 'not-a-workspace');
/** A file the plan import refuses by its type (its name, extension included, is the user's). */
const notAPlan = path.join(work, 'ghi-chu.txt');

/** File and folder names are the users' own words (the paths typed in the walk too): whatever they contain is not the app speaking. */
function fileWords(): string[] {
  return [...[...docs.map((d) => d.relPath), work, wsDir, evidence, missingParent, notAWorkspace, SEEDS, notAPlan].flatMap((p) => p.split(/[^A-Za-z]+/)).filter(Boolean), ...planWords];
}

async function look(screen: string): Promise<void> {
  await page.waitForTimeout(300);
  const text = await page.evaluate(() => document.body.innerText);
  for (const hit of englishWords(text, fileWords())) found.push({ ...hit, screen });
  await screenshot(page, `lang-${screen}`);
}

beforeAll(async () => {
  copyCorpus(REAL, evidence, 'real');
  copyCorpus(SEEDS, evidence, 'seeds');
  app = await startApp();
  cli('init', wsDir, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023', '--unit', 'Sở Y tế tỉnh Trà Vinh', '--json');
  cli('folder', 'add', wsDir, evidence, '--office', 'Văn phòng Sở', '--json');
  cli('scan', wsDir, '--no-ocr', '--json');
  docs = cli<DocumentJson[]>('docs', wsDir, '--json');
  // A manual link, a rejection and a supplement request, so reasons and statuses show.
  const [a, b, c] = docs.filter((d) => !d.error);
  if (a) cli('assign', wsDir, a.id, '1.1', '--json');
  if (b) cli('assign', wsDir, b.id, '3.1', '--json');
  if (b) cli('review', wsDir, b.id, '3.1', '--reject', '--note', 'Sai năm', '--json');
  if (c) cli('assign', wsDir, c.id, '6.2', '--json');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the Vietnamese UI speaks Vietnamese', () => {
  it('start screen, and its refusals of bad input', async () => {
    await page.goto(app.url);
    await page.getByTestId('try-sample').waitFor();
    await look('start');
    await page.getByTestId('new-year').fill('20x3');
    await look('start-bad-year');
    await page.getByTestId('new-year').fill('2023');
    await page.getByTestId('new-dir').fill(missingParent);
    await page.getByTestId('create-workspace').click();
    await look('start-missing-parent');
    await page.getByTestId('new-dir').fill(evidence);
    await page.getByTestId('create-workspace').click();
    await look('start-folder-with-evidence');
    await page.getByTestId('open-dir').fill(notAWorkspace);
    await page.getByTestId('open-workspace').click();
    await look('start-open-missing');
    expect(fs.existsSync(path.join(work, 'missing'))).toBe(false);
  }, 120_000);

  it('every screen of an open workspace', async () => {
    const opened = await fetch(`${app.origin}/api/workspace:open`, { method: 'POST', body: JSON.stringify({ dir: wsDir }), headers: { 'X-Kiemchung-Token': app.token } });
    expect(((await opened.json()) as { ok: boolean }).ok).toBe(true);
    await page.goto(app.url);
    await page.getByTestId('summary').waitFor();
    await look('dashboard');
    for (const code of ['1', '1.1', '3.1', '6.2']) {
      await page.goto(`${app.origin}/#/criterion/${code}`);
      await page.getByTestId('criterion-view').waitFor();
      await look(`criterion-${code}`);
    }
    await page.getByTestId('score-points').fill('abc');
    await look('criterion-bad-points');
    for (const filter of ['all', 'unassigned', 'errors', 'scans', 'outsideYear', 'duplicates']) {
      await page.goto(`${app.origin}/#/documents/${filter}`);
      await page.getByTestId('documents-count').waitFor();
      await look(`documents-${filter}`);
    }
    for (const d of docs.filter((x) => x.error).slice(0, 3).concat(docs.filter((x) => !x.error).slice(0, 3))) {
      await page.goto(`${app.origin}/#/documents/all`);
      await page.locator(`[data-testid=document-row][data-doc-id="${d.id}"]`).click();
      await page.getByTestId('document-detail').waitFor();
      await look(`document-${d.id.slice(0, 6)}`);
    }
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('cai cach hanh chinh');
    await look('search');
    await page.getByTestId('search-input').fill('zzzzqqq');
    await look('search-none');
    await page.getByTestId('nav-offices').click();
    await look('offices');
    // Criteria packs and "Nhập từ kế hoạch": a missing file, a file that is not a plan, a plan's preview.
    await page.getByTestId('nav-packs').click();
    await page.getByTestId('packs-screen').waitFor();
    await look('packs');
    await page.getByTestId('plan-file').fill(path.join(work, 'khong-co.pdf'));
    await page.getByTestId('plan-read').click();
    await page.getByTestId('plan-file-error').waitFor();
    await look('packs-plan-missing');
    await page.getByTestId('plan-file').fill(notAPlan);
    await page.getByTestId('plan-read').click();
    await page.getByText('kế hoạch là tệp .pdf hoặc .docx').waitFor();
    await look('packs-plan-not-a-plan');
    const plan = path.join(SEEDS, 'plan-000.pdf');
    const draft = cli<{ section: string | null; pack: { name: string }; rows: { title: string; responsible: string | null; collaborators: string | null; expectedResult: string | null; due: string | null }[] }>('packs', 'import', plan, '--json');
    // The plan's own cells are its authors' words, not the app's.
    planWords.push(...[draft.section, draft.pack.name, ...draft.rows.flatMap((r) => [r.title, r.responsible, r.collaborators, r.expectedResult, r.due])].flatMap((t) => (t ?? '').split(/[^A-Za-z]+/)).filter(Boolean));
    await page.getByTestId('plan-file').fill(plan);
    await page.getByTestId('plan-read').click();
    await page.getByTestId('plan-preview').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=plan-row]').first().getByTestId('plan-due').fill('31/02/2023');
    await look('packs-plan-preview');
    await page.getByTestId('nav-settings').click();
    await look('settings');
    await page.getByTestId('setting-batches').fill('Đợt 1=31/02/2023');
    await look('settings-bad-batches');
    // A year out of range is refused next to its field (not as a page error), and nothing is saved.
    await page.getByTestId('setting-year').fill('1800');
    await page.getByTestId('setting-year-error').waitFor();
    expect(await page.getByTestId('save-settings').isDisabled()).toBe(true);
    await look('settings-bad-year');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-out').fill(path.join(evidence, 'x.zip'));
    await page.getByTestId('export-bundle').click();
    await page.locator('.errors-btn.has-errors').waitFor();
    await look('export-refused');
    await page.locator('.errors-btn').click();
    await look('error-list');
    await page.getByTestId('export-out').fill(path.join(work, 'TLKC.zip'));
    await page.getByTestId('export-bundle').click();
    await page.getByTestId('export-result').waitFor({ timeout: 120_000 });
    await look('export-done');
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history').waitFor();
    await look('history');
    await page.getByTestId('close-workspace').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await look('confirm-close');
    await page.getByTestId('confirm-no').click();
  }, 300_000);

  it('found no English word on any screen', () => {
    const report = found.map((h) => `${h.screen}: '${h.word}' in “${h.context}”`);
    expect(report).toEqual([]);
  });
});
