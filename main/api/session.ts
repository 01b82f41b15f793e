// One caller's session over the engine: the open workspace, the job runner, the scan progress and
// the push-event fan-out. The loopback bridge and Electron's engine host keep one for the app's
// life; the CLI makes one per command.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, IndexProgress, PushEvents, WorkspaceInfo, WorkspaceSettingsJson } from '../../shared/api.js';
import { acquireWriterLock, WorkspaceBusyError, type LockHolder, type WriterLock } from '../engine/db/writer-lock.js';
import { removeStalePartialsIn } from '../engine/bundle/partial-files.js';
import { listRoots } from '../engine/workspace/roots.js';
import { Workspace } from '../engine/workspace/workspace.js';
import { ApiFailure } from './errors.js';
import { JobRunner } from './jobs.js';
import { rememberRecent } from './recent.js';
import { LiveWatch } from './watch.js';

export type ShellKind = 'electron' | 'web' | 'cli';

export interface SessionOptions {
  /** Keep the start screen's recent list (the app's sessions; not the CLI). */
  rememberRecent?: boolean;
  /**
   * The app's sessions: watch the open workspace's folders live, and remember the open workspace
   * in the app data dir (last-workspace.json) so that a restarted engine opens it again.
   */
  live?: boolean;
  /** For tests: the watcher's stability window. */
  watchStabilityMs?: number;
  /**
   * Hold the workspace's writer lock (db/writer-lock.ts) for as long as a workspace is open: the
   * app's sessions (default: when `live`). The CLI's sessions take it on their first write
   * instead (holdWriterLock), so reading commands run while another program writes.
   */
  lockOnOpen?: boolean;
  /** Who holds the lock, as another program names it ("ứng dụng KiemChung", "kiemchung scan"). */
  program?: string;
  /** How long a writer waits for the lock before it is refused (WorkspaceBusyError). */
  lockWaitMs?: number;
  /** Told once, while waiting, who holds the lock. */
  onLockWait?: (holder: LockHolder | null) => void;
}

/** The app waits this long for a workspace another program writes before it says so. */
const APP_LOCK_WAIT_MS = 3_000;

const IDLE: IndexProgress = { running: false, phase: 'idle', current: 0, total: 0, path: null };

export class Session {
  private ws: Workspace | null = null;
  /** The writer lock this session holds, and for which workspace folder. */
  private lock: { dir: string; lock: WriterLock } | null = null;
  private readonly events = new EventEmitter();
  private progress: IndexProgress = IDLE;
  readonly jobs = new JobRunner();
  readonly watch: LiveWatch;

  constructor(
    readonly shell: ShellKind,
    private readonly options: SessionOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.watch = new LiveWatch({
      jobs: this.jobs,
      status: (st) => this.emit('watch:status', st),
      changed: (c) => this.emit('index:changed', c),
      ...(options.watchStabilityMs !== undefined ? { stabilityMs: options.watchStabilityMs } : {}),
    });
  }

  /**
   * After an engine restart: opens the workspace that was open when the engine stopped (unless it
   * was closed by the user). Returns whether one was opened; a workspace that cannot be opened any
   * more is forgotten and the start screen shows.
   */
  async restoreLast(): Promise<boolean> {
    if (!this.options.live || this.ws) return false;
    const file = await lastWorkspaceFile();
    let dir: string;
    try {
      dir = (JSON.parse(fs.readFileSync(file, 'utf8')) as { dir?: unknown }).dir as string;
      if (typeof dir !== 'string') return false;
    } catch {
      return false;
    }
    if (!fs.existsSync(dir)) {
      // Moved or deleted since (a temporary workspace): forget it; the start screen shows.
      fs.rmSync(file, { force: true });
      return false;
    }
    try {
      await this.setWorkspace(Workspace.open(dir));
      return true;
    } catch (e) {
      this.emit('app:error', { message: `Could not reopen the last workspace: ${(e as Error).message}`, detail: dir });
      // Busy (another program writes it now) is no reason to forget it for the next start.
      if (!(e instanceof WorkspaceBusyError)) fs.rmSync(file, { force: true });
      return false;
    }
  }

  emit<E extends EventName>(name: E, payload: PushEvents[E]): void {
    this.events.emit('push', name, payload);
  }

  /** Every push event, in order; returns the unsubscribe function. */
  onPush(listener: <E extends EventName>(name: E, payload: PushEvents[E]) => void): () => void {
    this.events.on('push', listener);
    return () => this.events.off('push', listener);
  }

  current(): Workspace | null {
    return this.ws;
  }

