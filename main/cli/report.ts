// The CLI's one error formatter: usage errors exit 2; every other failure, mapped to an ApiError
// by main/api/errors.ts (the same mapping the app gets), is printed as its message, with every bad
// row of a pack file, and exits 1 (CONTRACTS.md §1).
import { toApiError } from '../api/errors.js';
import { formatProblem } from '../engine/packs/errors.js';
import { UsageError } from './args.js';
import { CliApiError } from './api.js';

export function reportFailure(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`kiemchung: ${e.message}\n`);
    return 2;
  }
  const error = e instanceof CliApiError ? e.error : toApiError(e);
  if (error.kind === 'internal') {
    // Through the dispatcher the stack was already logged; a failure outside it (watch) prints it here.
    const detail = !(e instanceof CliApiError) && e instanceof Error ? (e.stack ?? e.message) : error.message;
    process.stderr.write(`kiemchung: unexpected failure (please report it): ${detail}\n`);
    return 1;
  }
  process.stderr.write(`kiemchung: ${error.message}\n`);
  if (error.kind === 'user') for (const p of error.params.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
  return 1;
}
