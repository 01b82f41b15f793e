// The scan's index stage: list every evidence root (or the watcher's scope of some), read new
// and changed files in the worker pool, recognise renamed or moved files by their hash (they keep
// their id), forget files that are gone. Files whose size, mtime and path are unchanged are not
// read at all. Each file's writes (content, document, search row) are one transaction.
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorKind } from '../../../shared/types.js';
import type { DocumentRow } from '../db/stores/documents.js';
import type { ContentRow } from '../db/stores/contents.js';
import { describeError } from '../errors.js';
import type { AnalyzeResult, HashResult, IndexJob, IndexJobResult } from '../pdf/analyze-jobs.js';
import { emptyAnalysis } from '../pdf/pdf-analyze.js';
import { JobTimeoutError, WorkerCrashError, WorkerPool, workerScript } from '../workers/worker-pool.js';
import { listRoots, type Root } from '../workspace/roots.js';
import type { Workspace } from '../workspace/workspace.js';
import { ANALYZER_VERSION, contentFromAnalysis } from './document-store.js';
import { headerOf } from '../recognize/header-of.js';
import { scopeMatcher, statPaths, walkRoot, type RootScope, type WalkedFile, type WalkProblem } from './walk.js';

export interface IndexProgress {
  phase: 'listing' | 'indexing';
  current: number;
  total: number;
  path?: string;
}

export interface IndexOptions {
  onProgress?: (p: IndexProgress) => void;
  signal?: AbortSignal;
  poolSize?: number;
  /** Per-file analysis limit; defaults to the workspace setting. */
  fileTimeoutMs?: number;
  maxFileBytes?: number;
  /** Reconcile only these roots, and within each only its scope (the watcher's narrow entry point). */
  only?: readonly RootScope[];
  /** A pool kept open by the caller across runs (the watcher: no worker start-up per event). */
  pool?: IndexPool;
  /** Leave a file out of this run: not read, and its document neither updated nor removed. */
  defer?: (root: Root, relPath: string, file?: WalkedFile) => boolean;
}

export interface IndexReport {
  roots: number;
  files: number;
  unchanged: number;
  indexed: number;
  reused: number;
  moved: number;
  removed: number;
  errors: { path: string; kind: ErrorKind; message: string }[];
  problems: WalkProblem[];
  /** Files this run had to read (changed or new), and how many of them it finished. */
  toRead: number;
  read: number;
}

const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;
/** How much longer the second try of a file that overran its limit may take. */
const RETRY_TIMEOUT_FACTOR = 4;

export type IndexPool = WorkerPool<IndexJob, IndexJobResult>;

/** The worker pool that reads files for the index stage (one worker per core unless `size`). */
export function createIndexPool(size?: number): IndexPool {
  return new WorkerPool<IndexJob, IndexJobResult>(workerScript(import.meta.url, '../pdf/analyze-worker'), {
    ...(size ? { size } : {}),
    resourceLimits: { maxOldGenerationSizeMb: 384 },
  });
}

interface Candidate {
  root: Root;
  file: WalkedFile;
  existing: DocumentRow | undefined;
}

