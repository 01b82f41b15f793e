// The one dispatcher every adapter uses (loopback HTTP, Electron IPC, the CLI): look the call up,
// parse its arguments with the contract's schema, run its handler, wrap the result or the error.
import { apiError, callSchemas, isCallName, type ApiResult, type CallArgs, type CallName, type CallResults } from '../../shared/api.js';
import { isSqlBusy, toApiError, workspaceBusyError } from './errors.js';
import { registry } from './handlers.js';
import type { HandlerContext, Registry } from './registry.js';

export async function dispatch(name: string, rawArgs: unknown, ctx: HandlerContext, handlers: Registry = registry): Promise<ApiResult<unknown>> {
  if (!isCallName(name)) return { ok: false, error: apiError('unknown-call', { call: name }, `There is no API call '${name}'.`) };
  const args = rawArgs ?? {};
  const parsed = callSchemas[name].safeParse(args);
  if (!parsed.success) return { ok: false, error: toApiError(parsed.error, name, args) };
  const handler = handlers.get(name);
  if (!handler) return { ok: false, error: apiError('unknown-call', { call: name }, `There is no handler for '${name}'.`) };
  try {
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    // A busy database is another program's write, not a bug: worded, without SQL text or a stack.
    if (isSqlBusy(e)) return { ok: false, error: workspaceBusyError(ctx.session.current()?.dir ?? null) };
    const error = toApiError(e, name);
    // Bugs also go to the log with their stack; the caller sees the kind and message either way.
    if (error.kind === 'internal') (ctx.log ?? defaultLog)(name, e);
    return { ok: false, error };
  }
}

function defaultLog(call: string, e: unknown): void {
  console.error(`kiemchung: ${call} failed:`, e);
}

/** `dispatch` with the call's argument and result types (the CLI and tests). */
export async function call<N extends CallName>(name: N, args: CallArgs<N>, ctx: HandlerContext): Promise<ApiResult<CallResults[N]>> {
  return (await dispatch(name, args, ctx)) as ApiResult<CallResults[N]>;
}
