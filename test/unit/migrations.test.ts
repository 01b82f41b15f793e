import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/engine/db/migrations/index.js';
import { NewerSchemaError, migrate, schemaVersion } from '../../main/engine/db/database.js';

describe('schema migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.name}) applies on top of the previous schema and bumps user_version`, () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.filter((x) => x.version < m.version));
      expect(schemaVersion(db)).toBe(m.version - 1);
      migrate(db, MIGRATIONS.filter((x) => x.version <= m.version));
      expect(schemaVersion(db)).toBe(m.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('roll back a failing migration entirely, version included', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: 'CREATE TABLE half_done(x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a database written by a newer version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(/newer version of KiemChung/);
    db.close();
  });

  it('is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});
