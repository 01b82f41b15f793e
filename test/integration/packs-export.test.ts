// exportPackXlsx writes a real workbook (read back with exceljs) that importPackFile turns into
// the same pack.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack, builtinPackList } from '../../main/engine/packs/builtin.js';
import { PackError } from '../../main/engine/packs/errors.js';
import { CRITERIA_SHEET_NAME, exportPackXlsx } from '../../main/engine/packs/export-xlsx.js';
import { importPackFile } from '../../main/engine/packs/import.js';
import type { CriteriaPack } from '../../shared/pack.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiemchung-packs-export-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const EDITED: CriteriaPack = {
  format: 'kiemchung-pack',
  version: 1,
  id: 'dong-nai-huyen-2024',
  name: 'UBND huyện X – Bộ chỉ số CCHC 2024',
  province: 'Đồng Nai',
  level: 'huyen',
  year: 2024,
  unit: 'UBND huyện X',
  source: 'Quyết định số 12/QĐ-UBND ngày 05/01/2024',
  criteria: [
    {
      code: '1',
      title: 'Công tác chỉ đạo điều hành CCHC',
      parent: null,
      maxPoints: 10.5,
      responsible: null,
      collaborators: null,
      due: null,
      dueText: null,
      scoringRule: null,
      expectedResult: null,
      keywords: ['chi dao', 'dieu hanh'],
      evidence: [],
    },
    {
      code: '1.10',
      title: 'Tiêu chí 1.10; có dấu chấm phẩy',
      parent: '1',
      maxPoints: 0.25,
      responsible: 'Phòng Nội vụ',
      collaborators: 'Văn phòng HĐND và UBND; các xã',
      due: '2024-11-15',
      dueText: 'Trước ngày 15/11/2024',
      scoringRule: 'Đủ: 0,25 điểm\nThiếu: 0 điểm',
      expectedResult: 'Kế hoạch; Báo cáo',
      keywords: ['tieu chi muoi'],
      evidence: [
        { id: '1.10#1', label: 'Kế hoạch tuyên truyền CCHC năm', types: ['KH'], keywords: ['tuyen truyen', 'cchc', 'cai cach hanh chinh'], minCount: 1, due: '2024-03-31' },
        { id: '1.10#2', label: 'Báo cáo quý', types: ['BC', 'TB'], keywords: ['quy'], minCount: 4, due: null },
        { id: '1.10#3', label: 'Kế hoạch hoặc văn bản khác', types: [], keywords: [], minCount: 0, due: null },
        { id: '1.10#4', label: 'Tin bài; ảnh "hội nghị" (2 tin)', types: [], keywords: ['tin bai'], minCount: 2, due: null },
      ],
    },
    {
      code: '1.9',
      title: 'Tiêu chí 1.9',
      parent: '1',
      maxPoints: 3,
      responsible: null,
      collaborators: null,
      due: '2024-06-30',
      dueText: 'Quý II',
      scoringRule: null,
      expectedResult: null,
      keywords: ['tieu chi chin'],
      evidence: [],
    },
  ],
};

describe('exportPackXlsx', () => {
  it('round-trips every built-in pack through importPackFile', async () => {
    const builtins = await builtinPackList();
    expect(builtins.length).toBeGreaterThanOrEqual(2);
    for (const p of builtins) {
      const file = path.join(dir, `${p.id}.xlsx`);
      await exportPackXlsx(p, file);
      expect(await importPackFile(file)).toEqual(p);
    }
  });

  it('round-trips a pack with points, settings, two dates, several types and odd characters', async () => {
    const file = path.join(dir, 'edited.xlsx');
    await exportPackXlsx(EDITED, file);
    const back = await importPackFile(file);
    // Criteria come back in code order (1.9 before 1.10).
    expect(back.criteria.map((c) => c.code)).toEqual(['1', '1.9', '1.10']);
    const expected = structuredClone(EDITED);
    expected.criteria = [expected.criteria[0], expected.criteria[2], expected.criteria[1]].filter((c) => c !== undefined);
    // "Quý II" does not carry the date 30/06/2024: the export appends it so it survives.
    const c19 = expected.criteria[1];
    if (c19) c19.dueText = 'Quý II (30/06/2024)';
    expect(back).toEqual(expected);
  });

  it('writes Vietnamese headers in bold, a frozen header row, text codes and sensible widths', async () => {
    const p = await builtinPack('binh-dinh-so-y-te-2023');
    if (!p) throw new Error('built-in pack missing');
    const file = path.join(dir, 'look.xlsx');
    await exportPackXlsx(p, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe(CRITERIA_SHEET_NAME);
    const header = ws.getRow(1);
    const names = (header.values as ExcelJS.CellValue[]).slice(1);
    expect(names.slice(0, 9)).toEqual([
      'Mã',
      'Tên tiêu chí',
      'Điểm tối đa',
      'Tài liệu kiểm chứng',
      'Từ khóa',
      'Phòng chủ trì',
      'Phòng phối hợp',
      'Thời hạn',
      'Cách chấm điểm',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(40);
    // 7.10 stays text, after 7.7.
    const codes = ws.getColumn(1).values.slice(2);
    expect(codes.slice(-2)).toEqual(['7.7', '7.10']);
    expect(ws.getRow(2).getCell(1).value).toBe('1');
    const info = wb.getWorksheet('Thông tin');
    expect(info?.getRow(2).values).toEqual([undefined, 'Mã bộ tiêu chí', 'binh-dinh-so-y-te-2023']);
  });

  it('leaves no temporary file behind, replaces an existing file, and refuses a missing folder', async () => {
    const sub = mkdtempSync(path.join(dir, 'out-'));
    const file = path.join(sub, 'pack.xlsx');
    await exportPackXlsx(EDITED, file);
    await exportPackXlsx(EDITED, file);
    expect(readdirSync(sub)).toEqual(['pack.xlsx']);
    await expect(exportPackXlsx(EDITED, path.join(dir, 'no-such-folder', 'x.xlsx'))).rejects.toThrow(PackError);
  });
});
