// One scan of the workspace, composed of its stages (stages.ts): index every evidence root (or
// the watcher's scope), recognise again what a newer analyzer re-read, OCR the scans, classify.
import type { ClassifyReport } from '../classify/classify.js';
import type { OcrReport } from '../ocr/ocr-phase.js';
import type { Workspace } from '../workspace/workspace.js';
import { classifyStage, indexFiles, ocrStage, recogniseDocuments, type IndexOptions, type IndexReport } from './stages.js';

export { createIndexPool, type IndexPool } from './stages.js';

export interface ScanProgress {
  phase: 'listing' | 'indexing' | 'ocr-header' | 'ocr-pages' | 'done';
  current: number;
  total: number;
  path?: string;
}

export interface ScanOptions extends Omit<IndexOptions, 'onProgress'> {
  onProgress?: (p: ScanProgress) => void;
  /** OCR of scans after indexing; defaults to the workspace setting `ocr` (`scan --no-ocr` turns it off). */
  ocr?: boolean;
  ocrWorkers?: number;
}

export type ScanReport = Omit<IndexReport, 'toRead' | 'read'> & {
  /** Links to criteria after this scan (null when the scan was cancelled). */
  classification: ClassifyReport | null;
  durationMs: number;
  /** What the OCR phase read in this scan (all zero when OCR is off or nothing was pending). */
  ocr?: OcrReport;
};

export async function scanWorkspace(ws: Workspace, options: ScanOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  const since = new Date(started).toISOString();
  const progress = options.onProgress ?? (() => undefined);
  const { ocr: ocrOption, ocrWorkers, ...indexOptions } = options;
  const { toRead, read, ...indexed } = await indexFiles(ws, { ...indexOptions, onProgress: progress });
  const report: ScanReport = { ...indexed, classification: null, durationMs: 0 };
  // Contents re-read by a newer analyzer were rewritten from their text layer: give their
  // documents the header OCR found before (not OCR again: it is cached).
  recogniseDocuments(ws, { ocrSince: since });
  // OCR of scans, cached by sha256; before classification so that it reads what OCR found.
  report.ocr = await ocrStage(ws, {
    enabled: (ocrOption ?? ws.settings().ocr) && !options.signal?.aborted,
    onProgress: progress,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(ocrWorkers ? { workers: ocrWorkers } : {}),
  });
  // Classification last: it reads the recognised headers and text (OCR included), and re-links
  // only what changed since the last classification, in this process or another (a narrow run's
  // writes, a full scan's new, changed and moved files; nothing at all: skipped). Links are
  // computed per document, so the others keep theirs.
  if (!options.signal?.aborted) report.classification = classifyStage(ws);
  report.durationMs = Date.now() - started;
  progress({ phase: 'done', current: read, total: toRead });
  return report;
}
