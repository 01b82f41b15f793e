// Criteria packs in the app, in Chromium against the real engine: a bad pack file shows each
// problem with its row and column and imports nothing; a pack with max points imported in the UI
// and put to use makes the dashboard's "Điểm ước tính" equal `kiemchung status --json`; editing a
// criterion (max points 7,5) is validated at its field, recorded in history and counted at once.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryJson } from '../../shared/api.js';
import type { StatusJson } from '../../shared/types.js';
import { leafCriteria, type CriteriaPack } from '../../shared/pack.js';
import { getPack } from '../../main/engine/packs/library.js';
import { generateDocument } from '../../main/engine/sample/generate-pdfs.js';
import { tempDir } from '../helpers/corpus.js';
import { cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const work = tempDir('e2e-packs');
const wsDir = path.join(work, 'ws');
const evidence = path.join(work, 'evidence');
const goodPack = path.join(work, 'bo-tieu-chi-co-diem.json');
const badPack = path.join(work, 'bo-tieu-chi-loi.csv');
let leaves: string[] = [];

async function api<T>(name: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, { method: 'POST', headers: { 'X-Kiemchung-Token': app.token }, body: JSON.stringify(args) });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value;
}

const vn = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

async function dashboardScore(): Promise<string> {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('score').waitFor();
  return (await page.locator('[data-testid=score] b').textContent()) ?? '';
}

beforeAll(async () => {
  const builtin = await getPack('tra-vinh-so-y-te-2023');
  leaves = leafCriteria(builtin).map((c) => c.code);
  // Every leaf worth 2,5 points; the areas add them up.
  const withPoints: CriteriaPack = {
    ...builtin,
    id: 'tra-vinh-co-diem-2023',
    name: 'Trà Vinh 2023 (có điểm)',
    criteria: builtin.criteria.map((c) => (leaves.includes(c.code) ? { ...c, maxPoints: 2.5 } : c)),
  };
  fs.writeFileSync(goodPack, JSON.stringify(withPoints, null, 2));
  fs.writeFileSync(badPack, 'Mã,Tên tiêu chí,Điểm tối đa\n1,Công tác chỉ đạo,\n1.1,Kế hoạch CCHC,abc\n');
  for (let i = 0; i < 12; i++) {
    const folder = path.join(evidence, `${leaves[i % leaves.length]} Tài liệu`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `TLKC ${i}.pdf`), (await generateDocument(9100 + i, 1)).bytes);
  }
  app = await startApp();
  await api('workspace:create', { dir: wsDir, packId: 'tra-vinh-so-y-te-2023', year: 2023 });
  await api('settings:update', { ocr: false });
  await api('roots:add', { dir: evidence, office: 'Văn phòng Sở' });
  await api('index:scan', {});
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('criteria packs screen', () => {
  it('shows each problem of a bad pack file with its row and column, and imports nothing', async () => {
    await page.goto(`${app.url}#/packs`);
    await page.getByTestId('pack-file').fill(badPack);
    await page.getByTestId('pack-import').click();
    await page.getByTestId('pack-problems').waitFor();
    const problem = page.locator('[data-testid=pack-problem][data-row="3"]');
    expect(await problem.getAttribute('data-column')).toBe('Điểm tối đa');
    // Worded from the catalogue, not the engine's English sentence.
    expect(await problem.textContent()).toContain('«abc» không phải số điểm (số ≥ 0, ví dụ 2 hoặc 1,5)');
    expect(await page.getByTestId('pack-imported').count()).toBe(0);
    await screenshot(page, 'packs-problems');
  });

  it('imports a pack with max points; "Điểm ước tính" equals `kiemchung status --json`', async () => {
    await page.getByTestId('pack-file').fill(goodPack);
    await page.getByTestId('pack-import').click();
    await page.getByTestId('pack-imported').waitFor();
    await page.getByTestId('pack-use').click();
    await page.getByTestId('pack-used').waitFor();
    const status = cli<StatusJson>('status', wsDir, '--json');
    expect(status.pack.id).toBe('tra-vinh-co-diem-2023');
    expect(status.summary.maxPoints).toBeCloseTo(2.5 * leaves.length, 5);
    expect(await dashboardScore()).toBe(`${vn(status.summary.estimatedPoints)} / ${vn(status.summary.maxPoints)}`);
    await screenshot(page, 'packs-dashboard-points');
  }, 60_000);

  it('edits a criterion: 7,5 points, a slot due date; refused in place when wrong; in history; counted at once', async () => {
    const code = leaves[0] ?? '';
    await page.getByTestId('nav-packs').click();
    await page.locator(`[data-testid=pack-criterion][data-code="${code}"] [data-testid=pack-edit]`).click();
    const form = page.locator(`[data-testid=criterion-form][data-code="${code}"]`);
    await form.waitFor();
    await page.getByTestId('cf-max').fill('abc');
    await page.getByTestId('cf-max-error').waitFor();
    expect(await page.getByTestId('cf-save').isDisabled()).toBe(true);
    await page.getByTestId('cf-max').fill('7,5');
    await page.getByTestId('cf-responsible').fill('Phòng Tổ chức cán bộ');
    const due = page.locator('[data-testid=cf-slot]').first().locator('input[placeholder="30/06/2023"]');
    const hasSlot = (await due.count()) > 0;
    if (hasSlot) {
      await due.fill('31/02/2023');
      await form.getByText('Ghi ngày có thật').waitFor();
      expect(await page.getByTestId('cf-save').isDisabled()).toBe(true);
      await due.fill('30/06/2023');
    }
    await page.getByTestId('cf-save').click();
    await page.getByTestId('cf-saved').waitFor();
    await page.locator(`[data-testid=pack-criterion][data-code="${code}"][data-max="7.5"]`).waitFor();
    await screenshot(page, 'packs-edit');

    const status = cli<StatusJson>('status', wsDir, '--json');
    const c = status.criteria.find((x) => x.code === code);
    expect(c?.maxPoints).toBe(7.5);
    expect(c?.responsible).toBe('Phòng Tổ chức cán bộ');
    if (hasSlot) expect(c?.slots[0]?.due).toBe('2023-06-30');
    expect(status.summary.maxPoints).toBeCloseTo(2.5 * (leaves.length - 1) + 7.5, 5);
    const history = cli<HistoryEntryJson[]>('history', wsDir, '--json');
    const edit = history.find((h) => h.action === 'pack-edit' && h.criterionCode === code);
    expect(edit?.detail).toMatchObject({ maxPoints: { before: 2.5, after: 7.5 } });
    expect(history.some((h) => h.action === 'pack-use')).toBe(true);
    expect(await dashboardScore()).toBe(`${vn(status.summary.estimatedPoints)} / ${vn(status.summary.maxPoints)}`);
  }, 60_000);

  it('exports the workspace pack to XLSX', async () => {
    await page.getByTestId('nav-packs').click();
    const out = path.join(work, 'xuat.xlsx');
    await page.getByTestId('pack-export-out').fill(out);
    await page.getByTestId('pack-export').click();
    await page.getByTestId('pack-exported').waitFor();
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    // No screen of this walk threw (an effect's cleanup that is not a function did once).
    expect(pageErrors).toEqual([]);
  });
});
