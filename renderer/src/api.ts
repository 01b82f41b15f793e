// One client interface, two transports: Electron IPC when the preload put `window.kiemchung`
// there, else fetch + server-sent events against the loopback bridge (token from the URL).
import { EVENT_NAMES, functionNameOf, listenerNameOf } from '../../shared/api-names.js';
import type { ApiError, ApiResult, CallArgs, CallName, CallResults, EventName, PushEvents } from '../../shared/api.js';

export interface Client {
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResults[N]>>;
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
  readonly shell: 'electron' | 'web';
}

/** Thrown by `unwrap`: carries the kind so screens can word it. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function unwrap<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

type Bridge = Record<string, unknown>;

function ipcClient(bridge: Bridge): Client {
  return {
    shell: 'electron',
    call(name, args) {
      const fn = bridge[functionNameOf(name)];
      if (typeof fn !== 'function') return Promise.resolve({ ok: false, error: { kind: 'unknown-call', message: `The desktop shell has no ${name}.` } });
      return (fn as (a: unknown) => Promise<ApiResult<never>>)(args);
    },
    on(event, listener) {
      const sub = bridge[listenerNameOf(event)];
      if (typeof sub !== 'function') return () => undefined;
      return (sub as (cb: (p: unknown) => void) => () => void)((p) => listener(p as PushEvents[typeof event]));
    },
  };
}

function sessionToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('kiemchung.token', fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem('kiemchung.token') ?? '';
}

function webClient(): Client {
  const token = sessionToken();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  }
  return {
    shell: 'web',
    async call(name, args) {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kiemchung-Token': token },
          body: JSON.stringify(args ?? {}),
        });
        return (await res.json()) as ApiResult<never>;
      } catch (e) {
        return { ok: false, error: { kind: 'internal', message: `${(e as Error).message}` } };
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}

export function createClient(): Client {
  const bridge = (window as unknown as { kiemchung?: Bridge }).kiemchung;
  return bridge ? ipcClient(bridge) : webClient();
}
