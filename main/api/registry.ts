// Handler maps, one per API domain (main/api/<domain>.ts), and the registry that joins them once at
// start-up: a name registered twice, a name outside its domain, a name the contract does not know
// or a call with no handler stops the start with an Error instead of shadowing another handler.
import { CALL_NAMES, isCallName, type CallName, type CallResults, type ParsedArgs } from '../../shared/api.js';
import type { Domain } from '../../shared/api-names.js';
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
  /** Where a bug's stack goes (the UI only gets the kind and message). */
  log?: (call: string, error: unknown) => void;
}

export type Handler<N extends CallName> = (args: ParsedArgs<N>, ctx: HandlerContext) => Promise<CallResults[N]> | CallResults[N];

export type CallsOf<D extends Domain> = Extract<CallName, `${D}:${string}`>;
export type DomainHandlers<D extends Domain> = { [N in CallsOf<D>]: Handler<N> };

export interface DomainMap {
  readonly domain: Domain;
  readonly handlers: Readonly<Record<string, unknown>>;
}

/** A domain's handler map: the type asks for exactly the calls of `domain:` in shared/api.ts. */
export function defineDomain<D extends Domain>(domain: D, handlers: DomainHandlers<D>): DomainMap {
  return { domain, handlers };
}

type AnyHandler = (args: unknown, ctx: HandlerContext) => Promise<unknown> | unknown;

export type Registry = ReadonlyMap<CallName, AnyHandler>;

export function buildRegistry(domains: readonly DomainMap[]): Registry {
  const map = new Map<CallName, AnyHandler>();
  for (const d of domains) {
    for (const [name, handler] of Object.entries(d.handlers)) {
      if (!isCallName(name)) throw new Error(`API handler '${name}' (domain ${d.domain}) is not a call of shared/api.ts`);
      if (!name.startsWith(`${d.domain}:`)) throw new Error(`API handler '${name}' is registered by the domain '${d.domain}'; it belongs in main/api/${name.split(':')[0]}.ts`);
      if (map.has(name)) throw new Error(`API call '${name}' is registered twice`);
      if (typeof handler !== 'function') throw new Error(`API handler '${name}' is not a function`);
      map.set(name, handler as AnyHandler);
    }
  }
  const missing = CALL_NAMES.filter((n) => !map.has(n));
  if (missing.length > 0) throw new Error(`API calls without a handler: ${missing.join(', ')}`);
  return map;
}
