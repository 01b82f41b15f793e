// Plan → pack from the five seed plans (PDFs with a text layer, test/fixtures/corpus/seeds),
// compared cell by cell with the facts in test/fixtures/packs-source. The seed PDFs print their
// tables without column layout (LibreOffice exports of converted documents), so the rows are
// rebuilt from the text; the agreement per cell is printed and held above a floor.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importPackFile } from '../../main/engine/packs/import.js';
import { comparePacks, type PackComparison } from '../../main/engine/packs/plan/compare.js';
import { draftPackFromPlan, importPlan } from '../../main/engine/packs/plan/index.js';
import type { PlanDraft } from '../../shared/plan-draft.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../fixtures/corpus/seeds');
const FACTS = path.resolve(HERE, '../fixtures/packs-source');
const BIN = path.resolve(HERE, '../../bin/kiemchung.js');

interface Case {
  plan: string;
  facts: string;
  year: number;
  layout: PlanDraft['layout'];
  /** Least share of cells that must read the same or nearly (close) as the facts. */
  agreeing: number;
  /** Least share that must read exactly the same. */
  same: number;
}

const CASES: Case[] = [
  { plan: 'plan-000.pdf', facts: 'tra-vinh-so-y-te-2023.csv', year: 2023, layout: 'flowed-table', agreeing: 0.95, same: 0.85 },
  { plan: 'plan-004.pdf', facts: 'binh-dinh-so-y-te-2023.csv', year: 2023, layout: 'flowed-table', agreeing: 0.9, same: 0.85 },
  { plan: 'plan-002.pdf', facts: 'dong-nai-so-y-te-2023.csv', year: 2023, layout: 'flowed-table', agreeing: 0.9, same: 0.85 },
  { plan: 'plan-001.pdf', facts: 'quang-ngai-so-y-te-2021.csv', year: 2021, layout: 'prose', agreeing: 0.9, same: 0.9 },
  { plan: 'plan-003.pdf', facts: 'tra-cu-ubnd-huyen-2023.csv', year: 2023, layout: 'prose', agreeing: 1, same: 1 },
];

function report(name: string, draft: PlanDraft, cmp: PackComparison): void {
  const total = cmp.cells.length;
  const pct = (n: number): string => `${((100 * n) / Math.max(1, total)).toFixed(0)}%`;
  const byField = new Map<string, string>();
  for (const c of cmp.cells) {
    if (c.agreement !== 'same') byField.set(c.field, `${byField.get(c.field) ?? ''}${c.agreement === 'close' ? '~' : '✗'}${c.code} `);
  }
  console.log(
    `${name}: ${draft.pack.criteria.length} rows (${cmp.common.length} in the facts, extra ${cmp.extra.length}, missing ${cmp.missing.length}); ` +
      `cells same ${cmp.counts.same} (${pct(cmp.counts.same)}), close ${cmp.counts.close}, differ ${cmp.counts.differs}; ` +
      `unsure ${draft.unsure.length}\n${[...byField].map(([f, s]) => `    ${f}: ${s}`).join('\n')}`,
  );
}

