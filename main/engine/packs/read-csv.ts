// CSV as spreadsheets save it: UTF-8 with or without BOM (UTF-16 from Excel's "Unicode text" too),
// comma, semicolon (Excel in Vietnamese locale) or tab, detected from the header line.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { packProblem, type PackProblem } from './errors.js';
import type { SheetRow } from './table.js';

export type CsvRead = { ok: true; rows: SheetRow[]; delimiter: string } | { ok: false; problem: PackProblem };

function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The delimiter that splits the first non-empty line most (outside quotes); comma on a tie. */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

export async function readCsvRows(file: string): Promise<CsvRead> {
  const text = decode(await readFile(file));
  if (text === null) {
    return { ok: false, problem: packProblem(null, null, 'file-not-utf8') };
  }
  if (text.trim() === '') return { ok: false, problem: packProblem(null, null, 'file-empty') };
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    const records = typeof e === 'object' && e !== null && 'records' in e && typeof e.records === 'number' ? e.records : null;
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: packProblem(records !== null ? records + 1 : null, null, 'csv-unreadable', { detail: message }) };
  }
  // One record is one spreadsheet row (a quoted value may span lines); empty lines count as rows.
  return { ok: true, rows: records.map((cells, i) => ({ row: i + 1, cells })), delimiter };
}
