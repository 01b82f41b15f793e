// One writer per workspace. The lock is an OS-level lock held on `kiemchung.lock` for as long as
// the writer runs: a tiny SQLite file opened in exclusive locking mode, so the lock is SQLite's own
// fcntl/LockFileEx lock, which the OS releases when the process ends (also after kill -9: no stale
// lock to clean). Who holds it is written beside it in `kiemchung.lock.json`, because a file under
// an exclusive lock cannot be read by the one who is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';

export const LOCK_FILE = 'kiemchung.lock';
const HOLDER_FILE = 'kiemchung.lock.json';

export interface LockHolder {
  /** What holds it, in words a clerk recognises: "ứng dụng KiemChung", "kiemchung scan". */
  program: string;
  pid: number;
  host: string;
  user: string;
  since: string;
}

export interface WriterLock {
  readonly holder: LockHolder;
  release(): void;
}

function tryLock(file: string): Database.Database | null {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in exclusive locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock(x); COMMIT;');
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw e;
  }
}

export function readHolder(dir: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** "kiemchung scan (PID 4242)": who holds the lock, as the user reads it. */
export function holderWords(holder: LockHolder | null): string {
  return holder ? `${holder.program} (PID ${holder.pid})` : 'một chương trình KiemChung khác';
}

export class WorkspaceBusyError extends UserError {
  constructor(
    dir: string,
    readonly holder: LockHolder | null,
  ) {
    // The CLI prints the message as it is: Vietnamese, as the clerk who runs it reads it. The app
    // words the fact (workspace.busy with who holds it, workspace.busy-unknown without).
    super(
      `Không gian làm việc đang được ${holderWords(holder)} sử dụng` +
        (holder ? ` (máy ${holder.host}, người dùng ${holder.user}, từ ${holder.since})` : '') +
        `: ${dir}. Hãy đợi chương trình đó xong hoặc đóng nó, rồi thử lại.`,
      holder
        ? { kind: 'workspace.busy', params: { path: dir, program: holder.program, pid: String(holder.pid), host: holder.host, user: holder.user, since: holder.since } }
        : { kind: 'workspace.busy-unknown', params: { path: dir } },
    );
    this.name = 'WorkspaceBusyError';
  }
}

/**
 * Takes the workspace's writer lock, waiting up to `waitMs` (polling) while another program holds
 * it; `onWait` is told once who holds it, so a CLI can say "đang chờ…". Throws WorkspaceBusyError.
 */
export async function acquireWriterLock(dir: string, program: string, options: { waitMs?: number; onWait?: (holder: LockHolder | null) => void; signal?: AbortSignal } = {}): Promise<WriterLock> {
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 0);
  let told = false;
  for (;;) {
    const db = tryLock(file);
    if (db) {
      const holder: LockHolder = { program, pid: process.pid, host: os.hostname(), user: os.userInfo().username, since: new Date().toISOString() };
      const tmp = path.join(dir, `${HOLDER_FILE}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, JSON.stringify(holder));
      fs.renameSync(tmp, path.join(dir, HOLDER_FILE));
      let released = false;
      return {
        holder,
        release: () => {
          if (released) return;
          released = true;
          db.close();
        },
      };
    }
    // Stopped while waiting (Ctrl+C): a cancellation, not a refusal.
    if (options.signal?.aborted) throw Object.assign(new Error('Stopped while waiting for the workspace.'), { name: 'AbortError' });
    if (Date.now() >= deadline) throw new WorkspaceBusyError(dir, readHolder(dir));
    if (!told) {
      told = true;
      options.onWait?.(readHolder(dir));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
