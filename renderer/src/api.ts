// One client interface, two transports: Electron IPC when the preload put `window.kiemchung`
// there, else fetch + server-sent events against the loopback bridge (token from the URL).
import { EVENT_NAMES, functionNameOf, listenerNameOf } from '../../shared/api-names.js';
import { apiError, type ApiError, type ApiResult, type CallArgs, type CallName, type CallResults, type EventName, type KiemchungBridge, type PushEvents } from '../../shared/api.js';

export interface Client {
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResults[N]>>;
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
  /** Whether the engine answers (the event stream is open); called on every change. */
  onConnection(listener: (connected: boolean) => void): () => void;
  readonly shell: 'electron' | 'web';
}

/** How often the page tries the engine again while it is gone. */
export const RECONNECT_MS = 1500;

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

// The preload's object (shared/bridge.ts builds it in main/electron/preload.ts). Looked up by name
// at run time: an older shell may lack a newer call, which then answers 'unknown-call'.
type LooseBridge = Partial<Record<keyof KiemchungBridge, unknown>>;

function ipcClient(bridge: LooseBridge): Client {
  return {
    shell: 'electron',
    call(name, args) {
      const fn = bridge[functionNameOf(name)];
      if (typeof fn !== 'function') return Promise.resolve({ ok: false, error: apiError('unknown-call', { call: name }, `The desktop shell has no ${name}.`) });
      return (fn as (a: unknown) => Promise<ApiResult<never>>)(args);
    },
    on(event, listener) {
      const sub = bridge[listenerNameOf(event)];
      if (typeof sub !== 'function') return () => undefined;
      return (sub as (cb: (p: unknown) => void) => () => void)((p) => listener(p as PushEvents[typeof event]));
    },
    // Electron's main process restarts the engine itself; IPC stays up.
    onConnection: () => () => undefined,
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
  const connection = new Set<(up: boolean) => void>();
  let connected = true;
  const setConnected = (up: boolean): void => {
    if (up === connected) return;
    connected = up;
    for (const l of connection) l(up);
  };
  // The event stream tells whether the engine is there. EventSource retries by itself while the
  // server is unreachable, but gives up on an answer that is not a stream (a restarting proxy, a
  // 403): then a new one is opened every RECONNECT_MS until the engine answers again.
  let source: EventSource | null = null;
  const open = (): void => {
    const s = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source = s;
    s.onopen = () => setConnected(true);
    s.onerror = () => {
      setConnected(false);
      if (s.readyState === EventSource.CLOSED && source === s) setTimeout(open, RECONNECT_MS);
    };
    for (const name of EVENT_NAMES) {
      s.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };
  open();
  return {
    shell: 'web',
    async call(name, args) {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kiemchung-Token': token },
          body: JSON.stringify(args ?? {}),
        });
        const result = (await res.json()) as ApiResult<never>;
        setConnected(true);
        return result;
      } catch (e) {
        setConnected(false);
        return { ok: false, error: apiError('internal', { call: name }, `${(e as Error).message}`) };
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onConnection(listener) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
  };
}

export function createClient(): Client {
  const bridge = (window as unknown as { kiemchung?: LooseBridge }).kiemchung;
  return bridge ? ipcClient(bridge) : webClient();
}
