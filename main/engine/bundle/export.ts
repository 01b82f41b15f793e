// kiemchung export: the bundle for the Sở Nội vụ (CONTRACTS.md §4). Order inside the zip:
// the originals folder by folder, the four reports (built meanwhile in a worker thread), the merged review PDFs (--merged-pdf), then
// manifest.json and SHA256SUMS, both built from what was actually written.
import fs from 'node:fs';
import path from 'node:path';
import { mergedEntryPath } from '../../../shared/bundle-names.js';
import { appVersion } from '../app-version.js';
import { UserError } from '../errors.js';
import { checkDestination } from '../workspace/destination.js';
import type { Workspace } from '../workspace/workspace.js';
import { collectBundleInput } from './collect.js';
import { planBundle } from './plan.js';
import { buildReportModel } from './report-model.js';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../workers/worker-pool.js';
import type { BuiltReport } from './reports-worker.js';
import type { ReportModel } from './report-model.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleManifest, type ExportOptions, type ExportProgress, type ExportResult, type ManifestCriterion } from './types.js';
import { readBundleManifest } from './verify.js';
import { BundleZipWriter, ExportCancelledError } from './zip-write.js';
import { defaultBatchLabel, planAnswers, sha256File } from './submissions.js';

/** Refuses destinations that would write into evidence or over the workspace database. */
export function checkBundleDestination(ws: Workspace, out: string): string {
  return checkDestination(ws, out, { what: 'the bundle', intoEvidenceKind: 'export.into-evidence', example: 'ho-so-cchc.zip' });
}

async function checkFreeSpace(dir: string, needed: number): Promise<void> {
  const s = await fs.promises.statfs(dir).catch(() => null);
  if (!s) return;
  const free = s.bavail * s.bsize;
  // Reports, manifest and zip headers add a little to the originals; keep a margin.
  if (free < needed * 1.02 + (8 << 20)) {
    const mb = (n: number): string => `${Math.ceil(n / (1 << 20))} MB`;
    throw new UserError(`not enough disk space in ${dir}: the bundle needs about ${mb(needed)}, ${mb(free)} is free. Nothing was written.`, { kind: 'export.no-space', params: { path: dir, neededMb: Math.ceil(needed / (1 << 20)), freeMb: Math.floor(free / (1 << 20)) } });
  }
}

