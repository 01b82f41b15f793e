// One UI session over the engine: the open workspace, the running scan, the recent list and the
// push-event fan-out. Shared by the loopback bridge and the Electron engine host.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, IndexProgress, PushEvents, RecentWorkspace, WorkspaceInfo, WorkspaceSettingsJson } from '../../shared/api.js';
import { appDataDir } from '../engine/packs/library.js';
import { listRoots } from '../engine/workspace/roots.js';
import { updateSettings } from '../engine/workspace/settings.js';
import { Workspace } from '../engine/workspace/workspace.js';
import type { SettingsPatch } from '../../shared/settings.js';
import { ApiFailure } from './failure.js';

const RECENT_MAX = 8;

export class Session {
  private ws: Workspace | null = null;
  private readonly events = new EventEmitter();
  scan: AbortController | null = null;
  progress: IndexProgress = { running: false, phase: 'idle', current: 0, total: 0, path: null };
  bundleRunning = false;

  constructor(readonly shell: 'electron' | 'web') {
    this.events.setMaxListeners(100);
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
    if (!this.ws) throw new ApiFailure('no-workspace', 'No workspace is open: create or open one first.');
    return this.ws;
  }

  setWorkspace(ws: Workspace | null): void {
    if (this.scan) this.scan.abort();
    if (this.ws && this.ws !== ws) this.ws.close();
    this.ws = ws;
    if (ws) this.remember(ws);
    this.emit('workspace:changed', ws ? this.info() : null);
  }

  info(): WorkspaceInfo {
    const ws = this.require();
    const pack = ws.pack();
    const settings: WorkspaceSettingsJson = ws.settings();
    return {
      dir: ws.dir,
      pack: { id: pack.id, name: pack.name, year: pack.year },
      criteria: pack.criteria.length,
      roots: listRoots(ws),
      settings,
    };
  }

  /** The engine validates the patch again: the CLI and the app share one set of rules. */
  updateSettings(patch: SettingsPatch): WorkspaceInfo {
    updateSettings(this.require(), patch);
    const info = this.info();
    this.emit('workspace:changed', info);
    return info;
  }

  setProgress(p: IndexProgress): void {
    this.progress = p;
    this.emit('index:progress', p);
  }

  private recentFile(): string {
    return path.join(appDataDir(), 'recent.json');
  }

  recent(): RecentWorkspace[] {
    try {
      const raw = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8')) as unknown;
      if (!Array.isArray(raw)) return [];
      return raw.filter(
        (r): r is RecentWorkspace => typeof r === 'object' && r !== null && typeof (r as RecentWorkspace).dir === 'string' && typeof (r as RecentWorkspace).name === 'string',
      );
    } catch {
      return []; // no list yet, or unreadable: the start screen simply shows none
    }
  }

  private remember(ws: Workspace): void {
    const entry: RecentWorkspace = { dir: ws.dir, name: ws.settings().unit ?? path.basename(ws.dir), openedAt: new Date().toISOString() };
    const list = [entry, ...this.recent().filter((r) => r.dir !== ws.dir)].slice(0, RECENT_MAX);
    try {
      fs.mkdirSync(path.dirname(this.recentFile()), { recursive: true });
      const tmp = `${this.recentFile()}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
      fs.renameSync(tmp, this.recentFile());
    } catch (e) {
      // The recent list is a convenience; failing to save it must not fail opening the workspace.
      this.emit('app:error', { message: `Could not save the recent workspaces list: ${(e as Error).message}`, detail: this.recentFile() });
    }
  }

  close(): void {
    this.scan?.abort();
    this.ws?.close();
    this.ws = null;
  }
}
