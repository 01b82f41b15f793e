// Reviewer actions (links, decisions, self-score) and the export bundle.
import fs from 'node:fs';
import type { ExportResultJson, VerifyJson } from '../../shared/api.js';
import { computeStatus } from '../engine/completeness/status.js';
import { assignDocument, reviewDocument, setScore, unassignDocument } from '../engine/review/review.js';
import { ApiFailure } from './failure.js';
import type { HandlerGroup } from './handlers.js';
import { optionalEngine, type BundleModule } from './optional-engine.js';
import { readableFile, writableOutput } from './paths.js';

async function bundle(): Promise<BundleModule> {
  const eng = await optionalEngine();
  if (!eng.bundle) throw new ApiFailure('unavailable', 'The export bundle is not in this build yet (engine issue 6).');
  return eng.bundle;
}

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
    const since = args.since ? readableFile(args.since, '.zip', 'The previous bundle') : undefined;
    const mod = await bundle();
    if (session.bundleRunning) throw new ApiFailure('busy', 'An export is already running.');
    session.bundleRunning = true;
    const started = Date.now();
    try {
      const onProgress = (p: { phase?: string; current?: number; total?: number }): void =>
        session.emit('bundle:progress', { phase: p.phase ?? 'writing', current: p.current ?? 0, total: p.total ?? 0 });
      session.emit('bundle:progress', { phase: 'start', current: 0, total: 0 });
      const raw = (await mod.exportBundle(ws, { out, ...(since ? { since } : {}), mergedPdf: args.mergedPdf ?? false, onProgress })) as { entries?: number; files?: unknown[] } | undefined;
      const verify = typeof mod.verifyBundle === 'function' ? toVerify(await mod.verifyBundle(out)) : null;
      const result: ExportResultJson = {
        out,
        entries: typeof raw?.entries === 'number' ? raw.entries : Array.isArray(raw?.files) ? raw.files.length : (verify?.entries ?? null),
        bytes: fs.existsSync(out) ? fs.statSync(out).size : null,
        durationMs: Date.now() - started,
        verify,
      };
      session.emit('bundle:progress', { phase: 'done', current: 1, total: 1 });
      return result;
    } finally {
      session.bundleRunning = false;
    }
  },
  'bundle:verify': async (args) => {
    const file = readableFile(args.file, '.zip', 'The bundle');
    const mod = await bundle();
    if (typeof mod.verifyBundle !== 'function') throw new ApiFailure('unavailable', 'Bundle verification is not in this build yet (engine issue 6).');
    return toVerify(await mod.verifyBundle(file));
  },
};
