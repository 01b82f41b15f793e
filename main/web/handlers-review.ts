// Reviewer actions (links, decisions, self-score) and the export bundle.
import type { ExportResultJson, VerifyJson } from '../../shared/api.js';
import { exportBundle, verifyBundle } from '../engine/bundle/index.js';
import { computeStatus } from '../engine/completeness/status.js';
import { assignDocument, reviewDocument, setScore, unassignDocument } from '../engine/review/review.js';
import { ApiFailure } from './failure.js';
import type { HandlerGroup } from './handlers.js';
import { readableFile, writableOutput } from './paths.js';

function toVerify(raw: unknown): VerifyJson {
  const r = (raw ?? {}) as Partial<VerifyJson>;
  return { ok: r.ok === true, entries: typeof r.entries === 'number' ? r.entries : 0, problems: Array.isArray(r.problems) ? r.problems : [] };
}

export const reviewHandlers: HandlerGroup<'review:assign' | 'review:unassign' | 'review:decide' | 'review:score' | 'bundle:export' | 'bundle:verify'> = {
  'review:assign': (args, { session }) => assignDocument(session.require(), args.doc, args.code),
  'review:unassign': (args, { session }) => unassignDocument(session.require(), args.doc, args.code),
  'review:decide': (args, { session }) => reviewDocument(session.require(), args.doc, args.code, args.decision, args.note ?? null),
  'review:score': (args, { session }) => {
    const ws = session.require();
    setScore(ws, args.code, { points: args.points, ...(args.explanation !== undefined ? { explanation: args.explanation } : {}) });
    return computeStatus(ws).criteria.find((c) => c.code === args.code) ?? null;
  },
  'bundle:export': async (args, { session }) => {
    const ws = session.require();
    const out = writableOutput(ws, args.out, '.zip', 'The bundle file');
    const since = args.since ? readableFile(args.since, '.zip', 'The previous bundle') : null;
    if (session.bundleRunning) throw new ApiFailure('busy', 'An export is already running.');
    session.bundleRunning = true;
    try {
      session.emit('bundle:progress', { phase: 'preparing', current: 0, total: 0 });
      const r = await exportBundle(ws, { out, since, mergedPdf: args.mergedPdf ?? false, onProgress: (p) => session.emit('bundle:progress', p) });
      session.emit('bundle:progress', { phase: 'verifying', current: 0, total: 0 });
      // Re-read with the independent reader: the user sees the verify result, not just "done".
      const verify = toVerify(await verifyBundle(out));
      const result: ExportResultJson = { out: r.out, entries: r.entries, bytes: r.bytes, durationMs: r.durationMs, verify };
      return result;
    } finally {
      session.bundleRunning = false;
    }
  },
  'bundle:verify': async (args) => toVerify(await verifyBundle(readableFile(args.file, '.zip', 'The bundle'))),
};
