// The scan's stages as functions, so the scan and the watcher compose them the same way:
// index (list and read files: index-stage.ts), recognise (header fields from what was read),
// OCR (scans without a usable text layer) and classify (links to criteria).
import { classifyWorkspace, type ClassifyReport } from '../classify/classify.js';
import { classifyPending, type PendingClassifyReport } from '../classify/state.js';
import { runOcrPhase, type OcrPhaseOptions, type OcrReport } from '../ocr/ocr-phase.js';
import type { Workspace } from '../workspace/workspace.js';
import { headerOf } from '../recognize/header-of.js';

export { indexFiles, createIndexPool, type IndexOptions, type IndexPool, type IndexProgress, type IndexReport } from './index-stage.js';

/**
 * Recognise the header again and refresh the search row of every document holding `sha256`
 * (after OCR), or of every OCR'd document saved since `ocrSince` (contents re-read by a newer
 * analyzer, whose header OCR found before). One transaction.
 */
export function recogniseDocuments(ws: Workspace, where: { sha256: string } | { ocrSince: string }): number {
  const docs = 'sha256' in where ? ws.reader.documents.placedWithSha(where.sha256) : ws.reader.documents.placedOcrSince(where.ocrSince);
  ws.writer.transaction(() => {
    for (const d of docs) {
      const content = ws.reader.contents.get(d.sha256);
      if (content) ws.writer.refreshDocument(d, headerOf(content, d.relPath), content);
    }
  });
  return docs.length;
}

/** OCR of pending scans; each result and the documents it recognises anew are one transaction. */
export function ocrStage(ws: Workspace, options: Omit<OcrPhaseOptions, 'onRead'>): Promise<OcrReport> {
  return runOcrPhase(ws, { ...options, onRead: (sha256) => void recogniseDocuments(ws, { sha256 }) });
}

/**
 * Links to criteria of `documentIds` (those a narrow run wrote), or of whatever changed since the
 * last classification (nothing: skipped; a pack, setting or root change: everything).
 */
export function classifyStage(ws: Workspace, documentIds?: readonly string[]): ClassifyReport | PendingClassifyReport {
  return documentIds ? classifyWorkspace(ws, documentIds) : classifyPending(ws);
}

/** Documents written (indexed, or recognised again after OCR) since an ISO time. */
export function documentsWrittenSince(ws: Workspace, iso: string): string[] {
  return ws.reader.documents.idsWrittenSince(iso);
}
