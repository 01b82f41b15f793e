// OCR while watching runs apart from indexing: reading a scan takes seconds per page, and new
// files must not wait behind it. The watcher indexes with OCR off, then, when nothing else is
// ready, composes the scan's OCR and classify stages (scan/stages.ts) and aborts the OCR as soon
// as new work is ready; OCR results are cached by sha256 as each completes, so the next pass goes
// on where this one stopped.
import { describeError } from '../errors.js';
import { classifyStage, documentsWrittenSince, ocrStage } from '../scan/stages.js';
import type { Workspace } from '../workspace/workspace.js';
import { now, type WatchEvent } from './events.js';

/** Returns false when the pass was interrupted and more OCR may be pending. */
export async function runOcrPass(ws: Workspace, signal: AbortSignal, emit: (e: WatchEvent) => void): Promise<boolean> {
  const started = new Date().toISOString();
  let finished = false;
  try {
    const ocr = await ocrStage(ws, { enabled: true, signal });
    for (const f of ocr.failed) emit({ event: 'error', at: now(), path: f.path.normalize('NFC'), message: `OCR: ${f.message}` });
    if (ocr.headers > 0 || ocr.documents > 0) {
      emit({ event: 'ocr', at: now(), headers: ocr.headers, documents: ocr.documents, pages: ocr.pages, durationMs: ocr.durationMs });
    }
    finished = !signal.aborted;
  } catch (e) {
    emit({ event: 'error', at: now(), path: null, message: `OCR stopped: ${describeError(e)}` });
  }
  // Links of what OCR rewrote (all of it, or what it finished before being interrupted).
  const written = documentsWrittenSince(ws, started);
  if (written.length > 0) classifyStage(ws, written);
  return finished;
}
