// The OCR phase of a scan: after indexing, PDFs whose text layer is missing or unusable (none,
// sparse, mojibake, no-diacritics) are read by OCR in a small pool of workers. First the top of
// page 1 of every pending document (its header: number, type, date, place feed the recognizer
// with source 'ocr'), then every page for search. Results are cached on the content (sha256), so
// a rescan, a copy or a rename never reads the same bytes twice; a failure is recorded once.
// Memory stays flat however many scans arrive: the queue holds hashes, and only a fixed number
// of pages is in flight (one per OCR worker, plus one waiting).
import os from 'node:os';
import path from 'node:path';
import type { DataReader, DataWriter } from '../db/data.js';
import { describeError } from '../errors.js';
import { JobTimeoutError, WorkerCrashError, WorkerPool, workerScript } from '../workers/worker-pool.js';
import { appendHandwriting, type HandwrittenReading } from './handwritten-slots.js';
import { worthOcr } from './layer-language.js';
import { DEFAULT_OCR_SETTINGS, type OcrJob, type OcrJobResult, type OcrSettings } from './ocr-jobs.js';
import { OCR_VERSION } from './tesseract-engine.js';

export interface OcrProgress {
  phase: 'ocr-header' | 'ocr-pages';
  current: number;
  total: number;
  path?: string;
}

export interface OcrPhaseOptions {
  /** false (workspace setting `ocr`, `scan --no-ocr`): read nothing, keep pending documents for later. */
  enabled: boolean;
  onProgress?: (p: OcrProgress) => void;
  signal?: AbortSignal;
  /** OCR workers; each holds a tesseract instance of ~200 MB. */
  workers?: number;
  settings?: Partial<OcrSettings>;
  /** Pages read for search per document; a longer scan is searchable on its first pages only. */
  maxPages?: number;
  /**
   * Called inside the transaction that stores an OCR result, so the documents holding these bytes
   * are recognised again with it (the scan's recognise stage) in the same transaction.
   */
  onRead?: (sha256: string) => void;
  headerTimeoutMs?: number;
  pageTimeoutMs?: number;
}

export interface OcrReport {
  /** Documents (distinct contents) whose header was read by OCR in this run. */
  headers: number;
  /** Documents whose every page was read in this run. */
  documents: number;
  pages: number;
  failed: { path: string; message: string }[];
  durationMs: number;
}

export const DEFAULT_MAX_PAGES = 60;
const WORKER_MEMORY_BYTES = 512 * 1024 * 1024;
/** A page takes ~2.5 s; on a machine loaded 5× over it took 30 s. Beyond this it is stuck. */
const TIMEOUT_MS = 180_000;

/** One OCR worker per core, at most 4, and no more than free memory holds comfortably. */
export function defaultOcrWorkers(): number {
  const byMemory = Math.floor(os.freemem() / WORKER_MEMORY_BYTES);
  return Math.max(1, Math.min(os.availableParallelism(), 4, byMemory));
}

type ReadOutcome = { kind: 'ok'; text: string; path: string; handwritten?: HandwrittenReading } | { kind: 'gone' } | { kind: 'failed'; path: string; message: string };

/** What the OCR stage reads and writes: the OCR cache on `contents`, and where documents are. */
export interface OcrData {
  reader: Pick<DataReader, 'contents' | 'documents'>;
  writer: Pick<DataWriter, 'contents' | 'transaction'>;
}

