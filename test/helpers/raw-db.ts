// A second connection to a workspace's database, for tests that look at (or damage) rows the
// engine's stores do not expose. The engine itself never hands out its connection.
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../main/engine/workspace/workspace.js';

const open = new Map<string, Database.Database>();

export function rawDb(ws: { dir: string }): Database.Database {
  let db = open.get(ws.dir);
  if (!db || !db.open) {
    db = new Database(path.join(ws.dir, DB_FILE));
    db.pragma('busy_timeout = 5000');
    open.set(ws.dir, db);
  }
  return db;
}
