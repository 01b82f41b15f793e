// Errors of pack import and storage. Every one is a UserError: complete, plain words, naming the
// file, row, column or value at fault.

import { packProblemMessage, type PackProblemFact, type PackProblemKind, type PackProblemParams } from '../../../shared/pack-problems.js';
import { UserError } from '../errors.js';

export interface PackProblem extends PackProblemFact {
  /** 1-based spreadsheet row (the header is row 1 when it is the first row); null: the whole file. */
  row: number | null;
  /** Column name as written in the file (or a JSON path such as "criteria[3].maxPoints"). */
  column: string | null;
  /** The CLI's English sentence of the fact (the app words kind and params itself). */
  message: string;
}

/** A problem at a row and column, with its English sentence filled from the fact. */
export function packProblem(row: number | null, column: string | null, kind: PackProblemKind, params: PackProblemParams = {}): PackProblem {
  return { row, column, kind, params, message: packProblemMessage({ kind, params }) };
}

/** "row 4, column 'Điểm tối đa': '1,5,2' is not a number" */
export function formatProblem(p: PackProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column '${p.column}'` : null]
    .filter((s): s is string => s !== null)
    .join(', ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

/**
 * Thrown with every problem found in the file; nothing of the file is imported. The message is a
 * one-line summary (callers list `problems`, e.g. with formatProblem); `report()` is both.
 */
export class PackImportError extends UserError {
  readonly file: string;
  readonly problems: PackProblem[];

  constructor(file: string, problems: PackProblem[]) {
    const n = problems.length;
    super(`Cannot import criteria pack '${file}': ${n} problem${n === 1 ? '' : 's'}; nothing was imported`);
    this.name = 'PackImportError';
    this.file = file;
    this.problems = problems;
  }

  /** The summary and every problem, one per line. */
  report(): string {
    return [this.message, ...this.problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
  }
}

/** A pack that cannot be stored or loaded (invalid content, reserved id, unreadable library file). */
export class PackError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

/** No built-in or imported pack has this id. */
export class PackNotFoundError extends UserError {
  readonly id: string;
  constructor(id: string, known: readonly string[]) {
    super(
      `No criteria pack '${id}'. Known packs: ${known.length > 0 ? known.join(', ') : 'none'} (see: kiemchung packs list); ` +
        'or give a pack file (.json, .csv, .xlsx)',
    );
    this.name = 'PackNotFoundError';
    this.id = id;
  }
}
