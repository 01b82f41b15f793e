// index:* — scanning the evidence folders (the API's "index" domain; not a barrel file).
import type { ScanResultJson } from '../../shared/api.js';
import type { ScanProgress } from '../engine/scan/reconcile.js';
import { throttled } from './progress.js';
import { defineDomain } from './registry.js';
import type { Session } from './session.js';

/** One scan as the session's 'scan' job, with throttled progress events and an `index:done`. */
export async function runScan(session: Session, options: { ocr?: boolean } = {}): Promise<ScanResultJson> {
  const ws = session.require();
  return session.jobs.runExclusive('scan', async (signal) => {
    // Loaded on demand: the scan pulls in the PDF reader and the worker pools.
    const { scanWorkspace } = await import('../engine/scan/reconcile.js');
    const onProgress = throttled((p: ScanProgress) =>
      session.setIndexProgress({ running: p.phase !== 'done', phase: p.phase, current: p.current, total: p.total, path: p.path ?? null }),
    );
    try {
      session.setIndexProgress({ running: true, phase: 'listing', current: 0, total: 0, path: null });
      const report = await scanWorkspace(ws, { signal, onProgress, ...(options.ocr !== undefined ? { ocr: options.ocr } : {}) });
      const result: ScanResultJson = { ...report, cancelled: signal.aborted };
      session.emit('index:done', result);
      return result;
    } finally {
      session.setIndexProgress({ ...session.indexProgress(), running: false, phase: 'done' });
    }
  });
}

/** Background scan (after the sample is built): its failure is shown, never lost. */
export function scanInBackground(session: Session): void {
  runScan(session).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    session.emit('app:error', { message: `Scan failed: ${message}`, detail: session.current()?.dir ?? null });
  });
}

export const indexDomain = defineDomain('index', {
  'index:scan': (args, { session }) => runScan(session, args.ocr !== undefined ? { ocr: args.ocr } : {}),
  'index:cancel': (_args, { session }) => {
    session.jobs.cancel('scan');
    return null;
  },
  'index:progress': (_args, { session }) => session.indexProgress(),
});
