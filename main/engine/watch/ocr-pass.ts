// OCR while watching runs apart from indexing: reading a scan takes seconds per page, and new
// files must not wait behind it. The watcher indexes with OCR off, then, when nothing else is
// ready, runs the scan's OCR phase alone (a reconcile of no root) and aborts it as soon as new
// work is ready; OCR results are cached by sha256 as each completes, so the next pass goes on
// where this one stopped.
import { describeError } from '../errors.js';
import { classifyWorkspace } from '../classify/classify.js';
import { scanWorkspace, type IndexPool } from '../scan/reconcile.js';
import type { Workspace } from '../workspace/workspace.js';
import { now, type WatchEvent } from './events.js';

/** Returns false when the pass was interrupted and more OCR may be pending. */
export async function runOcrPass(ws: Workspace, pool: IndexPool, signal: AbortSignal, emit: (e: WatchEvent) => void): Promise<boolean> {
  const started = new Date().toISOString();
  try {
    const report = await scanWorkspace(ws, { only: [], ocr: true, signal, pool });
    const ocr = report.ocr;
    if (ocr) {
      for (const f of ocr.failed) emit({ event: 'error', at: now(), path: f.path.normalize('NFC'), message: `OCR: ${f.message}` });
      if (ocr.headers > 0 || ocr.documents > 0) {
        emit({ event: 'ocr', at: now(), headers: ocr.headers, documents: ocr.documents, pages: ocr.pages, durationMs: ocr.durationMs });
      }
    }
    if (!signal.aborted) return true;
  } catch (e) {
    emit({ event: 'error', at: now(), path: null, message: `OCR stopped: ${describeError(e)}` });
  }
  // Interrupted: the scan skipped classification, so classify what OCR rewrote before stopping.
  const written = (ws.db.prepare('SELECT id FROM documents WHERE indexed_at >= ?').all(started) as { id: string }[]).map((r) => r.id);
  if (written.length > 0) classifyWorkspace(ws, written);
  return false;
}
