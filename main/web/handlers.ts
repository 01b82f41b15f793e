// The API's handlers over the real engine, and the one dispatcher both transports use: look the
// call up, parse its arguments with the contract's schema, run, and wrap the result or the error.
import type { z } from 'zod';
import { callSchemas, isCallName, type ApiResult, type CallName, type CallResults } from '../../shared/api.js';
import { ApiFailure, toApiError } from './failure.js';
import { documentHandlers } from './handlers-documents.js';
import { reviewHandlers } from './handlers-review.js';
import { workspaceHandlers } from './handlers-workspace.js';
import type { Session } from './session.js';

/** What only the shell can do (native dialogs, a URL the renderer may load a PDF from). */
export interface ShellHooks {
  pickFolder?: (title?: string) => Promise<string | null>;
  pickSaveFile?: (title?: string, defaultName?: string) => Promise<string | null>;
  previewUrl: (documentId: string) => string;
}

export interface HandlerContext {
  session: Session;
  shell: ShellHooks;
}

export type Handler<N extends CallName> = (args: z.output<(typeof callSchemas)[N]>, ctx: HandlerContext) => Promise<CallResults[N]> | CallResults[N];
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<K extends CallName> = { [N in K]: Handler<N> };

const dialogHandlers: HandlerGroup<'dialog:pickFolder' | 'dialog:pickSaveFile'> = {
  'dialog:pickFolder': async (args, { shell }) => {
    if (!shell.pickFolder) throw new ApiFailure('unavailable', 'Folder dialogs exist only in the desktop app; type the folder path instead.');
    return shell.pickFolder(args.title);
  },
  'dialog:pickSaveFile': async (args, { shell }) => {
    if (!shell.pickSaveFile) throw new ApiFailure('unavailable', 'File dialogs exist only in the desktop app; type the file path instead.');
    return shell.pickSaveFile(args.title, args.defaultName);
  },
};

export const handlers: Handlers = {
  ...dialogHandlers,
  ...workspaceHandlers,
  ...documentHandlers,
  ...reviewHandlers,
};

export async function dispatch(name: string, rawArgs: unknown, ctx: HandlerContext): Promise<ApiResult<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { kind: 'unknown-call', message: `There is no API call '${name}'.` } };
  const parsed = callSchemas[name].safeParse(rawArgs ?? {});
  if (!parsed.success) return { ok: false, error: toApiError(parsed.error) };
  try {
    const handler = handlers[name] as (args: unknown, ctx: HandlerContext) => Promise<unknown> | unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    const error = toApiError(e);
    // Bugs are also written to the log; the user sees the message either way.
    if (error.kind === 'internal') console.error(`kiemchung: ${name} failed:`, e);
    return { ok: false, error };
  }
}
