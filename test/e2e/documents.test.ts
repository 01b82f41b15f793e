// The documents table a clerk works in, in Chromium against the real engine: office and review
// columns (two SCAN_0002.pdf from two offices told apart), filters whose membership and counts
// come from the engine's facets, sorting, a text filter without diacritics, keyboard navigation,
// and linking several documents to a criterion at once (recorded in history).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryJson } from '../../shared/api.js';
import type { DocumentJson } from '../../shared/types.js';
import { DOCUMENT_FACETS } from '../../shared/types.js';
import { generateDocument } from '../../main/engine/sample/generate-pdfs.js';
import { tempDir } from '../helpers/corpus.js';
import { cli, launchBrowser, screenshot, startApp, type App } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
const work = tempDir('e2e-docs');
const wsDir = path.join(work, 'ws');
const vp = path.join(work, 'van-phong');
const tccb = path.join(work, 'to-chuc');

async function api<T>(name: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, { method: 'POST', headers: { 'X-Kiemchung-Token': app.token }, body: JSON.stringify(args) });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value;
}

async function put(file: string, seed: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, (await generateDocument(seed, 1)).bytes);
}

const visibleIds = (p: Page): Promise<string[]> => p.$$eval('[data-testid=document-row]', (rows) => rows.map((r) => r.getAttribute('data-doc-id') ?? ''));

