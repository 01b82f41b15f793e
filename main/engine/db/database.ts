// Opens a workspace database: WAL, foreign keys, and `user_version` migrations applied one by
// one, each inside a transaction with its version bump so a crash leaves either the old or the
// new schema, never half of one. On a network share (network-share.ts) WAL is unsafe: the
// database uses the rollback journal there (journal_mode=DELETE).
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { networkShareOf, type NetworkShare } from './network-share.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/types.js';

export type Db = Database.Database;

export class NewerSchemaError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} was created by a newer version of KiemChung (database schema ${found}); ` +
        `this version understands schema ${LATEST_SCHEMA_VERSION} at most. Update KiemChung to open it.`,
    );
    this.name = 'NewerSchemaError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, file = 'the database'): number {
  const current = schemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) throw new NewerSchemaError(file, current);
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}

export interface OpenOptions {
  readonly?: boolean;
  /** Where the database lives, when the caller knows it (tests); by default it is looked up. */
  share?: NetworkShare | null;
}

/** The journal mode a database in `dir` must use: WAL on a local disk, DELETE on a network share. */
export function journalModeFor(share: NetworkShare | null): 'wal' | 'delete' {
  return share ? 'delete' : 'wal';
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) setJournalMode(db, file, options.share !== undefined ? options.share : networkShareOf(path.dirname(file)));
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    if (options.readonly) {
      const v = schemaVersion(db);
      if (v > LATEST_SCHEMA_VERSION) throw new NewerSchemaError(file, v);
    } else {
      migrate(db, MIGRATIONS, file);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function setJournalMode(db: Db, file: string, share: NetworkShare | null): void {
  const wanted = journalModeFor(share);
  const current = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  if (current === wanted) return;
  try {
    db.pragma(`journal_mode = ${wanted.toUpperCase()}`);
  } catch (e) {
    if (!share) throw e;
    // Leaving WAL needs every other connection closed: another program has it open.
    throw new UserError(
      `Không mở được ${file}: thư mục nằm trên ổ mạng (${share.fsType}, ${share.mountPoint}), nơi SQLite không dùng được chế độ WAL, ` +
        `và một chương trình khác đang mở cơ sở dữ liệu nên chưa chuyển được sang chế độ an toàn cho ổ mạng. Hãy đóng chương trình đó rồi thử lại.`,
      { kind: 'workspace.network-share-busy', params: { path: file, fsType: share.fsType, mountPoint: share.mountPoint } },
    );
  }
  const now = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  if (now !== wanted && share) {
    throw new UserError(
      `Không mở được ${file}: thư mục nằm trên ổ mạng (${share.fsType}, ${share.mountPoint}), nơi SQLite không dùng được chế độ WAL, và không chuyển được sang chế độ DELETE (đang là ${now}). Hãy chép bộ hồ sơ về ổ đĩa của máy.`,
      { kind: 'workspace.network-share', params: { path: file, fsType: share.fsType, mountPoint: share.mountPoint, mode: now } },
    );
  }
}