/** Builds the reports in a worker thread; falls back to this thread if no worker can start. */
function reportsInWorker(model: ReportModel): Promise<BuiltReport[]> {
  // pdf-lib, fontkit and exceljs load only in the worker (or here on fallback): ~100 MB less RSS.
  const inThread = async (): Promise<BuiltReport[]> => (await import('./reports-worker.js')).buildReports(model);
  let worker: Worker;
  try {
    // A small young generation makes the worker collect often: its peak RSS stays near its live
    // data (~60 MB for 2,000 rows) instead of growing with garbage while the originals stream.
    worker = new Worker(workerScript(import.meta.url, 'reports-worker'), {
      workerData: { kind: 'bundle-reports', model },
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 512 },
    });
  } catch {
    return inThread();
  }
  return new Promise<BuiltReport[]>((resolve, reject) => {
    let settled = false;
    worker.once('message', (msg: { ok: true; reports: BuiltReport[] } | { ok: false; message: string }) => {
      settled = true;
      void worker.terminate();
      if (msg.ok) resolve(msg.reports);
      else reject(new Error(`building the reports failed: ${msg.message}`));
    });
    // Out of memory or any crash: build them here instead (slower, but the export completes).
    const fallback = (): void => {
      if (settled) return;
      settled = true;
      inThread().then(resolve, reject);
    };
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}

export async function exportBundle(ws: Workspace, options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const signal = options.signal;
  const progress = (p: ExportProgress): void => options.onProgress?.(p);
  const out = checkBundleDestination(ws, options.out);
  progress({ phase: 'preparing', current: 0, total: 1 });
  const previous = options.since ? await readBundleManifest(path.resolve(options.since)) : null;
  const input = collectBundleInput(ws);
  const plan = planBundle(input, previous?.manifest ?? null);
  const evidence = plan.criteria.flatMap((c) => c.evidence);
  await checkFreeSpace(path.dirname(out), evidence.reduce((s, e) => s + e.doc.size, 0));
  if (signal?.aborted) throw new ExportCancelledError();

  const batch = options.batch?.trim() || defaultBatchLabel(ws);
  const answered = previous ? planAnswers(ws, plan.criteria, previous.manifest) : { answers: [], byPath: new Map<string, string[]>() };
  const supplement = previous ? { file: path.basename(options.since ?? ''), date: previous.manifest.createdAt ?? null } : null;
  const model = buildReportModel(input, plan, now, supplement, answered.byPath);
  const writer = await BundleZipWriter.open(out, signal);
  try {
    // The reports are built in a worker while the originals stream, then written after them.
    const reports = reportsInWorker(model);
    reports.catch(() => undefined); // observed below; never an unhandled rejection meanwhile
    progress({ phase: 'originals', current: 0, total: evidence.length });
    // A few files in flight: the next ones are opened and their first chunk read while the current one is written.
    const inFlight: Promise<unknown>[] = [];
    let copied = 0;
    for (const e of evidence) {
      const { done } = await writer.queueFile(e.doc.path, e.path, { sha256: e.doc.sha256, size: e.doc.size }, new Date(e.doc.mtime));
      const settled = done.then(() => progress({ phase: 'originals', current: ++copied, total: evidence.length }));
      settled.catch(() => undefined); // awaited in order below; a failure also fails every later wait
      inFlight.push(settled);
      if (inFlight.length >= 6) await inFlight.shift();
    }
    for (const p of inFlight) await p;

    progress({ phase: 'reports', current: 0, total: 4 });
    const built = await reports;
    for (const [i, r] of built.entries()) {
      await writer.addBuffer(Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), r.name, { compress: false, mtime: now });
      progress({ phase: 'reports', current: i + 1, total: built.length });
    }

    const merged: ExportResult['merged'] = [];
    const mergedByCode = new Map<string, NonNullable<ManifestCriterion['merged']>>();
    if (options.mergedPdf) {
      const { buildMergedPdf } = await import('./merged-pdf.js');
      const targets = plan.criteria.filter((c) => c.criterion.leaf && c.evidence.length > 0);
      progress({ phase: 'merging', current: 0, total: targets.length });
      for (const [i, { criterion, evidence: items }] of targets.entries()) {
        if (signal?.aborted) throw new ExportCancelledError();
        const result = await buildMergedPdf(criterion, items, { unit: input.unit, year: input.year, createdAt: now, ...(signal ? { signal } : {}) });
        if (signal?.aborted) throw new ExportCancelledError();
        const entryPath = mergedEntryPath(criterion.code);
        await writer.addBuffer(Buffer.from(result.bytes), entryPath, { compress: false, mtime: now });
        mergedByCode.set(criterion.code, { path: entryPath, pages: result.pages, omitted: result.omitted });
        merged.push({ code: criterion.code, path: entryPath, pages: result.pages, omitted: result.omitted.length });
        progress({ phase: 'merging', current: i + 1, total: targets.length });
      }
    }

    progress({ phase: 'finishing', current: 0, total: 1 });
    const manifest: BundleManifest & { state?: typeof plan.state } = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      createdAt: now.toISOString(),
      app: { name: 'kiemchung', version: appVersion() },
      unit: input.unit,
      year: input.year,
      pack: input.pack,
      since: previous ? { file: path.basename(options.since ?? ''), sha256: previous.sha256, createdAt: previous.manifest.createdAt ?? null } : null,
      criteria: plan.criteria.map(({ criterion: c, evidence: items }) => ({
        code: c.code,
        title: c.title,
        maxPoints: c.maxPoints,
        selfScore: c.selfScore,
        explanation: c.explanation,
        status: c.status,
        evidence: items.map((e) => ({
          path: e.path,
          sha256: e.doc.sha256,
          size: e.doc.size,
          pages: e.doc.pages,
          number: e.doc.number,
          type: e.doc.type,
          date: e.doc.date,
          title: e.doc.title,
          issuer: e.doc.issuer,
          signatures: e.doc.signatures,
          signatureChecks: e.doc.signatureChecks,
          review: e.review,
          sourceRelPath: e.doc.relPath,
          ...(e.change ? { change: e.change } : {}),
          ...(answered.byPath.has(`${c.code}\n${e.path}`) ? { answers: answered.byPath.get(`${c.code}\n${e.path}`) ?? [] } : {}),
        })),
        ...(options.mergedPdf ? { merged: mergedByCode.get(c.code) ?? null } : {}),
      })),
      withdrawn: plan.withdrawn,
      files: writer.written.map((w) => ({ path: w.path, sha256: w.sha256, size: w.size })),
      batch,
      ...(previous ? { answers: answered.answers } : {}),
    };
    // A supplement's evidence lists hold only what it adds; `state` is the complete set after it,
    // so a later --since against this supplement compares with everything submitted so far.
    if (previous) manifest.state = plan.state;
    await writer.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), 'manifest.json', { compress: true, mtime: now });
    const sums = writer.written.map((w) => `${w.sha256}  ${w.path}\n`).join('');
    await writer.addBuffer(Buffer.from(sums, 'utf8'), 'SHA256SUMS', { compress: true, mtime: now });
    const entries = writer.written.length;
    const bytes = await writer.finish();
    // The bundle as submitted: its SHA-256 (read back from the file in place), its đợt, and the
    // requests it answers, which stop being open tasks.
    const sha256 = await sha256File(out);
    const at = new Date().toISOString();
    const submissionId = ws.writer.transaction(() => {
      for (const a of answered.answers) ws.writer.appraisalTasks.answer(a.request, sha256, at);
      return ws.writer.submissions.add({
        batch,
        created_at: now.toISOString(),
        sha256,
        path: out,
        bytes,
        since_sha256: previous?.sha256 ?? null,
        criteria: plan.criteria.filter((c) => c.evidence.length > 0).length,
        documents: evidence.length,
        withdrawn: plan.withdrawn.length,
        answers: answered.answers.length,
      });
    });
    progress({ phase: 'finishing', current: 1, total: 1 });
    return {
      sha256,
      submission: { id: submissionId, batch },
      answers: answered.answers.length,
      out,
      bytes,
      entries,
      criteria: plan.criteria.filter((c) => c.evidence.length > 0).length,
      documents: evidence.length,
      rejectedLinks: plan.rejectedLinks,
      skippedLinks: plan.skippedLinks,
      withdrawn: plan.withdrawn.length,
      merged,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
