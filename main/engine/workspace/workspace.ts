// A workspace is a folder holding the SQLite database. Evidence stays in the user's folders;
// nothing here ever writes outside the workspace folder. The database itself is private: the
// engine's domains read and write through `ws.reader` and `ws.writer` (db/data.ts), one store per
// table. Opening repairs what older versions could leave inconsistent (db/data.ts: repair).
import fs from 'node:fs';
import path from 'node:path';
import { packBatchesFor, type CriteriaPack } from '../../../shared/pack.js';
import type { BatchJson, WorkspaceSettingsJson } from '../../../shared/settings.js';
import { WorkspaceData, type DataReader, type DataWriter, type RepairReport } from '../db/data.js';
import { openDatabase } from '../db/database.js';
import { UserError } from '../errors.js';
import { checkNewWorkspaceFolder } from './location.js';

export const DB_FILE = 'kiemchung.db';
/** The Sở Nội vụ's appraisal workspace (main/engine/appraisal/): a database of its own, never a unit's. */
export const APPRAISAL_DB_FILE = 'kiemchung-thamdinh.db';

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
  readonly reader: DataReader;
  readonly writer: DataWriter;
  /** What opening found inconsistent and repaired (all zero on a healthy workspace). */
  readonly repaired: RepairReport;

  private constructor(
    readonly dir: string,
    private readonly data: WorkspaceData,
  ) {
    this.reader = data.reader;
    this.writer = data.writer;
    this.repaired = data.repair();
  }

  static open(dir: string): Workspace {
    const abs = path.resolve(dir);
    const file = path.join(abs, DB_FILE);
    if (!fs.existsSync(file) && fs.existsSync(path.join(abs, APPRAISAL_DB_FILE))) {
      throw new UserError(`${abs} is an appraisal workspace (thẩm định, the Sở Nội vụ side), not a unit's workspace: use kiemchung appraisal status|score|decide|request|export on it.`, { kind: 'workspace.is-appraisal', params: { path: abs } });
    }
    if (!fs.existsSync(file)) {
      throw new UserError(`${abs} is not a KiemChung workspace (no ${DB_FILE} in it). Create one with: kiemchung init ${dir} --pack PACK`, { kind: 'workspace.not-a-workspace', params: { path: abs } });
    }
    return new Workspace(abs, new WorkspaceData(openDatabase(file)));
  }

  static create(dir: string, init: { pack: CriteriaPack; year?: number | null; unit?: string | null }): Workspace {
    const abs = path.resolve(dir);
    if (fs.existsSync(path.join(abs, DB_FILE))) {
      throw new UserError(`${abs} is already a KiemChung workspace; open it instead of creating it again.`, { kind: 'workspace.exists', params: { path: abs } });
    }
    checkNewWorkspaceFolder(abs);
    // Only the last segment is created: its parent was checked to exist.
    if (!fs.existsSync(abs)) fs.mkdirSync(abs);
    const ws = new Workspace(abs, new WorkspaceData(openDatabase(path.join(abs, DB_FILE))));
    ws.writer.transaction(() => {
      ws.setPack(init.pack);
      ws.setSetting('unit', init.unit ?? init.pack.unit ?? null);
      const year = init.year ?? init.pack.year ?? null;
      ws.setSetting('year', year);
      // The batches the pack's plan sets (a yearly one in this workspace's year); none: the defaults.
      const batches = packBatchesFor(init.pack, year);
      if (batches.length > 0) ws.setSetting('batches', batches);
    });
    return ws;
  }

  close(): void {
    this.data.close();
  }

  /** Fold the write-ahead log into the database file. */
  checkpoint(): void {
    this.data.checkpoint();
  }

  settings(): WorkspaceSettings {
    return { ...DEFAULT_SETTINGS, ...this.reader.settings.values() } as WorkspaceSettings;
  }

  setSetting<K extends keyof WorkspaceSettings>(key: K, value: WorkspaceSettings[K]): void {
    this.writer.settings.set(key, value);
  }

  pack(): CriteriaPack {
    const pack = this.reader.settings.pack();
    if (!pack) throw new UserError(`${this.dir} has no criteria pack; the workspace is damaged.`, { kind: 'workspace.no-pack', params: { path: this.dir } });
    return pack;
  }

  /** The workspace keeps its own copy of the pack so later library changes never alter it silently. */
  setPack(pack: CriteriaPack): void {
    this.writer.settings.setPack(pack);
  }
}