describe('seed plans (PDF) → draft packs', () => {
  for (const c of CASES) {
    it(`${c.plan} gives the rows of ${c.facts}`, async () => {
      const draft = await importPlan(path.join(SEEDS, c.plan));
      const facts = await importPackFile(path.join(FACTS, c.facts), { year: c.year });
      const cmp = comparePacks(draft.pack, facts);
      report(c.plan, draft, cmp);
      expect(draft.layout).toBe(c.layout);
      expect(draft.facts.year).toBe(c.year);
      // The rows are the facts' rows: same codes, same tree.
      expect(cmp.missing).toEqual([]);
      expect(cmp.extra).toEqual([]);
      expect(draft.pack.criteria.map((k) => [k.code, k.parent])).toEqual(facts.criteria.map((k) => [k.code, k.parent]));
      const total = cmp.cells.length;
      expect((cmp.counts.same + cmp.counts.close) / total).toBeGreaterThanOrEqual(c.agreeing);
      expect(cmp.counts.same / total).toBeGreaterThanOrEqual(c.same);
      // Every unsure cell points at a row of the draft.
      const codes = new Set(draft.pack.criteria.map((k) => k.code));
      for (const u of draft.unsure) expect(codes.has(u.code), `${u.code} ${u.field}`).toBe(true);
    });
  }

  it('Trà Vinh: only the PAR Index table of three; 2.1 numbered and merged office cells shared, each said', async () => {
    const draft = await importPlan(path.join(SEEDS, 'plan-000.pdf'));
    expect(draft.section).toBe('1. Chỉ số cải cách hành chính (PAR Index)');
    expect(draft.skippedSections).toHaveLength(2);
    expect(draft.facts).toMatchObject({ number: '78/KH-SYT', place: 'Trà Vinh', date: '2023-06-08', issuer: 'Sở Y tế' });
    expect(draft.pack.id).toBe('tra-vinh-78-kh-syt-2023');
    const why = (code: string, field: string): string[] => draft.unsure.filter((u) => u.code === code && u.field === field).map((u) => u.reason);
    expect(why('2.1', 'code')).toEqual(['code-inferred']);
    expect(why('6.1', 'responsible')).toEqual(['merged-cell']);
    expect(draft.pack.criteria.find((k) => k.code === '6.1')?.responsible).toBe('Phòng TCCB HC, Bộ phận Một cửa');
  });

  it('Bình Định: the PAR section of the appendix, offices cut by page breaks joined again', async () => {
    const draft = await importPlan(path.join(SEEDS, 'plan-004.pdf'));
    expect(draft.section).toMatch(/^IV\. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH \(PAR INDEX\)/);
    const get = (code: string) => draft.pack.criteria.find((k) => k.code === code);
    expect(get('1.7.2')?.collaborators).toBe('Các Phòng, Văn phòng, Thanh tra Sở và các đơn vị trực thuộc Sở');
    expect(get('3.2')?.responsible).toBe('Phòng Nghiệp vụ Y, Nghiệp vụ Dược Sở, Chi cục An toàn VSTP, Trung tâm Giám định y khoa');
    expect(get('1.3')?.due).toBe('2023-11-30');
    // 2.4 has two sub-rows (plan, then report): one criterion with both offices and a KH and a BC slot.
    expect(get('2.4')?.responsible).toBe('Phòng Tổ chức cán bộ Sở; Thanh tra Sở');
    expect(get('2.4')?.evidence.map((s) => s.types)).toEqual([['KH'], ['BC']]);
    expect(draft.unsure.some((u) => u.code === '3.2' && u.reason === 'continued-across-page')).toBe(true);
  });

  it('Quảng Ngãi: tasks in prose with their offices, and the three batches the plan sets', async () => {
    const { draft, batches, unsure } = await draftPackFromPlan(path.join(SEEDS, 'plan-001.pdf'));
    expect(draft.section).toBe('I. Đối với Chỉ số cải cách hành chính (PAR INDEX):');
    expect(batches.map((b) => [b.number, b.due, b.yearInferred])).toEqual([
      [1, '2021-06-30', true],
      [2, '2021-09-30', true],
      [3, '2021-11-15', true],
    ]);
    expect(draft.pack.criteria.find((k) => k.code === '1')?.responsible).toBe('Phòng Tổ chức - Cán bộ');
    expect(unsure).toBe(draft.unsure);
  });

  it('Trà Cú: one criterion per office (a–e), its tasks as sub-criteria', async () => {
    const draft = await importPlan(path.join(SEEDS, 'plan-003.pdf'));
    const top = draft.pack.criteria.filter((k) => k.parent === null).map((k) => k.responsible);
    expect(top).toEqual(['Phòng Nội vụ', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện', 'Phòng Văn hóa và Thông tin', 'Phòng Tài chính - Kế hoạch', 'Phòng Tư pháp']);
    expect(draft.pack.criteria.filter((k) => k.parent === '2')).toHaveLength(5);
    expect(draft.facts.issuer).toBe('Ủy ban nhân dân huyện Trà Cú');
  });
});

describe('built-in packs', () => {
  it('kiemchung packs list shows the five seed units', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'kiemchung-packs-plan-home-'));
    try {
      // dist/ is built by the test global setup; the CLI reads the committed builtin/*.json.
      const r = spawnSync(process.execPath, [BIN, 'packs', 'list', '--json'], { encoding: 'utf8', env: { ...process.env, KIEMCHUNG_HOME: home }, timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout) as { id: string; builtin: boolean; year: number | null; level: string | null }[];
      expect(list.filter((p) => p.builtin).map((p) => [p.id, p.year, p.level])).toEqual([
        ['binh-dinh-so-y-te-2023', 2023, 'so'],
        ['dong-nai-so-y-te-2023', 2023, 'so'],
        ['quang-ngai-so-y-te-2021', 2021, 'so'],
        ['tra-cu-ubnd-huyen-2023', 2023, 'huyen'],
        ['tra-vinh-so-y-te-2023', 2023, 'so'],
      ]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