export async function indexFiles(ws: Workspace, options: IndexOptions = {}): Promise<IndexReport> {
  const { reader, writer } = ws;
  const fileTimeoutMs = options.fileTimeoutMs ?? ws.settings().fileTimeoutMs;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Read once per scan: a root added or removed meanwhile re-checks every signed content (engine/trust).
  const trustedRoots = reader.trustedRoots.all().map((r) => new Uint8Array(r.der));
  const report: IndexReport = { roots: 0, files: 0, unchanged: 0, indexed: 0, reused: 0, moved: 0, removed: 0, errors: [], problems: [], toRead: 0, read: 0 };
  const progress = options.onProgress ?? (() => undefined);

  // 1. List every root and split files into unchanged, changed/new, and gone.
  progress({ phase: 'listing', current: 0, total: 0 });
  const candidates: Candidate[] = [];
  const gone: DocumentRow[] = [];
  // A whole scan reads every document's stamp in one query; a narrow one only its roots'.
  let stampsByRoot: Map<number, DocumentRow[]> | undefined;
  if (!options.only) {
    stampsByRoot = new Map();
    for (const d of reader.documents.stamps()) {
      const list = stampsByRoot.get(d.root_id);
      if (list) list.push(d);
      else stampsByRoot.set(d.root_id, [d]);
    }
  }
  for (const root of listRoots(ws)) {
    const scope = options.only?.find((s) => s.rootId === root.id);
    if (options.only && !scope) continue;
    if (!isReadableDir(root.path)) {
      report.problems.push({ path: root.path, message: 'evidence folder is missing or unreadable; its documents are kept until it comes back' });
      continue;
    }
    report.roots++;
    const { files, problems } = scope?.relPaths ? await statPaths(root.path, scope.relPaths) : await walkRoot(root.path, [ws.dir]);
    report.problems.push(...problems);
    report.files += files.length;
    const inScope = scopeMatcher(scope);
    const stamps = stampsByRoot ? (stampsByRoot.get(root.id) ?? []) : reader.documents.ofRoot(root.id);
    const known = new Map(stamps.filter((d) => inScope(d.rel_path)).map((d) => [d.rel_path, d]));
    for (const file of files) {
      if (options.defer?.(root, file.relPath, file)) {
        known.delete(file.relPath);
        continue;
      }
      const existing = known.get(file.relPath);
      known.delete(file.relPath);
      const same = existing && existing.size === file.size && existing.mtime_ms === file.mtimeMs;
      // Contents read by an older analyzer are read again, once, after an upgrade.
      if (same && existing.analyzer_version === ANALYZER_VERSION) report.unchanged++;
      else candidates.push({ root, file, existing });
    }
    gone.push(...[...known.values()].filter((d) => !options.defer?.(root, d.rel_path)));
  }

  // 2. Read what needs reading in the worker pool, writing results as they arrive.
  const goneBySha = new Map<string, DocumentRow[]>();
  for (const d of gone) goneBySha.set(d.sha256, [...(goneBySha.get(d.sha256) ?? []), d]);
  const goneSizes = new Set(gone.map((d) => d.size));
  const knownSizes = reader.contents.sizes(ANALYZER_VERSION);
  // Started only when something needs reading: an unchanged rescan starts no worker at all.
  let ownPool: IndexPool | undefined;
  const pool = (): IndexPool => options.pool ?? (ownPool ??= createIndexPool(options.poolSize));
  const inFlight = new Map<string, Promise<ContentRow>>();
  let done = 0;

  const contentFor = (sha256: string): ContentRow | undefined => {
    const c = reader.contents.get(sha256);
    return c && c.analyzer_version === ANALYZER_VERSION ? c : undefined;
  };

  const analyzeOnce = async (abs: string, timeoutMs: number): Promise<{ sha256: string; size: number; content: ContentRow }> => {
    const r = (await pool().run({ type: 'analyze', path: abs, maxBytes, trustedRoots }, timeoutMs)) as AnalyzeResult;
    return { sha256: r.sha256, size: r.size, content: contentFromAnalysis(r.sha256, r.size, r.kind, r.analysis) };
  };

  const analyze = async (abs: string): Promise<{ sha256: string; size: number; content: ContentRow }> => {
    try {
      try {
        return await analyzeOnce(abs, fileTimeoutMs);
      } catch (e) {
        // On an old or busy PC a good file can overrun the limit: its verdict is kept until the
        // file changes, so one overrun must not make it "unreadable" for good. A second try with
        // a longer limit; a file that overruns that too is given up on below.
        if (!(e instanceof JobTimeoutError)) throw e;
        return await analyzeOnce(abs, fileTimeoutMs * RETRY_TIMEOUT_FACTOR);
      }
    } catch (e) {
      if (!(e instanceof JobTimeoutError || e instanceof WorkerCrashError)) throw e;
      // The reader gave up on this file: record why, under the file's hash, and go on.
      const h = (await pool().run({ type: 'hash', path: abs }, fileTimeoutMs * 3)) as HashResult;
      const failed = emptyAnalysis({ kind: 'unreadable', message: `could not be read: ${e.message}` });
      return { sha256: h.sha256, size: h.size, content: contentFromAnalysis(h.sha256, h.size, 'pdf', failed) };
    }
  };

  const processOne = async (c: Candidate): Promise<void> => {
    const abs = path.join(c.root.path, c.file.relPath);
    // Hash first only when the file could be a copy or a move of something already read;
    // otherwise read it once, hashing and analysing together.
    let sha256: string | null = null;
    let content: ContentRow | undefined;
    if (goneSizes.has(c.file.size) || knownSizes.has(c.file.size)) {
      sha256 = ((await pool().run({ type: 'hash', path: abs }, fileTimeoutMs * 3)) as HashResult).sha256;
      content = contentFor(sha256);
      if (!content && inFlight.has(sha256)) content = await inFlight.get(sha256);
    }
    let isNew = false;
    if (!content) {
      const pending = analyze(abs).then((r) => r.content);
      if (sha256) inFlight.set(sha256, pending);
      content = await pending;
      sha256 = content.sha256;
      isNew = !contentFor(sha256);
    }
    const sha = content.sha256;

    // Same bytes as a document that vanished from its old place: a rename or move (a failed
    // write keeps the old row: it is no longer counted as gone either way).
    let id = c.existing?.id;
    let moved = false;
    if (!id) {
      const was = goneBySha.get(sha)?.shift();
      if (was) {
        id = was.id;
        gone.splice(gone.indexOf(was), 1);
        moved = true;
      }
    }
    writer.saveFile(
      { ...(id ? { id } : {}), rootId: c.root.id, relPath: c.file.relPath, size: c.file.size, mtimeMs: c.file.mtimeMs, sha256: sha },
      headerOf(content, c.file.relPath),
      content,
      isNew,
    );
    // Counted once written: a file whose writes failed is a problem, not an indexed document.
    if (content.error_kind) report.errors.push({ path: abs, kind: content.error_kind as ErrorKind, message: content.error_message ?? '' });
    if (moved) report.moved++;
    if (isNew) report.indexed++;
    else if (!c.existing || c.existing.sha256 !== sha) report.reused++;
    progress({ phase: 'indexing', current: ++done, total: candidates.length, path: abs });
  };

  try {
    // Files are handed to the pool a few at a time so memory stays flat whatever the count.
    const limit = candidates.length === 0 ? 0 : pool().size * 2;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < candidates.length) {
        if (options.signal?.aborted) return;
        const c = candidates[next++] as Candidate;
        try {
          await processOne(c);
        } catch (e) {
          if (isMissingFile(e)) continue; // deleted between listing and reading: the next scan forgets it
          if (options.signal?.aborted) return; // stopped while in hand: not a problem, the next scan reads it
          report.problems.push({ path: path.join(c.root.path, c.file.relPath), message: describeError(e) });
        }
      }
    };
    const lanes = Promise.all(Array.from({ length: limit }, lane));
    // Stopped (Ctrl+C, Cancel): the files in hand are not waited for (a large PDF can take
    // seconds); closing the pool ends their analysis, and what was written stays written.
    await Promise.race([lanes, untilAborted(options.signal)]);
  } finally {
    await ownPool?.close();
  }

  // 3. Whatever vanished and was not found elsewhere is forgotten (never on cancel).
  if (!options.signal?.aborted) {
    writer.removeDocuments(gone);
    report.removed = gone.length;
  }
  report.toRead = candidates.length;
  report.read = done;
  return report;
}

/** Resolves when `signal` is aborted (never without one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function isReadableDir(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isMissingFile(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT' || /ENOENT/.test(describeError(e));
}
