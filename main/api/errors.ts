// The ONE place where anything a handler throws becomes an ApiError {kind, params, message}: the
// renderer words it from kind and params, the CLI prints the message (main/cli/report.ts), so no
// error reaches a caller as an unexplained stack.
import { ZodError } from 'zod';
import { apiError, type ApiError, type ArgumentIssue, type ApiErrorKind, type ApiErrorParams, type ErrorFact, type PackProblemJson } from '../../shared/api.js';
import { NewerSchemaError } from '../engine/db/database.js';
import { UserError } from '../engine/errors.js';
import { PackImportError } from '../engine/packs/errors.js';

/** A refusal of the API layer itself (paths, jobs, lookups), with the params of its kind. */
export class ApiFailure<K extends ApiErrorKind = ApiErrorKind> extends Error {
  constructor(
    readonly kind: K,
    readonly params: ApiErrorParams[K],
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The fact an engine error carries, where the engine gives one (UserError.fact, duck-typed so
 * engine errors that gain one are passed through without a change here). */
function factOf(e: unknown): ErrorFact | null {
  const fact = (e as { fact?: unknown }).fact;
  if (typeof fact !== 'object' || fact === null) return null;
  const { kind, params } = fact as { kind?: unknown; params?: unknown };
  if (typeof kind !== 'string' || typeof params !== 'object' || params === null) return null;
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') clean[k] = v;
  return { kind, params: clean };
}

function jsonScalar(v: unknown): string | number | boolean | null {
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

function issueOf(i: ZodError['issues'][number]): ArgumentIssue {
  const out: ArgumentIssue = { path: i.path.map(String).join('.'), code: i.code };
  const bound = (i as { minimum?: unknown; maximum?: unknown; expected?: unknown; values?: unknown });
  if (typeof bound.minimum === 'number' || typeof bound.minimum === 'bigint') out.minimum = Number(bound.minimum);
  if (typeof bound.maximum === 'number' || typeof bound.maximum === 'bigint') out.maximum = Number(bound.maximum);
  if (typeof bound.expected === 'string') out.expected = bound.expected;
  else if (Array.isArray(bound.values)) out.expected = bound.values.map(String).join(', ');
  return out;
}

function fromZod(e: ZodError, call: string, args: unknown): ApiError {
  const first = e.issues[0];
  const field = first ? first.path.map(String).join('.') : '';
  let value: unknown = args;
  for (const key of first?.path ?? []) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const shown = jsonScalar(value);
  // "year '1800': Too small…": the value at fault is named, as CONTRACTS.md §1 asks of messages.
  const where = field ? `${field}${shown !== null ? ` '${String(shown)}'` : ''}: ` : '';
  return apiError('invalid-argument', { call, field, issue: first?.code ?? 'custom', value: shown, issues: e.issues.map(issueOf) }, `${where}${first?.message ?? 'invalid arguments'}`);
}

const SQL_BUSY = /database is (locked|busy)|database table is locked|SQLITE_(BUSY|LOCKED)/i;

/** SQLite gave up waiting for another program's write (better-sqlite3's SqliteError, code SQLITE_BUSY*). */
export function isSqlBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  return SQL_BUSY.test(e instanceof Error ? e.message : String(e));
}

/**
 * The database was busy past its timeout (another program outside the writer lock, an older
 * KiemChung): said in words with the workspace named, never as SQLite's text ("database is locked").
 */
export function workspaceBusyError(dir: string | null): ApiError {
  const where = dir ?? 'không gian làm việc';
  return apiError(
    'user',
    { fact: { kind: 'workspace.busy-unknown', params: { path: where } }, problems: [] },
    `Không gian làm việc đang được một chương trình khác sử dụng (cơ sở dữ liệu đang bận): ${where}. Hãy đợi chương trình đó xong hoặc đóng nó, rồi thử lại.`,
  );
}

/** Maps whatever a call threw. `call` and `args` name the call for the params and the message. */
export function toApiError(e: unknown, call: string | null = null, args: unknown = undefined): ApiError {
  if (e instanceof ApiFailure) return apiError(e.kind, e.params, e.message);
  if (e instanceof ZodError) return fromZod(e, call ?? '', args);
  if (e instanceof PackImportError) {
    const problems: PackProblemJson[] = e.problems.map((p) => ({ row: p.row, column: p.column, kind: p.kind, params: p.params, message: p.message }));
    return apiError('user', { fact: { kind: 'pack-invalid', params: { file: e.file, problems: problems.length } }, problems }, e.message);
  }
  // By name: the bundle module is loaded only by exports, and this mapper must not pull it in.
  if (e instanceof UserError && e.name === 'ExportCancelledError') return apiError('cancelled', { job: 'export' }, e.message);
  if (e instanceof UserError) return apiError('user', { fact: factOf(e), problems: [] }, e.message);
  if (e instanceof NewerSchemaError) return apiError('user', { fact: { kind: 'newer-schema', params: {} }, problems: [] }, e.message);
  const err = e as NodeJS.ErrnoException | null;
  if (err && typeof err.code === 'string' && typeof err.path === 'string') {
    return apiError('user', { fact: { kind: 'file-system', params: { code: err.code, path: err.path } }, problems: [] }, `${err.path}: ${err.message}`);
  }
  if (err?.name === 'AbortError') return apiError('cancelled', { job: null }, 'Cancelled.');
  return apiError('internal', { call }, err instanceof Error ? err.message : String(e));
}
