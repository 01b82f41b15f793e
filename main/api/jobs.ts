// Long work of a session (scan, export, building the sample) runs through one runner: at most one
// job of a kind at a time, each with its own AbortSignal, cancellable by kind from any adapter
// (`index:cancel`, `bundle:cancel`, the CLI's Ctrl+C), and always released when it ends.
//
// Every writer of the database (a full scan, an export, a watch batch, OCR of scans) also takes
// the one writer lock, first come first served, so nothing competes for the database: a watch
// batch waits while a scan or an export runs, and a scan waits for the batch in hand. OCR is
// the lowest: it starts only when nobody waits, and is asked to stop (after the page in hand)
// as soon as another writer queues.
import type { JobKind, WriterKind, WriterState } from '../../shared/api.js';
import { ApiFailure } from './errors.js';

const WHAT: Record<JobKind, string> = {
  scan: 'A scan is already running; wait for it or cancel it.',
  export: 'An export is already running; wait for it or cancel it.',
  sample: 'The sample workspace is being built; wait for it.',
};

interface Waiter {
  kind: WriterKind;
  start: (yieldTo: AbortController) => void;
}

export class JobRunner {
  private readonly running = new Map<JobKind, AbortController>();
  private holder: { kind: WriterKind; yieldTo: AbortController } | null = null;
  private readonly queue: Waiter[] = [];
  private readonly listeners = new Set<(s: WriterState) => void>();

  /** Runs `work` as the one job of its kind; a second one while it runs is refused as 'busy'. */
  async runExclusive<T>(kind: JobKind, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(kind)) throw new ApiFailure('busy', { job: kind }, WHAT[kind]);
    const controller = new AbortController();
    this.running.set(kind, controller);
    try {
      // The sample only writes files and a new workspace: it needs no turn at the open database.
      if (kind === 'sample') return await work(controller.signal);
      return await this.serial(kind, () => work(controller.signal), controller.signal);
    } finally {
      this.running.delete(kind);
    }
  }

  /**
   * Runs `work` once the writer lock is free (FIFO). `work` gets a signal that is aborted when a
   * higher-priority writer queues (only for 'ocr', which then should stop soon and return).
   * A `cancel` signal aborted while waiting leaves the queue without running `work`.
   */
  async serial<T>(kind: WriterKind, work: (yieldSignal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<T> {
    let yieldTo: AbortController;
    if (kind === 'ocr' ? this.holder || this.queue.length > 0 : this.holder) {
      yieldTo = await new Promise<AbortController>((resolve, reject) => {
        const waiter: Waiter = { kind, start: resolve };
        this.queue.push(waiter);
        cancel?.addEventListener(
          'abort',
          () => {
            const i = this.queue.indexOf(waiter);
            if (i < 0) return;
            this.queue.splice(i, 1);
            this.changed();
            reject(new ApiFailure('cancelled', { job: kind === 'scan' || kind === 'export' ? kind : null }, 'Cancelled while waiting for another job.'));
          },
          { once: true },
        );
        // OCR in hand gives way to any other writer.
        if (this.holder?.kind === 'ocr' && kind !== 'ocr') this.holder.yieldTo.abort();
        this.changed();
      });
    } else {
      yieldTo = new AbortController();
      this.holder = { kind, yieldTo };
      this.changed();
    }
    try {
      return await work(yieldTo.signal);
    } finally {
      this.holder = null;
      this.next();
    }
  }

  private next(): void {
    // Writers in order; OCR only once no other writer waits.
    let i = this.queue.findIndex((w) => w.kind !== 'ocr');
    if (i < 0) i = this.queue.length > 0 ? 0 : -1;
    const w = i >= 0 ? this.queue.splice(i, 1)[0] : undefined;
    if (w) {
      // The lock passes at once (no gap in which a newcomer could take it too).
      const yieldTo = new AbortController();
      this.holder = { kind: w.kind, yieldTo };
      w.start(yieldTo);
    }
    this.changed();
  }

  /** Which writer holds the lock and which wait (for the status bar). */
  writers(): WriterState {
    return { running: this.holder?.kind ?? null, waiting: this.queue.map((w) => w.kind) };
  }

  onWriters(listener: (s: WriterState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const s = this.writers();
    for (const l of this.listeners) l(s);
  }

  isRunning(kind: JobKind): boolean {
    return this.running.has(kind);
  }

  /** Asks the running job of this kind to stop; false when none runs. */
  cancel(kind: JobKind): boolean {
    const c = this.running.get(kind);
    c?.abort();
    return c !== undefined;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
