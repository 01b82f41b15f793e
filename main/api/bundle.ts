// bundle:* — the export for the Sở Nội vụ (CONTRACTS.md §4) as the session's 'export' job
// (cancellable with bundle:cancel), then read back by the independent verifier; and verify alone.
// The bundle modules (pdf-lib, zip, reports) load on first use.
import type { BundleProgress, ExportResultJson } from '../../shared/api.js';
import { absolute } from './paths.js';
import { throttled } from './progress.js';
import { defineDomain } from './registry.js';

const bundle = () => import('../engine/bundle/index.js');

export const bundleDomain = defineDomain('bundle', {
  'bundle:export': async (args, { session }) => {
    const ws = session.require();
    // The engine refuses destinations inside an evidence folder or over the database.
    const out = absolute(args.out, 'bundle:export', 'out');
    let since = args.since !== undefined ? absolute(args.since, 'bundle:export', 'since') : null;
    return session.jobs.runExclusive('export', async (signal) => {
      const { exportBundle, verifyBundle } = await bundle();
      // A submission named instead of a file (issue 15): the file it was written to, checked by its SHA-256.
      if (args.sinceSubmission !== undefined) since = await (await import('../engine/bundle/submissions.js')).submissionFile(ws, args.sinceSubmission);
      const progress = throttled((p: BundleProgress) => session.emit('bundle:progress', p));
      progress({ phase: 'preparing', current: 0, total: 0 });
      const r = await exportBundle(ws, { out, since, mergedPdf: args.mergedPdf ?? false, signal, onProgress: progress, ...(args.batch ? { batch: args.batch } : {}) });
      let verify: ExportResultJson['verify'] = null;
      if (args.verify ?? true) {
        progress({ phase: 'verifying', current: 0, total: 1 });
        // Read back with the independent reader: the user sees the verify result, not just "done".
        verify = await verifyBundle(r.out);
        progress({ phase: 'verifying', current: 1, total: 1 });
      }
      return { ...r, verify };
    });
  },
  'bundle:verify': async (args) => (await bundle()).verifyBundle(absolute(args.file, 'bundle:verify', 'file')),
  'bundle:cancel': (_args, { session }) => {
    session.jobs.cancel('export');
    return null;
  },
});
