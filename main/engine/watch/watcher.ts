// Live watching of every evidence root: chokidar events feed a set of pending paths; once a
// path's size and mtime stayed unchanged for the stability window it is applied by the existing
// reconcile, narrowed to the settled paths (one reconcile at a time, coalescing whatever settled
// meanwhile). A periodic full sweep catches what events missed; roots are checked every second
// because chokidar stops silently when a root is deleted.
//
// Crash safety needs no journal: documents are written as each file completes, and the start-up
// sweep compares every root with the database (path, size, mtime), so whatever was pending when
// the process died is found again, and whatever was finished is not read again.
import fs from 'node:fs';
import path from 'node:path';
import { describeError } from '../errors.js';
import { createIndexPool, type IndexPool } from '../scan/reconcile.js';
import type { RootScope, WalkedFile } from '../scan/walk.js';
import { listRoots, type Root } from '../workspace/roots.js';
import type { Workspace } from '../workspace/workspace.js';
import { applyReconcile, WatchQueries } from './apply.js';
import { now, type SweepReason, type WatchEvent } from './events.js';
import { runOcrPass } from './ocr-pass.js';
import { PendingSet, type FileStamp } from './pending.js';
import { RootWatcher, shouldPoll } from './root-watcher.js';

export type { WatchEvent } from './events.js';

const POOL_IDLE_MS = 30_000;

export interface WatchOptions {
  onEvent: (e: WatchEvent) => void;
  /** Default: the workspace setting watchStabilityMs (2 s). */
  stabilityMs?: number;
  /** Default: the workspace setting watchSweepMs (5 min). */
  sweepMs?: number;
  /** How often roots are checked for disappearing, coming back, being added or removed. */
  rootCheckMs?: number;
  signal?: AbortSignal;
  poolSize?: number;
  platform?: NodeJS.Platform;
  /**
   * Runs each batch ('batch') and each OCR pass ('ocr') when the host allows: the app's session
   * serialises them with scans and exports. OCR's signal is aborted when another writer waits.
   * Default: run at once.
   */
  gate?: (kind: 'batch' | 'ocr', work: (yieldSignal: AbortSignal) => Promise<void>) => Promise<void>;
}

const ungated = (_kind: 'batch' | 'ocr', work: (yieldSignal: AbortSignal) => Promise<void>): Promise<void> => work(new AbortController().signal);

export interface WatchHandle {
  /** Resolves once watching has stopped (close() or the signal). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

interface RootState {
  root: Root;
  watcher: RootWatcher | null;
  /** chokidar saw the root itself vanish: it watches nothing any more, whatever the folder is now. */
  dead: boolean;
  /** dev:ino of the root folder while present: a root deleted and re-created gets a new one. */
  identity: string | null;
}

/** Starts watching; resolves once every present root is watched (`ready` has been emitted). */
export async function startWatching(ws: Workspace, options: WatchOptions): Promise<WatchHandle> {
  const w = new Watcher(ws, options);
  await w.start();
  return { closed: w.closed, close: () => w.close() };
}

