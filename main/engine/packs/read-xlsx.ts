// The first sheet of an .xlsx workbook as rows of plain cells (rich text, hyperlinks and formula
// results flattened), plus the pack facts of an optional "Thông tin" sheet written by the export.

import ExcelJS from 'exceljs';
import { PACK_LEVELS, type PackBatch, type PackLevel } from '../../../shared/pack.js';
import { formatBatchesText, parseBatchesText } from '../../../shared/batches.js';
import { foldForMatch, nfc } from '../../../shared/vietnamese.js';
import type { PackMeta } from './assemble.js';
import { headerKey } from './columns.js';
import { packProblem, type PackProblem } from './errors.js';
import { cellText, type Cell, type SheetRow } from './table.js';

export const INFO_SHEET_NAME = 'Thông tin';
const INFO_SHEET_KEYS = new Set(['thongtin', 'info', 'thongtinbotieuchi', 'packinfo']);

/** Keys of the info sheet: first the label the export writes, then what else is understood. */
export const INFO_KEYS: readonly { key: keyof PackMeta; labels: string[] }[] = [
  { key: 'id', labels: ['Mã bộ tiêu chí', 'id', 'mã bộ'] },
  { key: 'name', labels: ['Tên bộ tiêu chí', 'name', 'tên'] },
  { key: 'province', labels: ['Tỉnh', 'province', 'tỉnh/thành phố'] },
  { key: 'level', labels: ['Cấp', 'level'] },
  { key: 'year', labels: ['Năm', 'year'] },
  { key: 'unit', labels: ['Đơn vị', 'unit'] },
  { key: 'source', labels: ['Nguồn', 'source', 'căn cứ'] },
  { key: 'batches', labels: ['Đợt nộp', 'batches', 'đợt nộp tài liệu'] },
];

const YEARLY = /\s*\(\s*hàng năm\s*\)\s*$/iu;

/** The pack's batches in one cell: "Đợt 1=30/06/2021 (hàng năm); Đợt 2=30/09/2021 (hàng năm)". */
export function packBatchesText(batches: readonly PackBatch[]): string {
  return batches.map((b) => `${formatBatchesText([b])}${b.yearly ? ' (hàng năm)' : ''}`).join('; ');
}

/** The inverse of packBatchesText; null when the cell is not such a list. */
export function parsePackBatchesText(text: string): PackBatch[] | null {
  const out: PackBatch[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const yearly = YEARLY.test(part);
    const parsed = parseBatchesText(part.replace(YEARLY, ''));
    if ('error' in parsed || parsed.batches.length !== 1 || !parsed.batches[0]) return null;
    out.push({ ...parsed.batches[0], yearly });
  }
  return out.length > 0 ? out : null;
}

export type XlsxRead =
  | { ok: true; rows: SheetRow[]; meta: PackMeta; problems: PackProblem[] }
  | { ok: false; problem: PackProblem };

function plain(v: ExcelJS.CellValue | ExcelJS.CellHyperlinkValue['text'] | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return plain(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  if ('result' in v) return plain(v.result as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  return null;
}

function sheetRows(ws: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(plain(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** "sở", "Cấp sở", "huyện", "xã" (or so / huyen / xa) → the pack level. */
export function parseLevel(text: string): PackLevel | null {
  const f = foldForMatch(text).replace(/^cap\s+/, '').trim();
  const english: Record<string, PackLevel> = { department: 'so', province: 'so', district: 'huyen', commune: 'xa' };
  if ((PACK_LEVELS as readonly string[]).includes(f)) return f as PackLevel;
  return english[f] ?? null;
}

function readInfoSheet(ws: ExcelJS.Worksheet, problems: PackProblem[]): PackMeta {
  const meta: PackMeta = {};
  const keyByLabel = new Map<string, keyof PackMeta>();
  for (const k of INFO_KEYS) for (const l of k.labels) keyByLabel.set(headerKey(l), k.key);
  for (const { row, cells } of sheetRows(ws)) {
    const label = cellText(cells[0]);
    const key = keyByLabel.get(headerKey(label));
    if (key === undefined) continue;
    const raw = cells[1];
    const value = cellText(raw);
    const bad = (kind: 'pack-year' | 'pack-level' | 'pack-batches'): void => {
      problems.push(packProblem(row, `${ws.name}: ${label}`, kind, { value }));
    };
    if (value === '') continue;
    switch (key) {
      case 'year': {
        const y = typeof raw === 'number' ? raw : Number(value);
        if (!Number.isInteger(y)) bad('pack-year');
        else meta.year = y;
        break;
      }
      case 'level': {
        const level = parseLevel(value);
        if (level === null) bad('pack-level');
        else meta.level = level;
        break;
      }
      case 'batches': {
        const batches = parsePackBatchesText(nfc(value));
        if (batches === null) bad('pack-batches');
        else meta.batches = batches;
        break;
      }
      default:
        meta[key] = nfc(value);
    }
  }
  return meta;
}

export async function readXlsxRows(file: string): Promise<XlsxRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: packProblem(null, null, 'xlsx-unreadable', { detail: message }) };
  }
  const first = wb.worksheets[0];
  if (!first) return { ok: false, problem: packProblem(null, null, 'xlsx-no-sheets') };
  const rows = sheetRows(first);
  if (rows.length === 0) return { ok: false, problem: packProblem(null, null, 'xlsx-sheet-empty', { sheet: first.name }) };
  const problems: PackProblem[] = [];
  const info = wb.worksheets.slice(1).find((ws) => INFO_SHEET_KEYS.has(headerKey(ws.name)));
  const meta = info ? readInfoSheet(info, problems) : {};
  return { ok: true, rows, meta, problems };
}
