// The `history` table: who decided what, when. Append-only (triggers refuse UPDATE and DELETE).
import type { HistoryEntryJson } from '../../../../shared/api-values.js';
import type { Db } from '../database.js';

/** One entry as the API and `kiemchung history --json` show it (shared/api-values.ts). */
export type HistoryEntry = HistoryEntryJson;

export interface HistoryFilter {
  code?: string;
  sha256?: string;
  limit?: number;
}

export interface HistoryReader {
  /** Newest first. */
  list(filter?: HistoryFilter): HistoryEntry[];
}

export interface HistoryWriter {
  append(entry: { actor: string; action: string; sha256: string | null; code: string | null; detail: Record<string, unknown> }): void;
}

export function historyStore(db: Db): { reader: HistoryReader; writer: HistoryWriter } {
  const append = db.prepare('INSERT INTO history(at, actor, action, sha256, criterion_code, detail) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    reader: {
      list: (filter = {}) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (filter.code) {
          where.push('criterion_code = ?');
          params.push(filter.code);
        }
        if (filter.sha256) {
          where.push('sha256 = ?');
          params.push(filter.sha256);
        }
        params.push(filter.limit ?? 200);
        const rows = db
          .prepare(`SELECT id, at, actor, action, sha256, criterion_code, detail FROM history ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
          .all(...params) as { id: number; at: string; actor: string; action: string; sha256: string | null; criterion_code: string | null; detail: string }[];
        return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, sha256: r.sha256, criterionCode: r.criterion_code, detail: JSON.parse(r.detail) as Record<string, unknown> }));
      },
    },
    writer: {
      append: (e) => void append.run(new Date().toISOString(), e.actor, e.action, e.sha256, e.code, JSON.stringify(e.detail)),
    },
  };
}