beforeAll(async () => {
  await put(path.join(vp, 'SCAN_0002.pdf'), 8101);
  await put(path.join(vp, 'Chưa phân loại', 'Báo cáo tổng hợp.pdf'), 8102);
  await put(path.join(vp, 'Chưa phân loại', 'Kế hoạch năm.pdf'), 8103);
  fs.copyFileSync(path.join(vp, 'SCAN_0002.pdf'), path.join(vp, 'Chưa phân loại', 'Bản sao.pdf'));
  await put(path.join(tccb, 'SCAN_0002.pdf'), 8104);
  await put(path.join(tccb, 'Quyết định.pdf'), 8105);
  fs.writeFileSync(path.join(tccb, 'hong.pdf'), 'not a pdf at all');
  app = await startApp();
  await api('workspace:create', { dir: wsDir, packId: 'tra-vinh-so-y-te-2023', year: 2023 });
  await api('settings:update', { ocr: false });
  await api('roots:add', { dir: vp, office: 'Văn phòng Sở' });
  await api('roots:add', { dir: tccb, office: 'Phòng Tổ chức cán bộ' });
  await api('index:scan', {});
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('documents table', () => {
  it('tells two files of the same name apart by office; filters and counts are the engine facets', async () => {
    const docs = await api<DocumentJson[]>('docs:list', {});
    const scans = docs.filter((d) => d.relPath === 'SCAN_0002.pdf');
    expect(scans.map((d) => d.office).sort()).toEqual(['Phòng Tổ chức cán bộ', 'Văn phòng Sở']);
    // One definition of "duplicate" (query/duplicates.ts) and of the assessment year.
    for (const d of docs) expect(d.facets.includes('duplicates')).toBe(d.duplicates.length > 0);
    expect(docs.filter((d) => d.facets.includes('errors')).map((d) => d.relPath)).toEqual(['hong.pdf']);

    await page.goto(`${app.url}#/documents`);
    await page.locator(`[data-testid=documents-count][data-count="${docs.length}"]`).waitFor();
    for (const d of scans) {
      expect(await page.locator(`[data-testid=document-row][data-doc-id="${d.id}"] [data-testid=document-office]`).textContent()).toBe(d.office);
    }
    for (const f of DOCUMENT_FACETS) {
      const n = docs.filter((d) => d.facets.includes(f)).length;
      expect(await page.getByTestId(`filter-${f}`).getAttribute('data-count')).toBe(String(n));
      await page.getByTestId(`filter-${f}`).click();
      await page.locator(`[data-testid=documents-count][data-count="${n}"]`).waitFor();
    }
    await page.getByTestId('filter-all').click();
    await screenshot(page, 'documents-offices');
  }, 60_000);

  it('sorts by office and by date, and filters by text without diacritics', async () => {
    const docs = await api<DocumentJson[]>('docs:list', {});
    await page.getByTestId('documents-filter').fill('phong to chuc');
    await page.locator(`[data-testid=documents-count][data-count="${docs.filter((d) => d.office === 'Phòng Tổ chức cán bộ').length}"]`).waitFor();
    await page.getByTestId('documents-filter').fill('');
    await page.getByTestId('sort-office').click();
    const offices = await page.$$eval('[data-testid=document-office]', (els) => els.map((e) => e.textContent ?? ''));
    expect(offices[0]).toBe('Phòng Tổ chức cán bộ');
    expect(offices[offices.length - 1]).toBe('Văn phòng Sở');
    await page.getByTestId('sort-date').click();
    const byId = new Map(docs.map((d) => [d.id, d]));
    const dates = (await visibleIds(page)).map((id) => byId.get(id)?.date).filter((d): d is string => typeof d === 'string');
    expect(dates).toEqual([...dates].sort());
    await page.getByTestId('sort-date').click(); // descending
    const down = (await visibleIds(page)).map((id) => byId.get(id)?.date).filter((d): d is string => typeof d === 'string');
    expect(down).toEqual([...down].sort().reverse());
  });

  it('moves by keyboard, opens with Enter, and links several documents at once (in history)', async () => {
    await page.getByTestId('sort-file').click();
    const ids = await visibleIds(page);
    await page.getByTestId('documents-scroll').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-testid=document-row][data-cursor=true]').getAttribute('data-doc-id')).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=document-detail][data-doc-id="${ids[1]}"]`).waitFor();
    await page.keyboard.press('Escape');

    const rows = page.getByTestId('document-row');
    await rows.nth(0).click({ modifiers: ['Control'] });
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await page.locator('[data-testid=picked-count][data-count="3"]').waitFor();
    const picked = ids.slice(0, 3);
    const option = await page.locator('[data-testid=assign-code] option').nth(1).getAttribute('value');
    if (!option) throw new Error('no criterion to link to');
    await page.getByTestId('assign-code').selectOption(option);
    await page.getByTestId('assign-many').click();
    await page.getByTestId('assign-bar').waitFor({ state: 'detached' });
    const after = await api<DocumentJson[]>('docs:list', {});
    for (const id of picked) expect(after.find((d) => d.id === id)?.criteria.some((c) => c.code === option && c.source === 'manual')).toBe(true);
    const history = cli<HistoryEntryJson[]>('history', wsDir, '--json');
    expect(history.filter((h) => h.action === 'assign' && h.criterionCode === option).length).toBeGreaterThanOrEqual(3);

    await page.getByTestId('documents-scroll').focus();
    await page.keyboard.press('Control+a');
    await page.locator(`[data-testid=picked-count][data-count="${after.length}"]`).waitFor();
    await screenshot(page, 'documents-multi-select');
  }, 60_000);

  it('the nav badge and the status bar show docs:counts (the counts alone, not the queue rows); the unit fits the header at 1366 px', async () => {
    const counts = await api<{ total: number; unreadable: number; unassigned: number; queue: number }>('docs:counts', {});
    const docs = await api<DocumentJson[]>('docs:list', {});
    const queue = await api<{ items: unknown[] }>('docs:queue', {});
    expect(counts.total).toBe(docs.length);
    expect(counts.unreadable).toBe(docs.filter((d) => d.error).length);
    expect(counts.unassigned).toBe(docs.filter((d) => d.criteria.length === 0).length);
    expect(counts.queue).toBe(queue.items.length);
    // The badge comes from the small call: the shell never asks for the queue's rows.
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await api('settings:update', { unit: 'Ủy ban nhân dân huyện Phù Cát' });
    await page.goto(`${app.url}#/dashboard`);
    const bar = page.getByTestId('doc-counts');
    await bar.waitFor();
    expect(await bar.getAttribute('data-total')).toBe(String(counts.total));
    expect(await bar.getAttribute('data-unreadable')).toBe(String(counts.unreadable));
    expect(await bar.textContent()).toContain(`${counts.total} tài liệu`);
    if (counts.queue > 0) await page.getByTestId('confirm-waiting').filter({ hasText: String(counts.queue) }).waitFor();
    expect(asked).toContain('/api/docs:counts');
    expect(asked).not.toContain('/api/docs:queue');
    expect(asked).not.toContain('/api/status:get');
    // 1366 px: the unit's name is whole (not cut with an ellipsis) and the navigation needs no scrolling.
    const fit = await page.evaluate(() => {
      const unit = document.querySelector<HTMLElement>('[data-testid=unit-name]');
      const nav = document.querySelector<HTMLElement>('.top nav');
      return { unit: unit?.textContent, unitCut: unit ? unit.scrollWidth > unit.clientWidth : true, navCut: nav ? nav.scrollWidth > nav.clientWidth : true, page: document.documentElement.scrollWidth };
    });
    expect(fit).toEqual({ unit: 'Ủy ban nhân dân huyện Phù Cát', unitCut: false, navCut: false, page: 1366 });
  }, 60_000);
});
