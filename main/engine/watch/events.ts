// What the watcher tells the app and `kiemchung watch` (one JSON object per line). Paths are
// absolute and NFC; `at` is when the event was emitted (ISO 8601).
import type { ErrorKind } from '../../../shared/types.js';

export interface SweepFigures {
  files: number;
  indexed: number;
  reused: number;
  moved: number;
  removed: number;
  unchanged: number;
  durationMs: number;
}

/** start: when watching begins; periodic: the timer; root-back / root-added: that root only. */
export type SweepReason = 'start' | 'periodic' | 'root-back' | 'root-added';

export type WatchEvent =
  /** Every present root is watched; the start-up reconcile follows (ends with `sweep`). */
  | { event: 'ready'; at: string; roots: number; watching: number; polling: number }
  /** A file was read (or recognised by its bytes) and its document written. */
  | { event: 'indexed'; at: string; path: string; root: string; relPath: string; id: string; sha256: string; error: { kind: ErrorKind; message: string } | null }
  /** Same bytes at a new place: the document kept its id (and its links and review decisions). */
  | { event: 'moved'; at: string; path: string; from: string; root: string; relPath: string; id: string; sha256: string }
  | { event: 'removed'; at: string; path: string; root: string; relPath: string; id: string }
  /** Something could not be done; `path` names the file or folder when there is one. */
  | { event: 'error'; at: string; path: string | null; message: string }
  | { event: 'root-missing'; at: string; path: string }
  | { event: 'root-back'; at: string; path: string }
  /** A full reconcile ended (of every root, or of one root that came back or was added). */
  | ({ event: 'sweep'; at: string; reason: SweepReason; roots: number } & SweepFigures)
  /** OCR read scans (headers first, then pages for search); their documents were updated. */
  | { event: 'ocr'; at: string; headers: number; documents: number; pages: number; durationMs: number }
  /** Nothing pending and nothing running: the database matches the folders. */
  | { event: 'idle'; at: string; documents: number };

export type WatchEventName = WatchEvent['event'];

export function now(): string {
  return new Date().toISOString();
}
