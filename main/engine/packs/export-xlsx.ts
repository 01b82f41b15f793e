// A pack as an .xlsx workbook the secretariat can edit in Excel and import again: the criteria on
// the first sheet under the Vietnamese headers of CONTRACTS.md §5, the pack's facts on a second
// sheet. Written to a temporary file next to the target, then renamed into place.

import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { codeAncestors, sortCriteria, type CriteriaPack, type Criterion, type PackLevel } from '../../../shared/pack.js';
import { replaceAtomically } from './atomic-write.js';
import { COLUMN_SPECS, type ColumnField } from './columns.js';
import { isoToDmy, parseDeadline } from './derive.js';
import { PackError } from './errors.js';
import { formatEvidenceCell } from './evidence-cell.js';
import { INFO_KEYS, INFO_SHEET_NAME, packBatchesText } from './read-xlsx.js';

export const CRITERIA_SHEET_NAME = 'Bộ tiêu chí';

const WIDTHS: Record<ColumnField, number> = {
  code: 9,
  title: 55,
  maxPoints: 11,
  evidence: 60,
  keywords: 30,
  responsible: 28,
  collaborators: 28,
  due: 20,
  scoringRule: 45,
  expectedResult: 50,
  parent: 12,
};

const LEVEL_NAMES: Record<PackLevel, string> = { so: 'sở', huyen: 'huyện', xa: 'xã' };

function dueCell(c: Criterion): string {
  if (c.dueText === null) return c.due !== null ? isoToDmy(c.due) : '';
  if (c.due === null) return c.dueText;
  // Keep the date when the printed text does not carry it.
  let carried: string | null = null;
  try {
    carried = parseDeadline(c.dueText).due;
  } catch {
    carried = null;
  }
  return carried === c.due ? c.dueText : `${c.dueText} (${isoToDmy(c.due)})`;
}

function cellValue(c: Criterion, field: ColumnField): string | number | null {
  switch (field) {
    case 'code':
      return c.code;
    case 'title':
      return c.title;
    case 'maxPoints':
      return c.maxPoints;
    case 'evidence':
      return formatEvidenceCell(c.evidence);
    case 'keywords':
      return c.keywords.join('; ');
    case 'responsible':
      return c.responsible;
    case 'collaborators':
      return c.collaborators;
    case 'due':
      return dueCell(c);
    case 'scoringRule':
      return c.scoringRule;
    case 'expectedResult':
      return c.expectedResult;
    case 'parent':
      return c.parent;
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

export function buildPackWorkbook(pack: CriteriaPack): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KiemChung';
  wb.created = new Date();

  const ws = wb.addWorksheet(CRITERIA_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = COLUMN_SPECS.map((s) => ({
    header: s.vi,
    key: s.field,
    width: WIDTHS[s.field],
    // Codes stay text: typed as numbers, Excel would turn 1.10 into 1.1.
    style: s.field === 'code' || s.field === 'parent' ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMN_SPECS.length } };

  for (const c of sortCriteria(pack.criteria)) {
    const values: Record<string, string | number | null> = {};
    for (const s of COLUMN_SPECS) values[s.field] = cellValue(c, s.field);
    const row = ws.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    const depth = codeAncestors(c.code).length;
    row.getCell('title').alignment = { vertical: 'top', wrapText: true, indent: depth };
    if (c.parent === null) row.font = { bold: true };
  }

  const info = wb.addWorksheet(INFO_SHEET_NAME);
  info.columns = [
    { header: 'Thông tin', key: 'label', width: 22 },
    { header: 'Giá trị', key: 'value', width: 70 },
  ];
  info.getRow(1).font = { bold: true };
  info.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  info.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  for (const { key, labels } of INFO_KEYS) {
    if (key === 'batches') {
      if (pack.batches && pack.batches.length > 0) info.addRow({ label: labels[0], value: packBatchesText(pack.batches) });
      continue;
    }
    const v = pack[key];
    const value = key === 'level' ? (pack.level !== null ? LEVEL_NAMES[pack.level] : null) : v;
    info.addRow({ label: labels[0], value: value ?? null });
  }
  info.getColumn('value').alignment = { wrapText: true, vertical: 'top' };
  return wb;
}

/** Write `pack` to `outFile` (.xlsx); the file appears complete or not at all. */
export async function exportPackXlsx(pack: CriteriaPack, outFile: string): Promise<void> {
  const dir = dirname(outFile);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PackError(`cannot write '${outFile}': folder '${dir}' does not exist`);
  const wb = buildPackWorkbook(pack);
  await replaceAtomically(outFile, (tmp) => wb.xlsx.writeFile(tmp));
}
