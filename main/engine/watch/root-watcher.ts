// One chokidar watcher per evidence root, so that polling can be chosen per root (network
// shares). It only reports raw facts (a path changed, a path vanished); stability and applying
// changes are the watcher's job.
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import { isIgnoredName } from '../scan/walk.js';
import type { Root } from '../workspace/roots.js';

export interface RootEvents {
  /** A file was added or changed (relative path, forward slashes). */
  changed(relPath: string): void;
  /** A file or folder vanished; relPath '' is the root itself. */
  vanished(relPath: string, dir: boolean): void;
  error(error: Error): void;
}

/** Polling for roots marked so, and always for UNC paths on Windows (SMB sends no reliable events). */
export function shouldPoll(root: Pick<Root, 'path' | 'polling'>, platform: NodeJS.Platform = process.platform): boolean {
  return root.polling || (platform === 'win32' && /^[\\/]{2}[^\\/?.]/.test(root.path));
}

/** Poll interval on network shares: each poll is a round trip per file, so not too often. */
const POLL_INTERVAL_MS = 1000;

export class RootWatcher {
  private fsw: FSWatcher | null = null;

  constructor(
    readonly root: Root,
    readonly polling: boolean,
    private readonly events: RootEvents,
  ) {}

  /** Resolves once the initial listing is done and events flow. */
  start(): Promise<void> {
    const rootPath = this.root.path;
    const fsw = watch(rootPath, {
      ignoreInitial: true, // the start-up reconcile covers what is already there
      followSymlinks: false, // like the scan: links can loop
      persistent: true,
      usePolling: this.polling,
      interval: POLL_INTERVAL_MS,
      binaryInterval: POLL_INTERVAL_MS,
      ignorePermissionErrors: true,
      ignored: (p: string) => p !== rootPath && isIgnoredName(path.basename(p)),
    });
    this.fsw = fsw;
    const rel = (p: string): string => path.relative(rootPath, p).split(path.sep).join('/');
    fsw.on('add', (p) => this.events.changed(rel(p)));
    fsw.on('change', (p) => this.events.changed(rel(p)));
    fsw.on('unlink', (p) => this.events.vanished(rel(p), false));
    fsw.on('unlinkDir', (p) => this.events.vanished(rel(p), true));
    fsw.on('error', (e) => this.events.error(e instanceof Error ? e : new Error(String(e))));
    return new Promise((resolve) => fsw.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    const fsw = this.fsw;
    this.fsw = null;
    if (fsw) await fsw.close();
  }
}
