// The appraisal round trip in Chromium against the real engine (issue 15): the unit exports đợt 1
// from the export screen → the appraiser opens it on the appraisal screen, scores, rejects one
// document, asks for a supplement on two criteria and exports the decisions → the unit imports
// them and the dashboard shows self vs appraised score and both open requests → new evidence is
// linked and the supplement is exported, chosen from the submissions → the appraiser opens it onto
// the same folder and sees the requests answered. Every zip verifies; no English in Vietnamese.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson, StatusJson } from '../../shared/types.js';
import type { BundleManifest } from '../../main/engine/bundle/types.js';
import { REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';
import { englishWords } from '../helpers/english-words.js';
import { apiCall, cli, launchBrowser, screenshot, startApp, type App } from './harness.js';
import { execFileSync } from 'node:child_process';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e-appraisal');
const evidence = path.join(work, 'evidence');
const wsDir = path.join(work, 'ws');
const aws = path.join(work, 'tham-dinh');
const out = path.join(work, 'out');
const dot1 = path.join(out, 'dot1.zip');
const supplement = path.join(out, 'bosung.zip');
const decisions = path.join(out, 'ket-qua.json');
const pageErrors: string[] = [];

/** Links a file to exactly one criterion (the classifier's other links removed by hand). */
async function linkOnly(file: string, code: string): Promise<void> {
  const doc = await apiCall<DocumentJson>(app, 'review:assign', { doc: file, code });
  for (const c of doc.criteria) if (c.code !== code) await apiCall(app, 'review:unassign', { doc: file, code: c.code });
}

const row = (code: string) => page.locator(`[data-testid="appraisal-row"][data-code="${code}"]`);

async function noEnglish(screen: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  const own = [work, wsDir, 'classify', 'dot1', 'bosung', 'ket', 'qua', 'json', 'xlsx', 'zip', 'pdf'].flatMap((p) => p.split(/[^A-Za-z]+/)).filter(Boolean);
  expect(englishWords(text, own), screen).toEqual([]);
}

beforeAll(async () => {
  fs.mkdirSync(evidence);
  fs.mkdirSync(out);
  fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'KH 78.pdf'));
  fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(evidence, 'KH khac phuc.pdf'));
  fs.copyFileSync(path.join(SEEDS, 'plan-004.pdf'), path.join(evidence, 'tuyen truyen.pdf'));
  app = await startApp();
  cli('init', wsDir, '--pack', path.join(REPO_ROOT, 'test', 'fixtures', 'packs', 'classify-2023.csv'), '--year', '2023', '--unit', 'Sở Y tế tỉnh Trà Vinh', '--json');
  cli('folder', 'add', wsDir, evidence, '--json');
  cli('settings', wsDir, 'ocr', 'false', '--json');
  cli('scan', wsDir, '--no-ocr', '--json');
  await apiCall(app, 'workspace:open', { dir: wsDir });
  await linkOnly(path.join(evidence, 'KH 78.pdf'), '1.1');
  await linkOnly(path.join(evidence, 'KH khac phuc.pdf'), '1.2');
  await linkOnly(path.join(evidence, 'tuyen truyen.pdf'), '1.3');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('appraisal round trip in the app', () => {
  it('đợt 1 → appraisal → decisions → dashboard → supplement → answered', async () => {
    // Unit: export đợt 1.
    await page.goto(`${app.url.split('?')[0]}#/export`);
    await page.getByTestId('export-out').fill(dot1);
    await page.getByTestId('export-bundle').click();
    await page.locator('[data-testid="export-result"][data-ok="true"]').waitFor({ timeout: 120_000 });

    // Appraiser: open it, score 1.1 with a decimal comma, reject the document of 1.2, two requests.
    await page.getByTestId('nav-appraisal').click();
    await page.getByTestId('appraisal-bundle').fill(dot1);
    await page.getByTestId('appraisal-dir').fill(aws);
    await page.getByTestId('appraisal-open').click();
    await page.locator('[data-testid="appraisal-summary"][data-rounds="1"]').waitFor();
    await row('1.1').getByTestId('appraise-points').fill('1,5');
    await row('1.1').getByTestId('appraise-score').click();
    await page.locator('[data-testid="appraisal-row"][data-code="1.1"][data-appraised="1.5"]').waitFor();
    await row('1.2').getByTestId('appraise-reject').first().click();
    await row('1.2').locator('[data-testid="appraisal-doc"][data-decision="rejected"]').waitFor();
    for (const [code, note] of [
      ['1.2', 'Bổ sung kế hoạch khắc phục hạn chế'],
      ['1.3', 'Bổ sung báo cáo kết quả tuyên truyền'],
    ] as const) {
      await row(code).getByTestId('request-note').fill(note);
      await row(code).getByTestId('request-due').fill('15/01/2024');
      await row(code).getByTestId('request-add').click();
      await row(code).locator('[data-testid="appraisal-request"][data-status="open"]').waitFor();
    }
    // A score over the maximum is refused in Vietnamese, naming the maximum.
    await row('1.3').getByTestId('appraise-points').fill('3');
    await row('1.3').getByTestId('appraise-score').click();
    await page.getByTestId('appraisal-error').waitFor();
    expect(await page.getByTestId('appraisal-error').textContent()).toContain('vượt quá điểm tối đa 2');
    await noEnglish('appraisal');
    await screenshot(page, 'appraisal-01-scored');
    await page.getByTestId('appraisal-out').fill(decisions);
    await page.getByTestId('appraisal-export').click();
    await page.getByTestId('appraisal-message').getByText('ket-qua.xlsx').waitFor();
    expect(fs.existsSync(decisions)).toBe(true);

    // Unit: import the decisions; the dashboard shows self vs appraised score and the open requests.
    await page.getByTestId('decisions-file').fill(decisions);
    await page.getByTestId('decisions-import').click();
    await page.getByTestId('appraisal-message').getByText('2 yêu cầu chưa trả lời').waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.locator('[data-testid="appraisal-tile"][data-open-requests="2"][data-appraised="1.5"]').waitFor();
    for (const code of ['1.2', '1.3']) await page.locator(`[data-testid="criterion-row"][data-code="${code}"][data-requests="1"]`).waitFor();
    await page.locator('[data-testid="criterion-row"][data-code="1.1"][data-appraised="1.5"]').waitFor();
    const status = cli<StatusJson>('status', wsDir, '--json');
    expect(status.summary).toMatchObject({ appraisedScore: 1.5, openRequests: 2 });
    await noEnglish('dashboard');
    await screenshot(page, 'appraisal-02-dashboard');

    // Unit: the criterion screen shows the appraisal: appraised vs self-score, the decision per
    // document, the open request with its note and deadline; the rejected document no longer counts.
    await page.goto(`${app.url.split('?')[0]}#/criterion/1.1`);
    const appr11 = page.locator('[data-testid="criterion-appraisal"][data-appraised="1.5"]');
    await appr11.waitFor();
    expect(await appr11.getByTestId('criterion-appraisal-scores').innerText()).toMatch(/Điểm thẩm định: 1,5 \/ Điểm tối đa \d/);
    await page.goto(`${app.url.split('?')[0]}#/criterion/1.2`);
    const appr12 = page.locator('[data-testid="criterion-appraisal"][data-requests="1"]');
    await appr12.waitFor();
    const doc12 = appr12.locator('[data-testid="criterion-appraised-doc"][data-decision="rejected"]');
    expect(await doc12.innerText()).toMatch(/^1\.2\/1\.2_01_.*: Không đạt$/);
    const req12 = appr12.locator('[data-testid="criterion-request"][data-kind="supplement"][data-due="2024-01-15"]');
    expect(await req12.innerText()).toMatch(/^Bổ sung tài liệu: Bổ sung kế hoạch khắc phục hạn chế · hạn 15\/01\/2024 · .* · Lần 1$/);
    expect(await page.locator('ul.problems').innerText()).toContain('KH khac phuc.pdf: Sở Nội vụ thẩm định không chấp nhận');
    expect(await page.locator('[data-testid="slot"][data-satisfied="true"]').count()).toBe(0);
    await noEnglish('criterion');
    await screenshot(page, 'appraisal-02b-criterion');

    // Unit: new evidence for the two requests, then the supplement chosen from the submissions.
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(evidence, 'KH khac phuc bo sung.pdf'));
    fs.copyFileSync(path.join(SEEDS, 'plan-003.pdf'), path.join(evidence, 'BC tuyen truyen.pdf'));
    await apiCall(app, 'index:scan', { ocr: false });
    await linkOnly(path.join(evidence, 'KH khac phuc bo sung.pdf'), '1.2');
    await linkOnly(path.join(evidence, 'BC tuyen truyen.pdf'), '1.3');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-out').fill(supplement);
    await page.getByTestId('export-since-submission').selectOption('1');
    await page.getByTestId('export-bundle').click();
    await page.locator('[data-testid="export-result"][data-ok="true"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('export-answers').textContent()).toContain('2');
    const m = JSON.parse(execFileSync('unzip', ['-p', supplement, 'manifest.json'], { encoding: 'utf8' })) as BundleManifest;
    expect(m.criteria.flatMap((c) => c.evidence.map((e) => [c.code, e.sourceRelPath, e.answers?.length]))).toEqual([
      ['1.2', 'KH khac phuc bo sung.pdf', 1],
      ['1.3', 'BC tuyen truyen.pdf', 1],
    ]);

    // Appraiser: the supplement onto the same folder; both requests answered.
    await page.getByTestId('nav-appraisal').click();
    await page.getByTestId('appraisal-bundle').fill(supplement);
    await page.getByTestId('appraisal-open').click();
    await page.locator('[data-testid="appraisal-summary"][data-rounds="2"][data-answered="2"][data-open="0"]').waitFor();
    expect(await page.locator('[data-testid="appraisal-request"][data-status="answered"]').count()).toBe(2);
    await screenshot(page, 'appraisal-03-answered');
    for (const zip of [dot1, supplement]) expect(cli<{ ok: boolean }>('verify', zip, '--json').ok).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
