// The `settings` table (one JSON value per key) and the `pack` table (the workspace's own copy of
// its criteria pack, so later library changes never alter it silently).
import type { CriteriaPack } from '../../../../shared/pack.js';
import type { Db } from '../database.js';

export interface SettingsReader {
  /** Stored values only; defaults are the workspace's business. */
  values(): Record<string, unknown>;
  pack(): CriteriaPack | undefined;
}

export interface SettingsWriter {
  set(key: string, value: unknown): void;
  setPack(pack: CriteriaPack): void;
}

export function settingsStore(db: Db): { reader: SettingsReader; writer: SettingsWriter } {
  const all = db.prepare('SELECT key, value FROM settings');
  const set = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const pack = db.prepare('SELECT json FROM pack ORDER BY imported_at DESC LIMIT 1').pluck();
  const clearPack = db.prepare('DELETE FROM pack');
  const insertPack = db.prepare('INSERT INTO pack(id, json, imported_at) VALUES (?, ?, ?)');
  return {
    reader: {
      values: () => Object.fromEntries((all.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown])),
      pack: () => {
        const json = pack.get() as string | undefined;
        return json === undefined ? undefined : (JSON.parse(json) as CriteriaPack);
      },
    },
    writer: {
      set: (key, value) => void set.run(key, JSON.stringify(value)),
      setPack: (p) =>
        db.transaction(() => {
          clearPack.run();
          insertPack.run(p.id, JSON.stringify(p), new Date().toISOString());
        })(),
    },
  };
}
