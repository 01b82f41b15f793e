// Plan → pack in the app, in Chromium against the real engine: the Bình Định seed plan read into a
// preview (rows and cells as test/fixtures/packs-source states them, unsure cells highlighted),
// a cell edited and a row removed, saved as a pack that the library lists and a workspace uses
// with the edit. Errors of the file field are worded in Vietnamese next to it; the save call's
// arguments are validated field by field.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaPack } from '../../shared/pack.js';
import type { StatusJson } from '../../shared/types.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import { generateDocument } from '../../main/engine/sample/generate-pdfs.js';
import { PACKS_SOURCE, SEEDS, tempDir } from '../helpers/corpus.js';
import { apiCall, cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const work = tempDir('e2e-packs-plan');
const wsDir = path.join(work, 'ws');
const plan = path.join(SEEDS, 'plan-004.pdf');
let facts: CriteriaPack;

async function rawCall(name: string, args: unknown): Promise<{ ok: boolean; error?: { kind: string; params: { field?: string } } }> {
  const res = await fetch(`${app.origin}/api/${name}`, { method: 'POST', headers: { 'X-Kiemchung-Token': app.token }, body: JSON.stringify(args) });
  return (await res.json()) as { ok: boolean; error?: { kind: string; params: { field?: string } } };
}

const row = (code: string) => page.locator(`[data-testid=plan-row][data-code="${code}"]`);

beforeAll(async () => {
  facts = await importPackFile(path.join(PACKS_SOURCE, 'binh-dinh-so-y-te-2023.csv'), { year: 2023 });
  fs.writeFileSync(path.join(work, 'ghi-chu.txt'), 'không phải kế hoạch');
  // A Vietnamese document with a text layer and no criteria or task table.
  fs.writeFileSync(path.join(work, 'cong-van.pdf'), (await generateDocument(9200, 1)).bytes);
  app = await startApp();
  await apiCall(app, 'workspace:create', { dir: wsDir, packId: 'tra-vinh-so-y-te-2023', year: 2023 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('import from a plan', () => {
  it('says in Vietnamese, next to the field, when the file is missing or not a plan', async () => {
    await page.goto(`${app.url}#/packs`);
    await page.getByTestId('plan-file').fill(path.join(work, 'khong-co.pdf'));
    await page.getByTestId('plan-read').click();
    await page.getByTestId('plan-file-error').waitFor();
    expect(await page.getByTestId('plan-file-error').textContent()).toContain('Không có tệp này');
    await page.getByTestId('plan-file').fill(path.join(work, 'ghi-chu.txt'));
    await page.getByTestId('plan-read').click();
    await page.getByText('kế hoạch là tệp .pdf hoặc .docx').waitFor();
    await page.getByTestId('plan-file').fill(path.join(work, 'cong-van.pdf'));
    await page.getByTestId('plan-read').click();
    await page.getByText('Không tìm thấy bảng tiêu chí hay bảng nhiệm vụ').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('plan-file-error').textContent()).toContain('Không tìm thấy bảng tiêu chí');
    expect(await page.getByTestId('plan-preview').count()).toBe(0);
  });

  it('previews the Bình Định plan: the facts’ rows and cells, unsure cells highlighted', async () => {
    await page.getByTestId('plan-file').fill(plan);
    await page.getByTestId('plan-read').click();
    await page.getByTestId('plan-preview').waitFor({ timeout: 60_000 });
    const codes = await page.locator('[data-testid=plan-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toEqual(facts.criteria.map((c) => c.code));
    const c13 = facts.criteria.find((c) => c.code === '1.3');
    expect(await row('1.3').getByTestId('plan-responsible').inputValue()).toBe(c13?.responsible);
    expect(c13?.due).toBe('2023-11-30');
    expect(await row('1.3').getByTestId('plan-due').inputValue()).toBe('30/11/2023');
    const c16 = facts.criteria.find((c) => c.code === '1.6');
    expect(await row('1.6').getByTestId('plan-title').inputValue()).toBe(c16?.title);
    expect(await row('1.6').getByTestId('plan-deadline').textContent()).toBe('Thường xuyên');
    // The draft marks some cells unsure (pages joined, merged rows): each is highlighted with its reason.
    const draft = await apiCall<{ unsure: { code: string; field: string }[] }>(app, 'packs:importPlan', { file: plan });
    expect(draft.unsure.length).toBeGreaterThan(0);
    expect(await page.locator('td.unsure').count()).toBeGreaterThan(0);
    const first = draft.unsure.find((u) => u.field === 'collaborators' || u.field === 'responsible');
    expect(first).toBeDefined();
    if (first) expect(await row(first.code).locator(`td.unsure:has([data-testid=plan-${first.field}])`).count()).toBe(1);
    expect(await page.getByTestId('plan-batches').textContent()).toBe('Kế hoạch không nêu đợt gửi tài liệu.');
    await screenshot(page, '09-packs-plan');
  }, 90_000);

  it('edits cells, refuses a wrong date in place, removes a row, saves; the library lists the pack and it is used with the edit', async () => {
    await row('1.3').getByTestId('plan-max').fill('7,5');
    await row('1.6').getByTestId('plan-title').fill('Thực hiện nhiệm vụ UBND tỉnh giao (đã sửa)');
    await row('1.3').getByTestId('plan-due').fill('31/02/2023');
    await row('1.3').getByTestId('plan-due-error').waitFor();
    expect(await page.getByTestId('plan-save').isDisabled()).toBe(true);
    await row('1.3').getByTestId('plan-due').fill('15/11/2023');
    const removed = facts.criteria[facts.criteria.length - 1]?.code ?? '';
    await row(removed).getByTestId('plan-remove').click();
    expect(await page.locator('[data-testid=plan-row]').count()).toBe(facts.criteria.length - 1);
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-saved').waitFor();
    const id = (await page.getByTestId('plan-saved').getAttribute('data-pack-id')) ?? '';
    const listed = page.locator(`[data-testid=library-pack][data-pack-id="${id}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain(`${facts.criteria.length - 1} tiêu chí`);
    await listed.getByTestId('library-use').click();
    await page.getByTestId('library-used').waitFor();
    await page.locator('[data-testid=pack-criterion][data-code="1.3"][data-max="7.5"]').waitFor();
    expect(await page.locator('[data-testid=pack-criterion][data-code="1.6"]').textContent()).toContain('(đã sửa)');
    expect(await page.locator(`[data-testid=pack-criterion][data-code="${removed}"]`).count()).toBe(0);
    const status = cli<StatusJson>('status', wsDir, '--json');
    expect(status.pack.id).toBe(id);
    const c13 = status.criteria.find((c) => c.code === '1.3');
    expect(c13?.maxPoints).toBe(7.5);
    expect(c13?.slots.every((s) => s.due === '2023-11-15')).toBe(true);
    expect(status.criteria.some((c) => c.code === removed)).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the batches a prose plan states (Quảng Ngãi) and the saved pack carries them', async () => {
    await page.getByTestId('plan-file').fill(path.join(SEEDS, 'plan-001.pdf'));
    await page.getByTestId('plan-read').click();
    await page.locator('[data-testid=plan-preview][data-rows="5"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('plan-batches').textContent()).toBe(
      'Các đợt gửi tài liệu kế hoạch nêu: Đợt 1 trước ngày 30/06 hàng năm; Đợt 2 trước ngày 30/09 hàng năm; Đợt 3 trước ngày 15/11 hàng năm',
    );
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-saved').waitFor();
    const id = (await page.getByTestId('plan-saved').getAttribute('data-pack-id')) ?? '';
    const saved = await apiCall<CriteriaPack>(app, 'packs:show', { id });
    expect(saved.batches?.map((b) => [b.label, b.due, b.yearly])).toEqual([
      ['Đợt 1', '2021-06-30', true],
      ['Đợt 2', '2021-09-30', true],
      ['Đợt 3', '2021-11-15', true],
    ]);
    expect(saved.criteria.length).toBe(5);
  }, 90_000);

  it('packs:saveDraft refuses bad rows with the field at fault', async () => {
    const pack = { id: 'ke-hoach-thu', name: 'Kế hoạch thử', year: 2023, level: null, unit: null, source: null };
    const good = { code: '1.1', parent: null, title: 'Kế hoạch CCHC', responsible: null, collaborators: null, expectedResult: 'Kế hoạch CCHC năm 2023', deadline: null, due: '2023-06-30', maxPoints: 2 };
    const cases: [Record<string, unknown>, string][] = [
      [{ due: '2023-02-31' }, 'rows.0.due'],
      [{ due: '30/06/2023' }, 'rows.0.due'],
      [{ maxPoints: -1 }, 'rows.0.maxPoints'],
      [{ title: '  ' }, 'rows.0.title'],
      [{ extra: 1 }, 'rows.0'],
    ];
    for (const [patch, field] of cases) {
      const r = await rawCall('packs:saveDraft', { pack, rows: [{ ...good, ...patch }] });
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      expect(r.error?.kind).toBe('invalid-argument');
      expect(r.error?.params.field).toBe(field);
    }
    const noRows = await rawCall('packs:saveDraft', { pack, rows: [] });
    expect(noRows.error?.params.field).toBe('rows');
    const badId = await rawCall('packs:saveDraft', { pack: { ...pack, id: 'Kế hoạch' }, rows: [good] });
    expect(badId.error?.params.field).toBe('pack.id');
    // The same row, valid, is saved.
    const saved = await apiCall<{ id: string; criteria: number }>(app, 'packs:saveDraft', { pack, rows: [good] });
    expect(saved).toMatchObject({ id: 'ke-hoach-thu' });
    const shown = await apiCall<CriteriaPack>(app, 'packs:show', { id: 'ke-hoach-thu' });
    expect(shown.criteria.find((c) => c.code === '1.1')?.maxPoints).toBe(2);
  });
});
