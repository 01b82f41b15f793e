// Failures as they cross the API: a kind and its params, enough for the renderer to word any
// error from its catalogue, plus the engine's English `message` for the CLI and the logs.
import type { PackProblemKind, PackProblemParams } from './pack-problems.js';

/** Long-running work the session runs one at a time per kind (main/api/jobs.ts). */
export type JobKind = 'scan' | 'export' | 'sample';

/** Who writes the database in turn (the session's writer lock): a full scan, an export, a watch batch, OCR. */
export type WriterKind = 'scan' | 'export' | 'watch' | 'ocr';

/** A fact an engine refusal carries (`UserError.fact` where the engine gives one). */
export interface ErrorFact {
  kind: string;
  params: Record<string, string | number>;
}

/** One bad row or column of a pack file (CONTRACTS.md §5). */
export interface PackProblemJson {
  row: number | null;
  column: string | null;
  /** What is wrong, for the app to word (shared/pack-problems.ts); `message` is the CLI's English. */
  kind: PackProblemKind;
  params: PackProblemParams;
  message: string;
}

/** One zod issue, enough to word it next to its field: `path` is the field ("year", "patch.ocr"). */
export interface ArgumentIssue {
  path: string;
  code: string;
  /** too_small / too_big: the bound; invalid_type: the type expected; invalid_value: the allowed values. */
  minimum?: number;
  maximum?: number;
  expected?: string;
}

export interface ApiErrorParams {
  /** Arguments that did not match the call's schema: the first field at fault and zod's issue code. */
  'invalid-argument': { call: string; field: string; issue: string; value: string | number | boolean | null; issues?: ArgumentIssue[] };
  'unknown-call': { call: string };
  /** token / origin / sender: the request did not come from our page; evidence-folder: a write into one; outside-roots: a file outside every evidence folder. */
  forbidden: { reason: 'token' | 'origin' | 'sender' | 'evidence-folder' | 'outside-roots'; path: string | null; root: string | null };
  'no-workspace': Record<string, never>;
  'not-found': { what: 'criterion' | 'root' | 'document'; ref: string };
  /**
   * The engine refused (a UserError: its message names the file or value). `fact` is the
   * machine-readable form where the engine gives one (file-system errors always: kind 'file-system'
   * with code and path); `problems` lists every bad row of a pack file.
   */
  user: { fact: ErrorFact | null; problems: PackProblemJson[] };
  busy: { job: JobKind };
  /** dialog: native dialogs exist only in the desktop app; preview: the document is not a PDF. */
  unavailable: { what: 'dialog' | 'preview'; ref: string | null };
  cancelled: { job: JobKind | null };
  /** A bug: the call that failed (the stack goes to the log, not across the API). */
  internal: { call: string | null };
}

export type ApiErrorKind = keyof ApiErrorParams;

export type ApiError = { [K in ApiErrorKind]: { kind: K; params: ApiErrorParams[K]; message: string } }[ApiErrorKind];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Builds an error with its params checked against its kind. */
export function apiError<K extends ApiErrorKind>(kind: K, params: ApiErrorParams[K], message: string): ApiError {
  return { kind, params, message } as ApiError;
}
