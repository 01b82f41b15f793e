// Opens a workspace database: WAL, foreign keys, and `user_version` migrations applied one by
// one, each inside a transaction with its version bump so a crash leaves either the old or the
// new schema, never half of one.
import Database from 'better-sqlite3';
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

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
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
