// The CLI's adapter to the API: every command runs through the same dispatcher and handlers as
// the app (main/api/), in a session of its own that opens the command's workspace (when it names
// one) and closes it at the end. A failed call throws CliApiError, which main/cli/report.ts prints.
//
// One writer per workspace (engine/db/writer-lock.ts): before its first call that writes the
// workspace, a command takes the workspace's writer lock and holds it to its end; a second writer
// waits a few seconds, told who holds it, then is refused. Reading commands never take it.
import path from 'node:path';
import { type ApiError, type CallArgs, type CallName, type CallResults } from '../../shared/api.js';
import { acquireWriterLock, holderWords, type LockHolder, type WriterLock } from '../engine/db/writer-lock.js';
import { call } from '../api/dispatch.js';
import { ApiFailure, isSqlBusy, toApiError, workspaceBusyError } from '../api/errors.js';
import type { HandlerContext } from '../api/registry.js';
import { Session } from '../api/session.js';
import { interruptSignal } from './interrupt.js';

export class CliApiError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'CliApiError';
  }
}

export interface CliApi {
  readonly session: Session;
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResults[N]>;
}

/**
 * The calls that never write the open workspace: a command made only of these (status, docs,
 * search, history, verify, …) runs while another program writes. Every other call takes the
 * writer lock first, so a new call is a writer until it is listed here.
 */
export const READ_ONLY_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'app:info',
  'dialog:pickFolder',
  'dialog:pickSaveFile',
  'packs:list',
  'packs:show',
  'packs:import',
  'packs:importPlan',
  'packs:saveDraft',
  'packs:export',
  'packs:workspace',
  'packs:exportWorkspace',
  'workspace:current',
  'workspace:open',
  'workspace:close',
  'settings:get',
  'roots:list',
  'trust:list',
  'index:cancel',
  'index:progress',
  'docs:list',
  'docs:get',
  'docs:previewUrl',
  'docs:queue',
  'docs:counts',
  'search:query',
  'status:get',
  'status:dashboard',
  'criterion:get',
  'review:history',
  'offices:missing',
  'bundle:verify',
  'bundle:cancel',
  'watch:status',
]);

/** How long a writing command waits for another writer before it is refused. */
export const CLI_LOCK_WAIT_MS = 5_000;

/** "kiemchung scan", "kiemchung folder add": the command as a user typed it, for the lock's holder. */
export function commandName(argv: readonly string[] = process.argv.slice(2)): string {
  const [name, sub] = argv;
  const words = [name ?? ''];
  if ((name === 'folder' || name === 'packs') && sub && !sub.startsWith('-')) words.push(sub);
  return `kiemchung ${words.join(' ')}`.trim();
}

/** Said once on stderr while a writing command waits for the lock. */
function tellWaiting(holder: LockHolder | null): void {
  process.stderr.write(`kiemchung: đang chờ: không gian làm việc đang được ${holderWords(holder)} sử dụng…\n`);
}

/** The writer lock for a command that writes a workspace outside the API (watch). */
export function cliWriterLock(dir: string): Promise<WriterLock> {
  const signal = interruptSignal();
  return acquireWriterLock(path.resolve(dir), commandName(), { waitMs: CLI_LOCK_WAIT_MS, onWait: tellWaiting, ...(signal ? { signal } : {}) });
}

/** A busy database the dispatcher did not word (a failure before any call): worded here too. */
function withoutSqlText(error: ApiError, dir: string | null): ApiError {
  if (error.kind !== 'internal' || !isSqlBusy(error.message)) return error;
  return workspaceBusyError(dir ? path.resolve(dir) : null);
}

/** Runs `fn` with the API; `workspace` (a folder, relative to the current one) is opened first. */
export async function withApi<T>(workspace: string | null, fn: (api: CliApi) => Promise<T>): Promise<T> {
  const session = new Session('cli', { program: commandName(), lockWaitMs: CLI_LOCK_WAIT_MS, onLockWait: tellWaiting });
  const ctx: HandlerContext = {
    session,
    shell: {
      previewUrl: () => {
        throw new ApiFailure('unavailable', { what: 'preview', ref: null }, 'Previews exist only in the app.');
      },
    },
    // A bug: its stack on stderr, as the CLI always printed it.
    // A busy database is not a bug: it is worded below (withoutSqlText), without its stack.
    log: (name, e) => {
      if (!isSqlBusy(e)) process.stderr.write(`kiemchung: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    },
  };
  const api: CliApi = {
    session,
    async call(name, args) {
      if (!READ_ONLY_CALLS.has(name) && session.current()) {
        try {
          await session.holdWriterLock(undefined, interruptSignal());
        } catch (e) {
          throw new CliApiError(toApiError(e, name));
        }
      }
      const r = await call(name, args, ctx);
      if (!r.ok) throw new CliApiError(withoutSqlText(r.error, session.current()?.dir ?? workspace));
      return r.value;
    },
  };
  try {
    if (workspace !== null) await api.call('workspace:open', { dir: path.resolve(workspace) });
    return await fn(api);
  } finally {
    session.close();
  }
}

/** A path argument as the API wants it: absolute, relative ones taken from the current folder. */
export function fullPath(p: string): string {
  return path.resolve(p);
}
