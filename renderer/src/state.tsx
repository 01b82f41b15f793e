// App-wide state: the client, the open workspace, indexing progress and the error list. Errors
// from any screen land in the list (and stay until cleared): never only logged.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo, CallArgs, CallName, CallResults, IndexProgress, ScanResultJson, WatchStatus, WorkspaceInfo } from '../../shared/api.js';
import { ApiCallError, createClient, unwrap, type Client } from './api.js';
import { useI18n } from './i18n/index.js';

export interface ListedError {
  id: number;
  at: string;
  title: string;
  message: string;
  path?: string;
}

interface AppState {
  client: Client;
  appInfo: AppInfo | null;
  workspace: WorkspaceInfo | null;
  progress: IndexProgress;
  lastScan: ScanResultJson | null;
  errors: ListedError[];
  /** Bumped whenever indexed data may have changed (scan finished, watcher batch, review action). */
  revision: number;
  /** Live watching of the evidence folders, and who writes the database / waits. */
  watch: WatchStatus | null;
  /** False while the engine does not answer (the banner shows; the page retries by itself). */
  connected: boolean;
  bump: () => void;
  reportError: (e: unknown, title?: string) => void;
  clearErrors: () => void;
  /** Call and unwrap; a failure is listed and re-thrown. */
  run: <N extends CallName>(name: N, args: CallArgs<N>) => Promise<CallResults[N]>;
  setWorkspace: (w: WorkspaceInfo | null) => void;
  refreshAppInfo: () => void;
}

const Ctx = createContext<AppState | null>(null);
const LIVE_REFRESH_MS = 400;
let nextErrorId = 1;

export function AppStateProvider({ children }: { children: ReactNode }) {
  const { t, w } = useI18n();
  const client = useMemo(() => createClient(), []);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [progress, setProgress] = useState<IndexProgress>({ running: false, phase: 'idle', current: 0, total: 0, path: null });
  const [lastScan, setLastScan] = useState<ScanResultJson | null>(null);
  const [errors, setErrors] = useState<ListedError[]>([]);
  const [revision, setRevision] = useState(0);
  const [watch, setWatch] = useState<WatchStatus | null>(null);
  const [connected, setConnected] = useState(true);
  // Watcher bursts: at most one reload of the views every LIVE_REFRESH_MS (the last one always).
  const bumpTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastBump = useRef(0);
  const liveBump = useCallback(() => {
    if (bumpTimer.current) return;
    const wait = Math.max(0, lastBump.current + LIVE_REFRESH_MS - Date.now());
    bumpTimer.current = setTimeout(() => {
      bumpTimer.current = null;
      lastBump.current = Date.now();
      setRevision((n) => n + 1);
    }, wait);
  }, []);

  const reportError = useCallback(
    (e: unknown, title?: string) => {
      const kind = e instanceof ApiCallError ? e.error.kind : 'internal';
      // Worded from kind and params: never the engine's English sentence.
      const message = e instanceof ApiCallError ? w.error(e.error) : t('error.internal');
      setErrors((list) => [{ id: nextErrorId++, at: new Date().toISOString(), title: title ?? t(`kind.${kind}`), message }, ...list].slice(0, 500));
    },
    [t, w],
  );

  const run = useCallback(
    async <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResults[N]> => {
      try {
        return unwrap(await client.call(name, args));
      } catch (e) {
        reportError(e);
        throw e;
      }
    },
    [client, reportError],
  );

  const refreshAppInfo = useCallback(() => {
    void client.call('app:info', {}).then((r) => r.ok && setAppInfo(r.value));
  }, [client]);

  useEffect(() => {
    // On load and after the engine came back (a restarted engine reopened the workspace itself).
    const resync = (): void => {
      refreshAppInfo();
      void client.call('workspace:current', {}).then((r) => r.ok && setWorkspace(r.value));
      void client.call('index:progress', {}).then((r) => r.ok && setProgress(r.value));
      void client.call('watch:status', {}).then((r) => r.ok && setWatch(r.value));
    };
    resync();
    const offs = [
      client.onConnection((up) => {
        setConnected(up);
        if (up) {
          resync();
          setRevision((n) => n + 1);
        }
      }),
      client.on('index:changed', liveBump),
      client.on('watch:status', setWatch),
      client.on('index:progress', setProgress),
      client.on('workspace:changed', setWorkspace),
      client.on('index:done', (r) => {
        setLastScan(r);
        setRevision((n) => n + 1);
        if (r.errors.length || r.problems.length) {
          setErrors((list) => [
            ...r.errors.map((e) => ({ id: nextErrorId++, at: new Date().toISOString(), title: w.errorKind(e.kind), message: w.errorDesc(e.kind), path: e.path })),
            ...r.problems.map((p) => ({ id: nextErrorId++, at: new Date().toISOString(), title: t('crit.problems'), message: t('scan.problem'), path: p.path })),
            ...list.filter((x) => !r.errors.some((e) => e.path === x.path) && !r.problems.some((p) => p.path === x.path)),
          ]);
        }
      }),
      client.on('app:error', (e) => setErrors((list) => [{ id: nextErrorId++, at: new Date().toISOString(), title: t('kind.internal'), message: t('error.internal'), ...(e.detail ? { path: e.detail } : {}) }, ...list])),
    ];
    return () => offs.forEach((off) => off());
  }, [client, refreshAppInfo, liveBump, t, w]);

  const value: AppState = {
    client,
    appInfo,
    workspace,
    progress,
    lastScan,
    errors,
    revision,
    watch,
    connected,
    bump: () => setRevision((n) => n + 1),
    reportError,
    clearErrors: () => setErrors([]),
    run,
    setWorkspace,
    refreshAppInfo,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppStateProvider');
  return v;
}

/** Hash routing (#/dashboard, #/criterion/1.3): in-page only, so the shell's navigation guard never trips. */
export function useRoute(): [string[], (to: string) => void] {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return [parts, (to: string) => (location.hash = to)];
}

/** Loads `name(args)` whenever deps or the data revision change. */
export function useLoad<N extends CallName>(name: N, args: CallArgs<N> | null, deps: unknown[]): { data: CallResults[N] | null; error: ApiCallError | null; loading: boolean; reload: () => void } {
  const { client, revision } = useApp();
  const [data, setData] = useState<CallResults[N] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(args);
  useEffect(() => {
    if (args === null) return;
    let live = true;
    setLoading(true);
    void client.call(name, args).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(new ApiCallError(r.error));
    });
    return () => {
      live = false;
    };
  }, [name, key, revision, tick, ...deps]);
  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}