  require(): Workspace {
    if (!this.ws) throw new ApiFailure('no-workspace', {}, 'No workspace is open: create or open one first.');
    return this.ws;
  }

  /**
   * Takes the writer lock of `dir` (the open workspace's by default) unless this session holds it
   * already, and keeps it until the workspace is closed. Waits while another program holds it,
   * then throws WorkspaceBusyError naming that program.
   */
  async holdWriterLock(dir: string = this.require().dir, signal?: AbortSignal): Promise<void> {
    if (this.lock?.dir === dir) return;
    const lock = await acquireWriterLock(dir, this.options.program ?? (this.shell === 'cli' ? 'kiemchung' : 'ứng dụng KiemChung'), {
      waitMs: this.options.lockWaitMs ?? APP_LOCK_WAIT_MS,
      ...(this.options.onLockWait ? { onWait: this.options.onLockWait } : {}),
      ...(signal ? { signal } : {}),
    });
    this.releaseLock();
    this.lock = { dir, lock };
  }

  private releaseLock(): void {
    this.lock?.lock.release();
    this.lock = null;
  }

  private get locksOnOpen(): boolean {
    return this.options.lockOnOpen ?? this.options.live ?? false;
  }

  /** Switches workspace: the running scan of the old one is cancelled, its watcher stopped, the old one closed. */
  async setWorkspace(ws: Workspace | null): Promise<void> {
    // The new workspace's lock first: refused, the new one is closed and the old one stays open.
    if (ws && this.locksOnOpen) {
      try {
        await this.holdWriterLock(ws.dir);
      } catch (e) {
        if (ws !== this.ws) ws.close();
        throw e;
      }
    }
    this.jobs.cancel('scan');
    if (this.options.live) await this.watch.follow(null);
    if (this.ws && this.ws !== ws) this.ws.close();
    const opened = ws !== null && ws !== this.ws;
    this.ws = ws;
    // Temporary files of exports killed earlier, in the folders this workspace's bundles went to.
    if (ws && opened) removeStalePartialsIn(ws.reader.submissions.all().map((s) => path.dirname(s.path)));
    // The lock goes with the workspace it was taken for (a CLI session's too).
    if (this.lock && this.lock.dir !== ws?.dir) this.releaseLock();
    if (this.options.live) await rememberLast(ws);
    if (ws && this.options.rememberRecent) {
      await rememberRecent(ws).catch((e: unknown) => {
        // The recent list is a convenience; failing to save it must not fail opening the workspace.
        this.emit('app:error', { message: `Could not save the recent workspaces list: ${(e as Error).message}`, detail: null });
      });
    }
    this.emit('workspace:changed', ws ? this.info() : null);
    if (this.options.live && ws) await this.watch.follow(ws);
  }

  info(): WorkspaceInfo {
    const ws = this.require();
    const pack = ws.pack();
    const settings: WorkspaceSettingsJson = ws.settings();
    return { dir: ws.dir, pack: { id: pack.id, name: pack.name, year: pack.year }, criteria: pack.criteria.length, roots: listRoots(ws), settings };
  }

  /** Emits the workspace's new state (roots or settings changed) and returns it. */
  changed(): WorkspaceInfo {
    const info = this.info();
    this.emit('workspace:changed', info);
    // Folders added or removed, or the watch settings changed: watch anew (its start-up sweep
    // compares every folder with the database, cheap when nothing changed).
    if (this.options.live) void this.watch.follow(this.ws);
    return info;
  }

  indexProgress(): IndexProgress {
    return this.progress;
  }

  setIndexProgress(p: IndexProgress): void {
    this.progress = p;
    this.emit('index:progress', p);
  }

  /** Ends a session that never watched (the CLI's): jobs cancelled, the database closed. */
  close(): void {
    this.jobs.cancelAll();
    this.ws?.close();
    this.ws = null;
    this.releaseLock();
  }

  /** Ends the app's session (the process stops): the watcher first; the last workspace stays remembered. */
  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    await this.watch.close();
    this.close();
  }
}

async function lastWorkspaceFile(): Promise<string> {
  const { appDataDir } = await import('../engine/packs/library.js');
  return path.join(appDataDir(), 'last-workspace.json');
}

/** Remembers the open workspace (or that none is open, after the user closed it). */
async function rememberLast(ws: Workspace | null): Promise<void> {
  const file = await lastWorkspaceFile();
  try {
    if (!ws) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ dir: ws.dir }));
      fs.renameSync(`${file}.tmp`, file);
    }
  } catch {
    // A convenience for the next start; never fails opening or closing a workspace.
  }
}