class Watcher {
  readonly closed: Promise<void>;
  private resolveClosed: () => void = () => undefined;
  private closing = false;
  private readonly stabilityMs: number;
  private readonly sweepMs: number;
  private readonly rootCheckMs: number;
  private readonly pending: PendingSet;
  private readonly q: WatchQueries;
  private readonly roots = new Map<number, RootState>();
  private readonly rescans = new Map<number, SweepReason>();
  private sweepDue: SweepReason | null = 'start';
  private running: Promise<void> | null = null;
  /** OCR waits for a moment when nothing else is ready (see ocr-pass.ts). */
  private ocrDue = false;
  private ocrAbort: AbortController | null = null;
  private checking: Promise<void> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly abort = new AbortController();
  /** Readers kept between events (starting workers costs more than reading a small PDF). */
  private pool: IndexPool | null = null;
  private poolTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly options: WatchOptions,
  ) {
    const settings = ws.settings();
    this.stabilityMs = options.stabilityMs ?? settings.watchStabilityMs;
    this.sweepMs = options.sweepMs ?? settings.watchSweepMs;
    this.rootCheckMs = options.rootCheckMs ?? 1000;
    this.q = new WatchQueries(ws);
    this.pending = new PendingSet({
      stabilityMs: this.stabilityMs,
      // Long enough for a folder move's two halves to meet even while other copies go on.
      holdMs: Math.max(30_000, 5 * this.stabilityMs),
      stat: (rootId, relPath) => this.stat(rootId, relPath),
    });
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  async start(): Promise<void> {
    this.options.signal?.addEventListener('abort', () => void this.close(), { once: true });
    await this.checkRoots(true);
    const states = [...this.roots.values()];
    this.emit({
      event: 'ready',
      at: now(),
      roots: states.length,
      watching: states.filter((s) => s.watcher).length,
      polling: states.filter((s) => s.watcher?.polling).length,
    });
    // Ticks re-stat pending files; finer than the window so latency stays close to it.
    const tickMs = Math.min(250, Math.max(25, Math.floor(this.stabilityMs / 4)));
    this.timers.push(setInterval(() => this.tick(), tickMs));
    this.timers.push(setInterval(() => void this.checkRoots(false), this.rootCheckMs));
    this.timers.push(setInterval(() => (this.sweepDue ??= 'periodic'), this.sweepMs));
    if (this.options.signal?.aborted) await this.close();
    else this.tick();
  }

  async close(): Promise<void> {
    if (this.closing) return this.closed;
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    this.abort.abort(); // a running reconcile stops after the files in hand; finished ones are kept
    await this.running?.catch(() => undefined);
    await this.checking?.catch(() => undefined);
    await this.closePool();
    await Promise.all([...this.roots.values()].map((s) => s.watcher?.close()));
    this.resolveClosed();
    return this.closed;
  }

  private emit(e: WatchEvent): void {
    if (!this.closing || e.event !== 'error') this.options.onEvent(e);
  }

  private stat(rootId: number, relPath: string): FileStamp | null {
    const root = this.roots.get(rootId)?.root;
    if (!root) return null;
    try {
      const st = fs.lstatSync(path.join(root.path, relPath), { throwIfNoEntry: false });
      return st?.isFile() ? { size: st.size, mtimeMs: Math.trunc(st.mtimeMs) } : null;
    } catch {
      return null; // unreadable right now: treated like absent until it settles
    }
  }

  // ---- roots -------------------------------------------------------------------------------

  private checkRoots(initial: boolean): Promise<void> {
    if (this.checking || this.closing) return this.checking ?? Promise.resolve();
    this.checking = this.doCheckRoots(initial)
      .catch((e: unknown) => this.emit({ event: 'error', at: now(), path: null, message: `could not check the evidence folders: ${describeError(e)}` }))
      .finally(() => (this.checking = null));
    return this.checking;
  }

  private async doCheckRoots(initial: boolean): Promise<void> {
    const listed = listRoots(this.ws);
    for (const [id, state] of this.roots) {
      if (listed.some((r) => r.id === id)) continue;
      this.roots.delete(id); // removed from the workspace while watching
      this.pending.dropRoot(id);
      this.rescans.delete(id);
      await state.watcher?.close();
    }
    for (const root of listed) {
      if (this.closing) return;
      let state = this.roots.get(root.id);
      const identity = folderIdentity(root.path);
      if (!state) {
        state = { root, watcher: null, identity: null, dead: false };
        this.roots.set(root.id, state);
        if (!identity) {
          this.emit({ event: 'root-missing', at: now(), path: root.path.normalize('NFC') });
          continue;
        }
        await this.watchRoot(state, identity);
        if (!initial) this.rescans.set(root.id, 'root-added');
        continue;
      }
      state.root = root; // polling may have been switched
      if (state.identity && (state.identity !== identity || state.dead)) {
        // Gone, or deleted and re-created in between two checks: chokidar watches nothing now.
        await state.watcher?.close();
        state.watcher = null;
        state.identity = null;
        this.pending.dropRoot(root.id);
        this.rescans.delete(root.id);
        this.emit({ event: 'root-missing', at: now(), path: root.path.normalize('NFC') });
      }
      if (!state.identity && identity) {
        await this.watchRoot(state, identity);
        this.emit({ event: 'root-back', at: now(), path: root.path.normalize('NFC') });
        this.rescans.set(root.id, 'root-back');
      }
    }
  }

  private async watchRoot(state: RootState, identity: string, forcePolling = false): Promise<void> {
    const id = state.root.id;
    const watcher = new RootWatcher(state.root, forcePolling || shouldPoll(state.root, this.options.platform), {
      changed: (relPath) => {
        if (relPath !== '') this.pending.touch(id, relPath, Date.now());
      },
      vanished: (relPath, dir) => {
        if (relPath === '') {
          const state = this.roots.get(id);
          if (state) state.dead = true;
          void this.checkRoots(false);
        }
        else this.pending.gone(id, relPath, dir, this.q.sizesAt(id, relPath, dir), Date.now());
      },
      error: (e) => this.onWatchError(state, e),
    });
    state.watcher = watcher;
    state.identity = identity;
    state.dead = false;
    await watcher.start();
  }

  private onWatchError(state: RootState, e: Error): void {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === 'ENOSPC' || code === 'EMFILE') && state.watcher && !state.watcher.polling) {
      // Out of inotify watches or file handles: fall back to polling this root rather than go blind.
      this.emit({ event: 'error', at: now(), path: state.root.path, message: `too many files to watch with system events (${code}); watching this folder by polling instead` });
      const old = state.watcher;
      const identity = state.identity;
      void old.close().then(() => (identity && !this.closing ? this.watchRoot(state, identity, true) : undefined));
      return;
    }
    this.emit({ event: 'error', at: now(), path: state.root.path, message: `watching stopped reporting: ${e.message}` });
  }

  // ---- applying ----------------------------------------------------------------------------

  private tick(): void {
    if (this.closing) return;
    if (this.running) {
      // New work goes first: OCR stops after the page in hand and resumes later.
      if (this.ocrAbort && (this.rescans.size > 0 || this.sweepDue || this.pending.hasReady(Date.now()))) this.ocrAbort.abort();
      return;
    }
    const present = [...this.roots.values()].filter((s) => s.identity).map((s) => s.root);
    let roots: Root[];
    let only: RootScope[];
    let reason: SweepReason | null = null;
    if (this.rescans.size > 0) {
      const [id, why] = this.rescans.entries().next().value as [number, SweepReason];
      this.rescans.delete(id);
      roots = present.filter((r) => r.id === id);
      only = roots.map((r) => ({ rootId: r.id }));
      reason = why;
    } else if (this.sweepDue) {
      const why = this.sweepDue;
      this.sweepDue = null;
      // No scope: every root, and every document classified (a crash may have cut that short).
      return this.settle(this.run(present, undefined, why));
    } else {
      const taken = this.pending.take(Date.now());
      if (!taken) {
        if (this.ocrDue) this.settle(this.ocr());
        return;
      }
      only = taken.filter((s) => present.some((r) => r.id === s.rootId));
      roots = present.filter((r) => only.some((s) => s.rootId === r.id));
    }
    if (only.length === 0 && !reason) return;
    this.settle(this.run(roots, only, reason));
  }

  /** One job at a time; when it ends, say so if all is done, and look for the next. */
  private settle(job: Promise<void>): void {
    this.running = job.finally(() => {
      this.running = null;
      if (this.closing) return;
      if (this.pending.isEmpty() && this.rescans.size === 0 && !this.sweepDue && !this.ocrDue) {
        this.emit({ event: 'idle', at: now(), documents: this.q.documentCount() });
      }
      this.tick(); // more may have settled meanwhile
    });
  }

  private async ocr(): Promise<void> {
    this.ocrDue = false;
    const ctrl = new AbortController();
    const stop = (): void => ctrl.abort();
    this.abort.signal.addEventListener('abort', stop, { once: true });
    this.ocrAbort = ctrl;
    try {
      await (this.options.gate ?? ungated)('ocr', async (yieldSignal) => {
        yieldSignal.addEventListener('abort', stop, { once: true });
        if (this.closing || ctrl.signal.aborted) this.ocrDue = !this.closing;
        else if (!(await runOcrPass(this.ws, ctrl.signal, (e) => this.emit(e)))) this.ocrDue = !this.closing;
      });
    } finally {
      this.ocrAbort = null;
      this.abort.signal.removeEventListener('abort', stop);
      this.poolTimer = setTimeout(() => void this.closePool(), POOL_IDLE_MS);
    }
  }

  private run(roots: Root[], only: RootScope[] | undefined, reason: SweepReason | null): Promise<void> {
    return (this.options.gate ?? ungated)('batch', () => (this.closing ? Promise.resolve() : this.runBatch(roots, only, reason))).catch(
      (e: unknown) => this.emit({ event: 'error', at: now(), path: null, message: `a batch could not run: ${describeError(e)}` }),
    );
  }

  private async runBatch(roots: Root[], only: RootScope[] | undefined, reason: SweepReason | null): Promise<void> {
    // A sweep leaves alone what the watcher is tracking, and hands it files still being written.
    const defer = (root: Root, relPath: string, file?: WalkedFile): boolean => {
      if (this.pending.has(root.id, relPath)) return true;
      if (reason && file && Date.now() - file.mtimeMs < this.stabilityMs) {
        this.pending.touch(root.id, relPath, Date.now());
        return true;
      }
      return false;
    };
    try {
      const report = await applyReconcile(
        this.ws,
        this.q,
        { roots, options: { ...(only ? { only } : {}), defer, signal: this.abort.signal, pool: this.indexPool(), ocr: false } },
        (e) => this.emit(e),
      );
      if (this.ws.settings().ocr) this.ocrDue = true; // scans that arrived are read when all is quiet
      if (reason && !this.closing) {
        this.emit({
          event: 'sweep',
          at: now(),
          reason,
          roots: report.roots,
          files: report.files,
          indexed: report.indexed,
          reused: report.reused,
          moved: report.moved,
          removed: report.removed,
          unchanged: report.unchanged,
          durationMs: report.durationMs,
        });
      }
    } catch {
      // Already reported as an `error` event; the next tick or sweep tries again.
    }
    // Quiet for a while: give the workers' memory back; they start again with the next event.
    this.poolTimer = setTimeout(() => void this.closePool(), POOL_IDLE_MS);
  }

  private indexPool(): IndexPool {
    if (this.poolTimer) clearTimeout(this.poolTimer);
    this.poolTimer = null;
    this.pool ??= createIndexPool(this.options.poolSize);
    return this.pool;
  }

  private async closePool(): Promise<void> {
    if (this.poolTimer) clearTimeout(this.poolTimer);
    this.poolTimer = null;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }
}

function folderIdentity(dir: string): string | null {
  try {
    const st = fs.statSync(dir);
    // An inode number can be reused at once by a re-created folder: the birth time tells them apart.
    return st.isDirectory() ? `${st.dev}:${st.ino}:${st.birthtimeMs}` : null;
  } catch {
    return null;
  }
}
