// The count beside a criterion's evidence slot is the documents that satisfy the slot, not the
// documents linked to it: a criterion whose only linked document a reviewer rejected reads
// "0/1 tài liệu hợp lệ (đã liên kết 1)" beside ✗, never "1/1". Real seed plans on the Trà Vinh
// pack, in Chromium against the real engine; the numbers equal `kiemchung criterion --json`.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionStatusJson } from '../../shared/types.js';
import { SEEDS, tempDir } from '../helpers/corpus.js';
import { apiCall, type App, cli, openAppPage, scannedWorkspace, startApp } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const work = tempDir('e2e-slots');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');

const slotsOf = (code: string): CriterionStatusJson['slots'] => cli<{ status: CriterionStatusJson }>('criterion', wsDir, code, '--json').status.slots;

beforeAll(async () => {
  // 78/KH-SYT of 08/06/2023 under 1.1, 311/KH-SYT of 19/01/2023 under 2.1: both in the year 2023.
  fs.mkdirSync(path.join(evidence, '1.1'), { recursive: true });
  fs.mkdirSync(path.join(evidence, '2.1'), { recursive: true });
  fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, '1.1', 'KH 78.pdf'));
  fs.copyFileSync(path.join(SEEDS, 'plan-002.pdf'), path.join(evidence, '2.1', 'KH 311.pdf'));
  app = await startApp();
  scannedWorkspace(wsDir, evidence);
  ({ browser, page } = await openAppPage(app, wsDir, pageErrors));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('criterion slot counts', () => {
  it('a slot whose only document was rejected reads 0/1 valid beside ✗, with the linked count apart', async () => {
    const [doc] = slotsOf('2.1')[0]?.documents ?? [];
    if (!doc) throw new Error('KH 311.pdf is not linked to 2.1');
    await apiCall(app, 'review:decide', { doc, code: '2.1', decision: 'rejected', note: null });
    const slots = slotsOf('2.1');
    expect(slots.map((s) => [s.satisfied, s.valid, s.documents.length, s.minCount])).toEqual([[false, 0, 1, 1]]);

    await page.goto(`${app.origin}/#/criterion/2.1`);
    const slot = page.locator('[data-testid="slot"][data-satisfied="false"]');
    await slot.waitFor();
    expect(await page.getByTestId('slot').count()).toBe(1);
    expect((await slot.innerText()).trim()).toMatch(/^✗ .* 0\/1 tài liệu hợp lệ \(đã liên kết 1\)$/);
    expect(await slot.getByTestId('slot-count').getAttribute('title')).toMatch(/^Số tài liệu đáp ứng yêu cầu này/);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a slot its document satisfies reads 1/1 valid beside ✓, without a linked count', async () => {
    expect(slotsOf('1.1').map((s) => [s.satisfied, s.valid, s.documents.length])).toEqual([[true, 1, 1]]);
    await page.goto(`${app.origin}/#/criterion/1.1`);
    const slot = page.locator('[data-testid="slot"][data-satisfied="true"]');
    await slot.waitFor();
    expect((await slot.innerText()).trim()).toMatch(/^✓ .* 1\/1 tài liệu hợp lệ$/);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
