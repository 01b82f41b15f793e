// Plan → pack from DOCX plans written here with the `docx` library from the same facts as the
// seed plans (the seed PDFs cannot be turned back into DOCX): one table per plan, merged cells
// where consecutive rows share an office, the batch sentence of Quảng Ngãi. With LibreOffice,
// the same DOCX printed to PDF checks the column-layout path (x-bands) of the PDF reader.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackFile } from '../../main/engine/packs/import.js';
import { comparePacks } from '../../main/engine/packs/plan/compare.js';
import { importPlan, saveDraftPack } from '../../main/engine/packs/plan/index.js';
import { listPacks } from '../../main/engine/packs/library.js';
import type { CriteriaPack, Criterion } from '../../shared/pack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FACTS = path.resolve(HERE, '../fixtures/packs-source');

interface PlanSpec {
  facts: string;
  year: number;
  number: string;
  place: string;
  date: string;
  caption: string;
  batches?: string;
}

const PLANS: PlanSpec[] = [
  { facts: 'tra-vinh-so-y-te-2023.csv', year: 2023, number: '78/KH-SYT', place: 'Trà Vinh', date: 'ngày 08 tháng 6 năm 2023', caption: '1. Chỉ số cải cách hành chính (PAR Index)' },
  { facts: 'binh-dinh-so-y-te-2023.csv', year: 2023, number: '15/KH-SYT', place: 'Bình Định', date: 'ngày 15 tháng 6 năm 2023', caption: 'PHỤ LỤC' },
  { facts: 'dong-nai-so-y-te-2023.csv', year: 2023, number: '311/KH-SYT', place: 'Đồng Nai', date: 'ngày 19 tháng 01 năm 2023', caption: 'PHỤ LỤC' },
  {
    facts: 'quang-ngai-so-y-te-2021.csv',
    year: 2021,
    number: '2609/KH-SYT',
    place: 'Quảng Ngãi',
    date: 'ngày 04 tháng 10 năm 2021',
    caption: 'I. Đối với Chỉ số cải cách hành chính (PAR INDEX):',
    batches: 'Gửi tài liệu kiểm chứng đợt 01 trước ngày 30/6/2021, đợt 02 trước ngày 30/9/2021, đợt 03 trước ngày 15/11/2021.',
  },
  { facts: 'tra-cu-ubnd-huyen-2023.csv', year: 2023, number: '120/KH-UBND', place: 'Trà Cú', date: 'ngày 20 tháng 6 năm 2023', caption: '2.1. Chỉ số cải cách hành chính (PAR Index):' },
];

const HEAD = ['STT', 'Tiêu chí', 'Chủ trì', 'Phối hợp', 'Kết quả', 'Thời hạn'];

function cellsOf(c: Criterion): string[] {
  const due = c.dueText ?? (c.due !== null ? c.due.split('-').reverse().join('/') : '');
  return [c.code, c.title, c.responsible ?? '', c.collaborators ?? '', c.expectedResult ?? '', due];
}

function para(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold })] });
}

/** One table of the pack; with `merge`, an office printed once for consecutive rows (rowspan). */
function planDocx(spec: PlanSpec, pack: CriteriaPack, merge: boolean): Document {
  const rows = pack.criteria.map(cellsOf);
  const span = (r: number, col: number): number => {
    if (!merge || col !== 2 || rows[r]?.[col] === '') return 1;
    let n = 1;
    while (rows[r + n]?.[col] === rows[r]?.[col] && rows[r + n]?.[3] === rows[r]?.[3]) n++;
    return n;
  };
  const covered = new Set<string>();
  const tableRows = [new TableRow({ tableHeader: true, children: HEAD.map((h) => new TableCell({ children: [para(h, true)] })) })];
  rows.forEach((cells, r) => {
    const children: TableCell[] = [];
    cells.forEach((text, col) => {
      if (covered.has(`${r}:${col}`)) return;
      const n = span(r, col);
      for (let k = 1; k < n; k++) covered.add(`${r + k}:${col}`);
      children.push(new TableCell({ rowSpan: n, children: text.split('\n').map((t) => para(t)) }));
    });
    tableRows.push(new TableRow({ children }));
  });
  return new Document({
    sections: [
      {
        children: [
          para(`Số: ${spec.number}`),
          para(`${spec.place}, ${spec.date}`),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
          para('Thực hiện công tác cải cách hành chính'),
          ...(spec.batches ? [para(spec.batches)] : []),
          para(spec.caption, true),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows }),
        ],
      },
    ],
  });
}

