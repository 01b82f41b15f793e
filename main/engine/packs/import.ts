// importPackFile: a criteria pack from .json, .csv or .xlsx. All problems of the file are
// reported together (PackImportError); nothing is returned unless the whole file is good.

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CriteriaPack } from '../../../shared/pack.js';
import { assemblePack, metaFromFileName, type AssembledPack, type PackMeta } from './assemble.js';
import { PackImportError, packProblem, type PackProblem } from './errors.js';
import { readJsonPack } from './import-json.js';
import { readCsvRows } from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { readTable } from './table.js';

export { PackImportError, formatProblem, type PackProblem } from './errors.js';

/** Overrides for facts about the pack; otherwise they come from the file, then the file name. */
export type ImportPackOptions = PackMeta;

export const PACK_FILE_EXTENSIONS: readonly string[] = ['.json', '.csv', '.xlsx'];

function fail(file: string, problem: PackProblem): never {
  throw new PackImportError(file, [problem]);
}

/** Like importPackFile, and also returns the warnings (unused columns, repaired CSV rows, …). */
export async function importPackFileWithWarnings(file: string, options: ImportPackOptions = {}): Promise<AssembledPack> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xls') fail(file, packProblem(null, null, 'file-xls'));
  if (!PACK_FILE_EXTENSIONS.includes(ext)) {
    fail(file, packProblem(null, null, 'file-type', { ext: ext || '(none)' }));
  }
  const fromName = metaFromFileName(basename(file));
  const yearHint = options.year ?? fromName.year ?? null;

  try {
    if (ext === '.json') {
      const read = readJsonPack(await readFile(file, 'utf8'));
      return assemblePack({ file, drafts: read.drafts, problems: read.problems, warnings: [], meta: [options, read.meta, fromName] });
    }
    if (ext === '.csv') {
      const read = await readCsvRows(file);
      if (!read.ok) fail(file, read.problem);
      const table = readTable({ rows: read.rows, delimiter: read.delimiter, year: yearHint });
      return assemblePack({ file, ...table, meta: [options, fromName] });
    }
    const read = await readXlsxRows(file);
    if (!read.ok) fail(file, read.problem);
    const table = readTable({ rows: read.rows, delimiter: null, year: options.year ?? read.meta.year ?? yearHint });
    return assemblePack({
      file,
      drafts: table.drafts,
      problems: [...read.problems, ...table.problems],
      warnings: table.warnings,
      meta: [options, read.meta, fromName],
    });
  } catch (e) {
    if (e instanceof PackImportError) throw e;
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : null;
    if (code === 'ENOENT') fail(file, packProblem(null, null, 'file-missing'));
    if (code === 'EISDIR') fail(file, packProblem(null, null, 'file-folder'));
    if (code === 'EACCES' || code === 'EPERM') fail(file, packProblem(null, null, 'file-permission'));
    throw e;
  }
}

/**
 * A criteria pack from a file: .json (a pack as exported, or just its criteria), .csv (UTF-8,
 * comma or semicolon) or .xlsx (first sheet). Columns per CONTRACTS.md §5. Throws PackImportError
 * listing every problem with its row and column.
 */
export async function importPackFile(file: string, options: ImportPackOptions = {}): Promise<CriteriaPack> {
  return (await importPackFileWithWarnings(file, options)).pack;
}
