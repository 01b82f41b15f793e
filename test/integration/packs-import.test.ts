// Real files (fixtures, the packs-source CSVs, CSV/XLSX/JSON written to temp folders) through
// importPackFile. Every bad file must report exact rows and columns and import nothing.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES, buildBuiltinPacks, builtinPackJson } from '../../main/engine/packs/build-builtin.js';
import { builtinPackDir } from '../../main/engine/packs/builtin.js';
import { importPackFile, importPackFileWithWarnings, PackImportError, type PackProblem } from '../../main/engine/packs/import.js';
import { savePack } from '../../main/engine/packs/library.js';
import { validatePack, type CriteriaPack } from '../../shared/pack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '../fixtures/packs');
const PACKS_SOURCE = path.resolve(HERE, '../fixtures/packs-source');

let dir: string;
const savedHome = process.env.KIEMCHUNG_HOME;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiemchung-packs-import-'));
  process.env.KIEMCHUNG_HOME = path.join(dir, 'home');
});

afterAll(() => {
  if (savedHome === undefined) delete process.env.KIEMCHUNG_HOME;
  else process.env.KIEMCHUNG_HOME = savedHome;
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The problems as the CLI prints them (row, column, English sentence); kinds are checked apart. */
async function problemsOf(file: string): Promise<Pick<PackProblem, 'row' | 'column' | 'message'>[]> {
  return (await factsOf(file)).map(({ row, column, message }) => ({ row, column, message }));
}

async function factsOf(file: string): Promise<PackProblem[]> {
  try {
    await importPackFile(file);
  } catch (e) {
    if (e instanceof PackImportError) return e.problems;
    throw e;
  }
  throw new Error(`${file} imported without problems`);
}

/** What the CLI does: import, then save. A failed import must leave the library untouched. */
async function importAndSave(file: string): Promise<void> {
  const pack = await importPackFile(file);
  await savePack(pack);
}

function libraryFiles(): string[] {
  try {
    return readdirSync(path.join(dir, 'home', 'packs'));
  } catch {
    return [];
  }
}

async function writeXlsx(name: string, rows: ExcelJS.CellValue[][], build?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  build?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('packs-source CSVs', () => {
  it('import cleanly and match the committed built-in packs byte for byte', async () => {
    const built = await buildBuiltinPacks(PACKS_SOURCE);
    expect(built.map((b) => path.basename(b.sourceFile)).sort()).toEqual(Object.keys(BUILTIN_SOURCES).sort());
    for (const b of built) {
      const committed = readFileSync(path.join(builtinPackDir(), `${b.pack.id}.json`), 'utf8');
      expect(builtinPackJson(b.pack), `${b.pack.id}.json is stale: run npx tsx scripts/build-builtin-packs.ts`).toBe(committed);
      expect(validatePack(b.pack).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('Bình Định: repairs the unquoted commas of row 8 and reads criterion 2.4 with KH and BC slots', async () => {
    const { pack, warnings } = await importPackFileWithWarnings(path.join(PACKS_SOURCE, 'binh-dinh-so-y-te-2023.csv'), { year: 2023 });
    expect(warnings).toEqual([{ row: 8, column: null, kind: 'delimiter-in-brackets', params: { delimiter: ',' }, message: "',' inside brackets was not quoted; read as part of the value" }]);
    const c = pack.criteria.find((k) => k.code === '2.4');
    expect(c?.dueText).toBe('Quý I (kế hoạch); hàng quý (báo cáo)');
    expect(c?.responsible).toBe('Phòng Tổ chức cán bộ Sở; Thanh tra Sở');
    expect(c?.evidence.map((s) => [s.types, s.due])).toEqual([
      [['KH'], '2023-03-31'],
      [['BC'], null],
    ]);
    expect(pack.criteria.find((k) => k.code === '1.7.2')?.parent).toBe('1');
    expect(pack.criteria.find((k) => k.code === '5.1.1')?.parent).toBe('5');
    expect(pack.criteria.find((k) => k.code === '1.3')?.due).toBe('2023-11-30');
    expect(pack.criteria.every((k) => k.maxPoints === null && k.scoringRule === null)).toBe(true);
    // 7.10 sorts after 7.7.
    expect(pack.criteria.map((k) => k.code).slice(-2)).toEqual(['7.7', '7.10']);
  });
});

describe('CSV', () => {
  it('reads a BOM, semicolons, Vietnamese headers, comma decimals, multi-line cells and dd/mm/yyyy', async () => {
    const pack = await importPackFile(path.join(FIXTURES, 'good-vi.csv'));
    expect(pack.id).toBe('good-vi');
    expect(pack.name).toBe('good-vi');
    expect(pack.criteria.map((c) => c.code)).toEqual(['1', '1.1', '1.3', '1.7', '1.7.2', '1.9', '1.10']);
    const c11 = pack.criteria[1];
    expect(c11).toMatchObject({
      code: '1.1',
      parent: '1',
      maxPoints: 1.5,
      responsible: 'Văn phòng Sở',
      collaborators: 'Các phòng chuyên môn',
      due: '2023-01-31',
      dueText: null,
      scoringRule: 'Ban hành đúng hạn: 1,5 điểm\nBan hành chậm: 0,5 điểm',
      keywords: ['ke hoach cai cach hanh chinh', 'cchc'],
    });
    expect(c11?.evidence.map((s) => [s.id, s.types, s.label, s.minCount, s.due])).toEqual([
      ['1.1#1', ['KH'], 'Kế hoạch CCHC năm 2023', 1, null],
      ['1.1#2', ['BC'], 'Báo cáo kết quả thực hiện CCHC', 4, '2023-12-15'],
    ]);
    expect(pack.criteria.find((c) => c.code === '1.3')?.evidence.map((s) => s.types)).toEqual([['KH'], []]);
    expect(pack.criteria.find((c) => c.code === '1.7.2')).toMatchObject({ parent: '1.7', due: '2023-11-30' });
    expect(pack.criteria.find((c) => c.code === '1.10')?.maxPoints).toBe(0.25);
    expect(pack.criteria.find((c) => c.code === '1.9')?.evidence[0]?.types).toEqual([]);
  });

  it('reads English headers with commas and takes the pack id, name and year from options', async () => {
    const pack = await importPackFile(path.join(FIXTURES, 'good-en.csv'), {
      id: 'dong-nai-huyen-2024',
      name: 'Huyện X – 2024',
      year: 2024,
      level: 'huyen',
      province: 'Đồng Nai',
    });
    expect(pack).toMatchObject({ id: 'dong-nai-huyen-2024', name: 'Huyện X – 2024', year: 2024, level: 'huyen', province: 'Đồng Nai' });
    expect(pack.criteria.find((c) => c.code === '2.1')?.evidence[0]).toMatchObject({ types: ['HD', 'BC'], label: 'Review report' });
    expect(pack.criteria.find((c) => c.code === '2.2')?.evidence.map((s) => s.types)).toEqual([['KH'], ['TB']]);
  });

  it('takes the year from the file name', async () => {
    const file = write('Trà Vinh sở 2023.csv', 'Mã,Tên tiêu chí\n1,Công tác chỉ đạo điều hành\n');
    const pack = await importPackFile(file);
    expect(pack).toMatchObject({ id: 'tra-vinh-so-2023', name: 'Trà Vinh sở 2023', year: 2023 });
  });

  it('finds the header below title rows and keeps spreadsheet row numbers', async () => {
    const file = write(
      'titled.csv',
      'BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023,,\n\nMã,Tên tiêu chí,Điểm tối đa\n1,Chỉ đạo điều hành,2\n1.1,Kế hoạch,abc\n',
    );
    expect(await problemsOf(file)).toEqual([{ row: 5, column: 'Điểm tối đa', message: "'abc' is not a number of points ≥ 0" }]);
  });

  it('reports every bad row at once, with row and column as in the file, and saves nothing', async () => {
    const file = path.join(FIXTURES, 'bad-rows.csv');
    let error: unknown;
    try {
      await importAndSave(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackImportError);
    const problems = (error as PackImportError).problems;
    // The facts the app words in Vietnamese, one per problem.
    expect(problems.map((p) => p.kind)).toEqual([
      'points-invalid',
      'code-invalid',
      'code-duplicate-row',
      'slot-type-unknown',
      'date-invalid',
      'code-empty',
      'title-empty',
      'parent-unknown',
      'parent-not-ancestor',
    ]);
    expect(problems[2]?.params).toEqual({ value: '1.1', other: 3 });
    expect(problems.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 4, column: 'Điểm tối đa', message: "'1,5,2' is not a number of points ≥ 0" },
      { row: 5, column: 'Mã', message: "'1.x' is not a criterion code like 1, 1.3 or 1.7.2" },
      { row: 6, column: 'Mã', message: "code '1.1' already appears in row 3" },
      {
        row: 7,
        column: 'Tài liệu kiểm chứng',
        message: "'XY' is not a known document type code (KH, BC, QĐ, TB, HD, CTr, QC, QyĐ, ĐA, CV, …)",
      },
      { row: 8, column: 'Thời hạn', message: "'31/02/2023' is not a real date like 30/11/2023" },
      { row: 9, column: 'Mã', message: 'the code is empty (every row needs a code such as 1, 1.3 or 1.7.2)' },
      { row: 10, column: 'Tên tiêu chí', message: 'the title is empty' },
      { row: 11, column: 'Thuộc tiêu chí', message: "parent '9' of '9.1' is not a code in this file" },
      {
        row: 12,
        column: 'Thuộc tiêu chí',
        message: "'1' cannot be the parent of '2.1': a parent's code starts its children's codes (1.7 of 1.7.2)",
      },
    ]);
    expect((error as PackImportError).message).toBe(`Cannot import criteria pack '${file}': 9 problems; nothing was imported`);
    expect((error as PackImportError).report()).toContain("row 4, column 'Điểm tối đa': '1,5,2' is not a number of points ≥ 0");
    expect(libraryFiles()).toEqual([]);
  });

  it('names a missing required column and what the header has', async () => {
    const file = write('missing.csv', 'Mã;Ghi chú\n1;x\n');
    expect(await problemsOf(file)).toEqual([
      { row: 1, column: null, message: "missing required column 'Tên tiêu chí' (or 'title'); the header row has: 'Mã', 'Ghi chú'" },
    ]);
  });

  it('refuses two columns that mean the same', async () => {
    const file = write('twice.csv', 'code,title,Mã\n1,x,1\n');
    expect(await problemsOf(file)).toEqual([{ row: 1, column: 'Mã', message: "column 'Mã' means the same as column 'code'" }]);
  });

  it('reports an unquoted delimiter that splits a row', async () => {
    const file = write('split.csv', 'code,title,responsible\n1,Chỉ đạo,Văn phòng, Thanh tra\n');
    expect(await problemsOf(file)).toEqual([
      { row: 2, column: null, message: "the row has 4 values but the header has 3 columns (a ',' inside a value needs quotes around the value)" },
    ]);
  });

  it('refuses empty files, header-only files, non-UTF-8 text and broken quoting', async () => {
    expect(await problemsOf(write('empty.csv', ''))).toEqual([{ row: null, column: null, message: 'the file is empty' }]);
    expect(await problemsOf(write('header-only.csv', '\uFEFFMã;Tên tiêu chí\n'))).toEqual([
      { row: null, column: null, message: 'the file has no criteria (no rows with a code and a title)' },
    ]);
    // "Kế hoạch" in Windows-1258 is not valid UTF-8.
    const latin = Buffer.concat([Buffer.from('code,title\n1,K'), Buffer.from([0xea, 0x20]), Buffer.from('hoach\n')]);
    expect((await problemsOf(write('cp1258.csv', latin)))[0]?.message).toMatch(/not UTF-8 text/);
    const quotes = await problemsOf(write('quotes.csv', 'code,title\n1,"unclosed\n'));
    expect(quotes[0]?.message).toMatch(/^not readable as CSV/);
  });

  it('reads UTF-16 CSV (Excel "Unicode text", tab-separated)', async () => {
    const text = 'Mã\tTên tiêu chí\n1\tCông tác chỉ đạo\n1.1\tKế hoạch CCHC\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const pack = await importPackFile(write('unicode.csv', bytes));
    expect(pack.criteria.map((c) => [c.code, c.title, c.parent])).toEqual([
      ['1', 'Công tác chỉ đạo', null],
      ['1.1', 'Kế hoạch CCHC', '1'],
    ]);
  });
});

describe('file types', () => {
  it('refuses unknown extensions, old .xls files and missing files', async () => {
    expect(await problemsOf(write('pack.txt', 'code,title\n1,x\n'))).toEqual([
      { row: null, column: null, message: "unknown file type '.txt': a criteria pack is a .json, .csv or .xlsx file" },
    ]);
    expect((await problemsOf(write('old.xls', 'x')))[0]?.message).toMatch(/\.xls.*save as \.xlsx/);
    expect(await problemsOf(path.join(dir, 'nope.csv'))).toEqual([{ row: null, column: null, message: 'no such file' }]);
  });
});

describe('XLSX', () => {
  it('reads the first sheet: numbers, dates, rich text and formula results', async () => {
    const file = await writeXlsx(
      'bo-tieu-chi-2023.xlsx',
      [
        ['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Tài liệu kiểm chứng', 'Thời hạn', 'Phòng chủ trì'],
        [1, 'Công tác chỉ đạo điều hành', { formula: '1+1', result: 2 }, null, null, null],
        ['1.1', { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'CCHC' }] }, 1.5, 'KH: Kế hoạch CCHC năm', new Date(Date.UTC(2023, 0, 31)), 'Văn phòng'],
        ['1.2', 'Tuyên truyền', '0,5', 'Tin bài', 'Thường xuyên', null],
      ],
      (wb) => {
        const other = wb.addWorksheet('Ghi chú');
        other.addRow(['Mã', 'Tên tiêu chí']);
        other.addRow(['9', 'should not be read']);
      },
    );
    const pack = await importPackFile(file);
    expect(pack).toMatchObject({ id: 'bo-tieu-chi-2023', year: 2023 });
    expect(pack.criteria.map((c) => [c.code, c.title, c.maxPoints, c.due, c.dueText])).toEqual([
      ['1', 'Công tác chỉ đạo điều hành', 2, null, null],
      ['1.1', 'Kế hoạch CCHC', 1.5, '2023-01-31', null],
      ['1.2', 'Tuyên truyền', 0.5, null, 'Thường xuyên'],
    ]);
    expect(pack.criteria[1]?.evidence[0]).toMatchObject({ id: '1.1#1', types: ['KH'], label: 'Kế hoạch CCHC năm' });
  });

  it('reports bad rows with their sheet row numbers and explains codes Excel turned into numbers', async () => {
    const file = await writeXlsx('bad.xlsx', [
      ['Bộ tiêu chí năm 2023'],
      [],
      ['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Tài liệu kiểm chứng'],
      [1, 'Chỉ đạo điều hành', 10, null],
      [1.1, 'Tiêu chí 1.1', 'một', null],
      [1.1, 'Tiêu chí 1.10 (Excel made it 1.1)', 1, 'ZZZ: x'],
      ['1.2', 'Tiêu chí 1.2', -2, null],
    ]);
    const problems = await problemsOf(file);
    expect(problems).toEqual([
      { row: 5, column: 'Điểm tối đa', message: "'một' is not a number of points ≥ 0" },
      {
        row: 6,
        column: 'Tài liệu kiểm chứng',
        message: "'ZZZ' is not a known document type code (KH, BC, QĐ, TB, HD, CTr, QC, QyĐ, ĐA, CV, …)",
      },
      {
        row: 6,
        column: 'Mã',
        message:
          "code '1.1' already appears in row 5 (Excel stores codes typed as numbers, so 1.10 becomes 1.1: format the column as Text and type the codes again)",
      },
      { row: 7, column: 'Điểm tối đa', message: "'-2' is not a number of points ≥ 0" },
    ]);
  });

  it('refuses a file that is not a workbook, and an empty sheet', async () => {
    expect((await problemsOf(write('fake.xlsx', 'code,title\n1,x\n')))[0]?.message).toMatch(/^not a readable \.xlsx workbook/);
    const empty = await writeXlsx('empty.xlsx', []);
    expect(await problemsOf(empty)).toEqual([{ row: null, column: null, message: "the file is empty (sheet 'Sheet1' has no rows)" }]);
  });
});

describe('JSON', () => {
  const full = (): CriteriaPack => ({
    format: 'kiemchung-pack',
    version: 1,
    id: 'json-pack',
    name: 'JSON pack',
    province: 'Trà Vinh',
    level: 'xa',
    year: 2025,
    unit: 'UBND xã A',
    source: 'Quyết định số 1/QĐ-UBND',
    criteria: [
      {
        code: '1',
        title: 'Chỉ đạo',
        parent: null,
        maxPoints: 2,
        responsible: null,
        collaborators: null,
        due: null,
        dueText: null,
        scoringRule: null,
        expectedResult: null,
        keywords: ['chi dao'],
        evidence: [],
      },
      {
        code: '1.1',
        title: 'Kế hoạch',
        parent: '1',
        maxPoints: 2,
        responsible: 'Văn phòng',
        collaborators: null,
        due: '2025-01-31',
        dueText: null,
        scoringRule: 'Đủ: 2 điểm',
        expectedResult: 'Kế hoạch CCHC',
        keywords: ['ke hoach'],
        evidence: [{ id: '1.1#1', label: 'Kế hoạch CCHC', types: ['KH'], keywords: ['cchc'], minCount: 1, due: null }],
      },
    ],
  });

  it('reads a full pack unchanged', async () => {
    const p = full();
    expect(await importPackFile(write('full.json', JSON.stringify(p)))).toEqual(p);
  });

  it('completes a hand-written pack: id from the file name, parents, slot ids, keywords', async () => {
    const file = write(
      'xa-a-2025.json',
      JSON.stringify({ criteria: [{ code: 1, title: 'Chỉ đạo' }, { code: '1.1', title: 'Tuyên truyền CCHC', evidence: [{ label: 'Kế hoạch', types: ['kh'] }] }] }),
    );
    const pack = await importPackFile(file);
    expect(pack).toMatchObject({ id: 'xa-a-2025', name: 'xa-a-2025', year: 2025 });
    expect(pack.criteria[1]).toMatchObject({ code: '1.1', parent: '1', keywords: ['tuyen truyen', 'cchc', 'cai cach hanh chinh'] });
    expect(pack.criteria[1]?.evidence[0]).toEqual({ id: '1.1#1', label: 'Kế hoạch', types: ['KH'], keywords: [], minCount: 1, due: null });
  });

  it('reports every bad field with its JSON path', async () => {
    const bad = { criteria: [{ code: '1', title: 'A', maxPoints: '1,5' }, { code: '1.1' }, { code: '1.2', title: 'B', parent: '7' }] };
    expect(await problemsOf(write('bad.json', JSON.stringify(bad)))).toEqual([
      { row: null, column: 'criteria[0].maxPoints', message: '"1,5": Invalid input: expected number, received string' },
      { row: null, column: 'criteria[1].title', message: 'missing: Invalid input: expected string, received undefined' },
      { row: null, column: 'criteria[2].parent', message: "parent '7' of '1.2' is not a code in this file" },
    ]);
    const badRefs = { criteria: [{ code: '1', title: 'A' }, { code: '1', title: 'B' }, { code: '1.2', title: 'C', parent: '7', evidence: [{ label: 'x', types: ['XY'] }] }] };
    expect(await problemsOf(write('bad-refs.json', JSON.stringify(badRefs)))).toEqual([
      { row: null, column: 'criteria[2].evidence[0].types', message: "'XY' is not a known document type code (KH, BC, QĐ, TB, HD, CTr, QC, QyĐ, ĐA, CV, …)" },
      { row: null, column: 'criteria[1].code', message: "code '1' already appears in criteria[0]" },
      { row: null, column: 'criteria[2].parent', message: "parent '7' of '1.2' is not a code in this file" },
    ]);
  });

  it('refuses invalid JSON, another format and a newer version', async () => {
    expect((await problemsOf(write('broken.json', '{"criteria": [')))[0]?.message).toMatch(/^not valid JSON/);
    expect(await problemsOf(write('other.json', JSON.stringify({ format: 'kiemchung-bundle', criteria: [] })))).toEqual([
      { row: null, column: 'format', message: '"kiemchung-bundle" is not a criteria pack (expected "kiemchung-pack")' },
    ]);
    expect((await problemsOf(write('newer.json', JSON.stringify({ ...full(), version: 2 }))))[0]?.message).toMatch(/newer KiemChung/);
    expect(await problemsOf(write('bad-id.json', JSON.stringify({ ...full(), id: 'Not A Slug' })))).toEqual([
      { row: null, column: null, message: "pack id 'Not A Slug' is not a lower-case slug like 'tra-vinh-so-y-te-2023' (letters a-z, digits, '-')" },
    ]);
  });
});