let dir = '';
const prevHome = process.env.KIEMCHUNG_HOME;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiemchung-packs-plan-docx-'));
  process.env.KIEMCHUNG_HOME = path.join(dir, 'home');
});
afterAll(() => {
  if (prevHome === undefined) delete process.env.KIEMCHUNG_HOME;
  else process.env.KIEMCHUNG_HOME = prevHome;
  rmSync(dir, { recursive: true, force: true });
});

async function write(spec: PlanSpec, merge: boolean): Promise<{ file: string; facts: CriteriaPack }> {
  const facts = await importPackFile(path.join(FACTS, spec.facts), { year: spec.year });
  const file = path.join(dir, `${path.basename(spec.facts, '.csv')}${merge ? '-merged' : ''}.docx`);
  writeFileSync(file, await Packer.toBuffer(planDocx(spec, facts, merge)));
  return { file, facts };
}

describe('DOCX plans → draft packs', () => {
  for (const spec of PLANS) {
    it(`${spec.facts}: every row and cell as in the facts (merged office cells spread over their rows)`, async () => {
      const { file, facts } = await write(spec, true);
      const draft = await importPlan(file);
      const cmp = comparePacks(draft.pack, facts);
      console.log(`${path.basename(file)}: ${draft.pack.criteria.length} rows; cells same ${cmp.counts.same}, close ${cmp.counts.close}, differ ${cmp.counts.differs}; unsure ${draft.unsure.length}`);
      expect(draft.layout).toBe('table');
      expect(cmp.missing).toEqual([]);
      expect(cmp.extra).toEqual([]);
      expect(cmp.cells.filter((c) => c.agreement !== 'same')).toEqual([]);
      expect(draft.pack.criteria.map((c) => c.evidence.map((s) => s.label))).toEqual(facts.criteria.map((c) => c.evidence.map((s) => s.label)));
      expect(draft.facts).toMatchObject({ number: spec.number, place: spec.place, year: spec.year });
    });
  }

  it('Quảng Ngãi: the batch sentence becomes three batches with their dates', async () => {
    const spec = PLANS[3];
    if (!spec) throw new Error('no plan');
    const { file } = await write(spec, false);
    const draft = await importPlan(file);
    expect(draft.batches.map((b) => [b.name, b.due, b.yearInferred])).toEqual([
      ['Đợt 1', '2021-06-30', false],
      ['Đợt 2', '2021-09-30', false],
      ['Đợt 3', '2021-11-15', false],
    ]);
  });

  it('saves the draft into the pack library under its own id', async () => {
    const spec = PLANS[0];
    if (!spec) throw new Error('no plan');
    const { file } = await write(spec, false);
    const draft = await importPlan(file);
    const saved = await saveDraftPack(draft);
    expect(existsSync(saved.file)).toBe(true);
    const listed = (await listPacks()).find((p) => p.id === draft.pack.id);
    expect(listed).toMatchObject({ id: 'tra-vinh-78-kh-syt-2023', builtin: false, criteria: 17 });
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(soffice === undefined)('the same DOCX printed to PDF by LibreOffice: rows rebuilt from the column x-bands', async () => {
    for (const spec of [PLANS[0], PLANS[1]]) {
      if (!spec || !soffice) continue;
      const { file, facts } = await write(spec, false);
      // A profile of its own, so a LibreOffice run elsewhere on the machine does not collide.
      execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 180_000,
      });
      const pdf = file.replace(/\.docx$/, '.pdf');
      const draft = await importPlan(pdf);
      const cmp = comparePacks(draft.pack, facts);
      console.log(`${path.basename(pdf)}: ${draft.pack.criteria.length} rows; cells same ${cmp.counts.same}, close ${cmp.counts.close}, differ ${cmp.counts.differs}`);
      expect(draft.layout).toBe('table');
      expect(cmp.missing).toEqual([]);
      expect(cmp.extra).toEqual([]);
      expect(cmp.counts.same / cmp.cells.length).toBeGreaterThanOrEqual(0.95);
    }
  }, 400_000);
});