export async function runOcrPhase(data: OcrData, options: OcrPhaseOptions): Promise<OcrReport> {
  const started = Date.now();
  const report: OcrReport = { headers: 0, documents: 0, pages: 0, failed: [], durationMs: 0 };
  const signal = options.signal;
  const progress = options.onProgress ?? (() => undefined);
  if (!options.enabled || signal?.aborted) return finish(report, started);
  const { contents } = data.reader;
  const w = data.writer;
  /** One OCR result and what it changes in the documents holding the bytes: one transaction. */
  const save = (sha256: string, write: () => void): void => w.transaction(() => (write(), options.onRead?.(sha256)));

  const headers = contents.pendingOcr('header', OCR_VERSION).filter((c) => {
    if (worthOcr(c.text_quality, c.sample)) return true;
    w.contents.saveOcrFailure(c.sha256, 'not read by OCR: its text layer has no diacritics and is not Vietnamese', OCR_VERSION, 'skipped');
    return false;
  });
  if (headers.length === 0 && contents.pendingOcr('pages', OCR_VERSION).length === 0) return finish(report, started);

  const settings: OcrSettings = { ...DEFAULT_OCR_SETTINGS, ...options.settings };
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const pool = new WorkerPool<OcrJob, OcrJobResult>(workerScript(import.meta.url, 'ocr-worker'), {
    size: options.workers ?? defaultOcrWorkers(),
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  // Cancel at once: in-flight pages are abandoned (their workers terminated), nothing half-read is saved.
  const onAbort = (): void => void pool.close();
  signal?.addEventListener('abort', onAbort, { once: true });

  const read = async (sha256: string, type: OcrJob['type'], page: number, timeoutMs: number): Promise<ReadOutcome> => {
    let failure: ReadOutcome = { kind: 'gone' };
    for (const { root, relPath } of data.reader.documents.locationsOf(sha256)) {
      const path = join(root, relPath);
      try {
        const r = await pool.run({ type, path, sha256, page, settings }, timeoutMs);
        if (r.changed) continue; // edited since it was indexed: the next scan indexes it again
        return { kind: 'ok', text: r.text, path, ...(r.handwritten ? { handwritten: r.handwritten } : {}) };
      } catch (e) {
        if (/ENOENT/.test(describeError(e))) continue;
        const message = e instanceof JobTimeoutError || e instanceof WorkerCrashError ? `OCR ${e.message}` : `OCR failed: ${describeError(e)}`;
        failure = { kind: 'failed', path, message };
        break;
      }
    }
    return failure;
  };

  try {
    // 1. Headers, for every pending document, before any body page.
    let done = 0;
    await lanes(headers, pool.size + 1, signal, async ({ sha256 }) => {
      const r = await read(sha256, 'header', 1, options.headerTimeoutMs ?? TIMEOUT_MS);
      if (signal?.aborted) return;
      if (r.kind === 'ok') {
        save(sha256, () => w.contents.saveOcrHeader(sha256, appendHandwriting(r.text, r.handwritten), OCR_VERSION));
        report.headers++;
      } else if (r.kind === 'failed') {
        save(sha256, () => w.contents.saveOcrFailure(sha256, r.message, OCR_VERSION, 'failed'));
        report.failed.push({ path: r.path, message: r.message });
      }
      progress({ phase: 'ocr-header', current: ++done, total: headers.length, ...(r.kind === 'gone' ? {} : { path: r.path }) });
    });
    if (signal?.aborted) return finish(report, started);

    // 2. Every page, for search. Pages of one document go to several workers at once.
    const docs = contents.pendingOcr('pages', OCR_VERSION).map((d) => ({ ...d, read: Math.min(d.pages, maxPages) }));
    const total = docs.reduce((n, d) => n + d.read, 0);
    const jobs = docs.flatMap((d) => Array.from({ length: d.read }, (_, i) => ({ doc: d, page: i + 1 })));
    const collected = new Map<string, { texts: string[]; left: number; errors: string[]; gone: boolean; path: string | null }>();
    let pagesDone = 0;
    await lanes(jobs, pool.size + 1, signal, async ({ doc, page }) => {
      let c = collected.get(doc.sha256);
      if (!c) collected.set(doc.sha256, (c = { texts: [], left: doc.read, errors: [], gone: false, path: null }));
      const r = c.gone ? ({ kind: 'gone' } as const) : await read(doc.sha256, 'page', page, options.pageTimeoutMs ?? TIMEOUT_MS);
      if (signal?.aborted) return;
      if (r.kind === 'ok') {
        c.texts[page - 1] = r.text;
        c.path = r.path;
      } else if (r.kind === 'failed') {
        c.errors.push(`page ${page}: ${r.message}`);
        c.path = r.path;
      } else c.gone = true;
      report.pages++;
      progress({ phase: 'ocr-pages', current: ++pagesDone, total, ...(c.path ? { path: c.path } : {}) });
      if (--c.left > 0) return;
      collected.delete(doc.sha256);
      if (c.gone) return; // moved or edited meanwhile: read again by a later scan
      if (doc.pages > doc.read) c.errors.push(`only the first ${doc.read} of ${doc.pages} pages were read`);
      const fullText = c.texts.map((t) => t ?? '').join('\n\n');
      save(doc.sha256, () => w.contents.saveOcrPages(doc.sha256, fullText, c.errors.length ? c.errors.join('; ') : null));
      report.documents++;
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  return finish(report, started);
}

/** An absolute path from a root and a stored (posix) relative path. */
function join(root: string, relPath: string): string {
  return path.join(root, ...relPath.split('/'));
}

function finish(report: OcrReport, started: number): OcrReport {
  report.durationMs = Date.now() - started;
  return report;
}

/** Run `work` over `items` with at most `width` in flight, stopping early on abort. */
async function lanes<T>(items: readonly T[], width: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      await work(items[next++] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
}
