// A workspace is a folder holding the SQLite database. Evidence stays in the user's folders;
// nothing here ever writes outside the workspace folder.
import fs from 'node:fs';
import path from 'node:path';
import type { CriteriaPack } from '../../../shared/pack.js';
import type { BatchJson, WorkspaceSettingsJson } from '../../../shared/settings.js';
import { openDatabase, type Db } from '../db/database.js';
import { UserError } from '../errors.js';

export const DB_FILE = 'kiemchung.db';

// The settings' shape lives in shared/ (the app shows and edits them); the engine owns defaults.
export type WorkspaceSettings = WorkspaceSettingsJson;
export type Batch = BatchJson;

const DEFAULT_SETTINGS: WorkspaceSettings = {
  unit: null,
  year: null,
  ocr: true,
  fileTimeoutMs: 10_000,
  watchStabilityMs: 2_000,
  watchSweepMs: 5 * 60_000,
  batches: null,
};

export class Workspace {
  private constructor(
    readonly dir: string,
    readonly db: Db,
  ) {}

  static open(dir: string): Workspace {
    const abs = path.resolve(dir);
    const file = path.join(abs, DB_FILE);
    if (!fs.existsSync(file)) {
      throw new UserError(`${abs} is not a KiemChung workspace (no ${DB_FILE} in it). Create one with: kiemchung init ${dir} --pack PACK`);
    }
    return new Workspace(abs, openDatabase(file));
  }

  static create(dir: string, init: { pack: CriteriaPack; year?: number | null; unit?: string | null }): Workspace {
    const abs = path.resolve(dir);
    if (fs.existsSync(path.join(abs, DB_FILE))) {
      throw new UserError(`${abs} is already a KiemChung workspace; open it instead of creating it again.`);
    }
    if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
      throw new UserError(`${abs} exists and is not a folder.`);
    }
    fs.mkdirSync(abs, { recursive: true });
    const ws = new Workspace(abs, openDatabase(path.join(abs, DB_FILE)));
    ws.db.transaction(() => {
      ws.setPack(init.pack);
      ws.setSetting('unit', init.unit ?? init.pack.unit ?? null);
      ws.setSetting('year', init.year ?? init.pack.year ?? null);
    })();
    return ws;
  }

  close(): void {
    this.db.close();
  }

  settings(): WorkspaceSettings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) out[r.key] = JSON.parse(r.value) as unknown;
    return out as unknown as WorkspaceSettings;
  }

  setSetting<K extends keyof WorkspaceSettings>(key: K, value: WorkspaceSettings[K]): void {
    this.db
      .prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  pack(): CriteriaPack {
    const row = this.db.prepare('SELECT json FROM pack ORDER BY imported_at DESC LIMIT 1').get() as { json: string } | undefined;
    if (!row) throw new UserError(`${this.dir} has no criteria pack; the workspace is damaged.`);
    return JSON.parse(row.json) as CriteriaPack;
  }

  /** The workspace keeps its own copy of the pack so later library changes never alter it silently. */
  setPack(pack: CriteriaPack): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pack').run();
      this.db.prepare('INSERT INTO pack(id, json, imported_at) VALUES (?, ?, ?)').run(pack.id, JSON.stringify(pack), new Date().toISOString());
    })();
  }
}
