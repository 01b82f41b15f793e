// watch:* — live watching of the open workspace's evidence folders, owned by the session (the
// loopback bridge and Electron's engine host alike; never the CLI's one-command sessions). Each
// batch and OCR pass takes the session's writer lock, so it waits while a scan or an export
// runs. Watch events become `index:changed` (coalesced: at most a few per second) and
// `watch:status`. Pausing closes the watcher; resuming starts it again, and its start-up sweep
// picks up whatever changed meanwhile. Roots added or removed are followed by the watcher itself
// (it re-lists the roots every second); a workspace change restarts it.
import type { IndexChanged, WatchStatus } from '../../shared/api.js';
import type { WatchEvent, WatchHandle } from '../engine/watch/watcher.js';
import type { Workspace } from '../engine/workspace/workspace.js';
import type { JobRunner } from './jobs.js';
import { defineDomain } from './registry.js';

const CHANGED_EVERY_MS = 300;

export interface LiveWatchHooks {
  jobs: JobRunner;
  status: (s: WatchStatus) => void;
  changed: (c: IndexChanged) => void;
  /** For tests: the stability window instead of the workspace's setting. */
  stabilityMs?: number;
}

export class LiveWatch {
  private ws: Workspace | null = null;
  private handle: WatchHandle | null = null;
  private starting: Promise<void> | null = null;
  private paused = false;
  private generation = 0;
  private s: Omit<WatchStatus, 'writers' | 'state'> = { folders: 0, polling: 0, missing: 0, busy: null, lastError: null };
  private stateNow: WatchStatus['state'] = 'off';
  private counts: IndexChanged = { indexed: 0, moved: 0, removed: 0, ocr: 0 };
  private flushTimer: NodeJS.Timeout | null = null;
  private lastFlush = 0;

  constructor(private readonly hooks: LiveWatchHooks) {
    hooks.jobs.onWriters(() => this.publish());
  }

  status(): WatchStatus {
    return { state: this.stateNow, ...this.s, writers: this.hooks.jobs.writers() };
  }

  /** Watches `ws` (or nothing); the previous watcher is closed first. */
  async follow(ws: Workspace | null): Promise<void> {
    this.ws = ws;
    await this.restart();
  }

  async pause(): Promise<WatchStatus> {
    this.paused = true;
    await this.stop();
    if (this.ws) this.setState('paused');
    return this.status();
  }

  async resume(): Promise<WatchStatus> {
    this.paused = false;
    await this.restart();
    return this.status();
  }

  async close(): Promise<void> {
    this.ws = null;
    await this.stop();
  }

  private async restart(): Promise<void> {
    await this.stop();
    const ws = this.ws;
    if (!ws) return this.setState('off');
    if (this.paused) return this.setState('paused');
    const generation = ++this.generation;
    this.setState('starting');
    this.starting = (async () => {
      const { startWatching } = await import('../engine/watch/watcher.js');
      const handle = await startWatching(ws, {
        onEvent: (e) => generation === this.generation && this.onEvent(e),
        gate: (kind, work) =>
          this.hooks.jobs.serial(kind === 'batch' ? 'watch' : 'ocr', async (yieldSignal) => {
            this.s.busy = kind;
            this.publish();
            try {
              await work(yieldSignal);
            } finally {
              this.s.busy = null;
              this.publish();
            }
          }),
        ...(this.hooks.stabilityMs !== undefined ? { stabilityMs: this.hooks.stabilityMs } : {}),
      });
      if (generation !== this.generation) await handle.close();
      else this.handle = handle;
    })()
      .catch((e: unknown) => {
        this.s.lastError = e instanceof Error ? e.message : String(e);
        if (generation === this.generation) this.setState('off');
      })
      .finally(() => (this.starting = null));
    await this.starting;
  }

  private async stop(): Promise<void> {
    this.generation++;
    await this.starting;
    const h = this.handle;
    this.handle = null;
    await h?.close();
    this.s = { ...this.s, busy: null };
    this.flush();
  }

  private onEvent(e: WatchEvent): void {
    switch (e.event) {
      case 'ready':
        this.s.folders = e.watching;
        this.s.polling = e.polling;
        this.s.missing = e.roots - e.watching;
        this.setState('watching');
        return;
      case 'indexed':
        this.counts.indexed++;
        break;
      case 'moved':
        this.counts.moved++;
        break;
      case 'removed':
        this.counts.removed++;
        break;
      case 'ocr':
        this.counts.ocr += e.documents;
        break;
      case 'sweep':
        // A sweep may have reclassified without a file changing.
        this.schedule(true);
        return;
      case 'root-missing':
        this.s.missing++;
        this.s.folders = Math.max(0, this.s.folders - 1);
        this.publish();
        return;
      case 'root-back':
        this.s.missing = Math.max(0, this.s.missing - 1);
        this.s.folders++;
        this.publish();
        return;
      case 'error':
        this.s.lastError = e.path ? `${e.path}: ${e.message}` : e.message;
        this.publish();
        return;
      case 'idle':
        return;
    }
    this.schedule(false);
  }

  /** Coalesces changes: one `index:changed` at most every CHANGED_EVERY_MS (the last always sent). */
  private schedule(force: boolean): void {
    const c = this.counts;
    if (!force && c.indexed + c.moved + c.removed + c.ocr === 0) return;
    this.pendingForce ||= force;
    if (this.flushTimer) return;
    const wait = Math.max(0, this.lastFlush + CHANGED_EVERY_MS - Date.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private pendingForce = false;

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const c = this.counts;
    if (c.indexed + c.moved + c.removed + c.ocr === 0 && !this.pendingForce) return;
    this.counts = { indexed: 0, moved: 0, removed: 0, ocr: 0 };
    this.pendingForce = false;
    this.lastFlush = Date.now();
    this.hooks.changed(c);
  }

  private setState(state: WatchStatus['state']): void {
    this.stateNow = state;
    if (state === 'off' || state === 'paused') this.s = { ...this.s, folders: 0, polling: 0, missing: 0, busy: null };
    this.publish();
  }

  private publish(): void {
    this.hooks.status(this.status());
  }
}

export const watchDomain = defineDomain('watch', {
  'watch:status': (_args, { session }) => session.watch.status(),
  'watch:pause': (_args, { session }) => session.watch.pause(),
  'watch:resume': (_args, { session }) => session.watch.resume(),
});
