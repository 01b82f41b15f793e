// Workspace lifecycle, settings, evidence roots and scanning.
import { appVersion } from '../engine/app-version.js';
import os from 'node:os';
import path from 'node:path';
import type { IndexPhase, ScanResultJson } from '../../shared/api.js';
import { appDataDir, getPack, listPacks } from '../engine/packs/library.js';
import { writeSampleEvidence } from '../engine/sample/sample-evidence.js';
import { scanWorkspace, type ScanProgress } from '../engine/scan/reconcile.js';
import { addRoot, listRoots, removeRoot } from '../engine/workspace/roots.js';
import { Workspace } from '../engine/workspace/workspace.js';
import { ApiFailure } from './failure.js';
import type { HandlerGroup } from './handlers.js';
import { optionalEngine } from './optional-engine.js';
import { absolute } from './paths.js';
import type { Session } from './session.js';

export const SAMPLE_PACK_ID = 'tra-vinh-so-y-te-2023';


/** Runs one scan with throttled progress events; a second concurrent scan is refused. */
export async function runScan(session: Session, options: { ocr?: boolean } = {}): Promise<ScanResultJson> {
  const ws = session.require();
  if (session.scan) throw new ApiFailure('busy', 'A scan is already running; wait for it or cancel it.');
  const controller = new AbortController();
  session.scan = controller;
  let last = 0;
  const onProgress = (p: ScanProgress): void => {
    const now = Date.now();
    // At most ~8 events a second: enough for a smooth bar without flooding the UI.
    if (p.phase === (session.progress.phase as string) && now - last < 120 && p.current !== p.total) return;
    last = now;
    session.setProgress({ running: p.phase !== 'done', phase: p.phase as IndexPhase, current: p.current, total: p.total, path: p.path ?? null });
  };
  try {
    session.setProgress({ running: true, phase: 'listing', current: 0, total: 0, path: null });
    const report = await scanWorkspace(ws, { signal: controller.signal, onProgress, ...(options.ocr !== undefined ? { ocr: options.ocr } : {}) });
    const result: ScanResultJson = { ...report, cancelled: controller.signal.aborted };
    session.emit('index:done', result);
    return result;
  } finally {
    session.scan = null;
    session.setProgress({ ...session.progress, running: false, phase: 'done' });
  }
}

/** Background scan (after open or sample): its failure is shown, never lost. */
function scanInBackground(session: Session): void {
  runScan(session).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    session.emit('app:error', { message: `Scan failed: ${message}`, detail: session.current()?.dir ?? null });
  });
}

export const workspaceHandlers: HandlerGroup<
  | 'app:info'
  | 'packs:list'
  | 'workspace:current'
  | 'workspace:create'
  | 'workspace:open'
  | 'workspace:sample'
  | 'workspace:close'
  | 'settings:update'
  | 'roots:add'
  | 'roots:remove'
  | 'index:scan'
  | 'index:cancel'
  | 'index:progress'
> = {
  'app:info': async (_args, { session }) => {
    const eng = await optionalEngine();
    return {
      version: appVersion(),
      shell: session.shell,
      appDataDir: appDataDir(),
      platform: `${os.platform()} ${os.arch()}`,
      recent: session.recent(),
      features: { status: true, review: true, offices: true, bundle: true, watch: !!eng.watch },
    };
  },
  'packs:list': () => listPacks(),
  'workspace:current': (_args, { session }) => (session.current() ? session.info() : null),
  'workspace:create': async (args, { session }) => {
    const dir = absolute(args.dir, 'The workspace folder');
    const pack = await getPack(args.packId);
    const ws = Workspace.create(dir, { pack, year: args.year ?? null, unit: args.unit ?? null });
    session.setWorkspace(ws);
    return session.info();
  },
  'workspace:open': (args, { session }) => {
    const ws = Workspace.open(absolute(args.dir, 'The workspace folder'));
    session.setWorkspace(ws);
    return session.info();
  },
  'workspace:sample': async (args, { session }) => {
    const base = path.join(appDataDir(), 'samples', `mau-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    const pack = await getPack(SAMPLE_PACK_ID);
    session.setProgress({ running: true, phase: 'listing', current: 0, total: args.documents ?? 30, path: null });
    const evidence = await writeSampleEvidence(path.join(base, 'Tài liệu kiểm chứng'), pack, args.documents ?? 30, (done, total) =>
      session.setProgress({ running: true, phase: 'listing', current: done, total, path: null }),
    );
    const ws = Workspace.create(path.join(base, 'workspace'), { pack, year: 2023, unit: 'Sở Y tế tỉnh Trà Vinh (mẫu)' });
    addRoot(ws, evidence.dir, { office: 'Văn phòng Sở' });
    session.setWorkspace(ws);
    scanInBackground(session);
    return session.info();
  },
  'workspace:close': (_args, { session }) => {
    session.setWorkspace(null);
    return null;
  },
  'settings:update': (args, { session }) => session.updateSettings(args),
  'roots:add': (args, { session }) => {
    const ws = session.require();
    addRoot(ws, absolute(args.dir, 'The evidence folder'), { office: args.office ?? null, polling: args.polling ?? false });
    const info = session.info();
    session.emit('workspace:changed', info);
    return info;
  },
  'roots:remove': (args, { session }) => {
    const ws = session.require();
    const dir = absolute(args.dir, 'The evidence folder');
    if (!listRoots(ws).some((r) => r.path === dir)) throw new ApiFailure('not-found', `${dir} is not an evidence folder of this workspace.`);
    removeRoot(ws, dir);
    const info = session.info();
    session.emit('workspace:changed', info);
    return info;
  },
  'index:scan': (args, { session }) => runScan(session, args.ocr !== undefined ? { ocr: args.ocr } : {}),
  'index:cancel': (_args, { session }) => {
    session.scan?.abort();
    return null;
  },
  'index:progress': (_args, { session }) => session.progress,
};
