// The `documents_fts` table (FTS5): folded (diacritic-free, đ→d) copies of each document's file
// name, number, title and body; rowid = documents.rowid.
import path from 'node:path';
import { foldDiacritics } from '../../../../shared/vietnamese.js';
import type { Db } from '../database.js';
import { CORRECTIONS_PIVOT, corrected } from './corrections.js';

/** What search matches for one document, before folding. */
export interface SearchSource {
  relPath: string;
  number: string | null;
  title: string | null;
  body: string;
}

export interface SearchMatch {
  id: string;
  rel_path: string;
  full_text: string;
  title: string | null;
  rank: number;
}

export interface SearchReader {
  /** `fts` is an FTS5 query of quoted words (see search/search.ts). */
  match(fts: string, limit: number): SearchMatch[];
  /** Whether repair() has anything to do: read first, so opening a sound workspace writes nothing. */
  needsRepair(): boolean;
}

export interface SearchWriter {
  put(rowid: number, source: SearchSource): void;
  /**
   * Rewrites the rows of every document holding this content from what they read now: a number
   * or title corrected by hand (the corrections table) is what search finds, not the recognised one.
   */
  refreshContent(sha256: string): void;
  remove(rowid: number): void;
  removeUnderRoot(rootId: number): void;
  /**
   * Repairs what older versions could leave (a crash between a document's writes, which were
   * not one transaction): documents without their row get one, rows without a document go.
   */
  repair(): { added: number; removed: number };
}

export function searchStore(db: Db): { reader: SearchReader; writer: SearchWriter } {
  // Ranked and cut to `limit` inside the FTS table first: joined before the LIMIT, every match
  // (most of 60,000 documents for a common word) had its document and its full text read.
  const match = db.prepare(
    `SELECT d.id, d.rel_path, c.full_text, d.title, f.rank
     FROM (SELECT rowid, bm25(documents_fts, 4.0, 8.0, 4.0, 1.0) AS rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?) f
     JOIN documents d ON d.rowid = f.rowid JOIN contents c ON c.sha256 = d.sha256
     ORDER BY f.rank`,
  );
  const insert = db.prepare('INSERT INTO documents_fts(rowid, name, number, title, body) VALUES (?, ?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM documents_fts WHERE rowid = ?');
  const removeUnderRoot = db.prepare('DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE root_id = ?)');
  const missing = db.prepare(
    `SELECT d.rowid, d.rel_path, d.number, d.title, c.full_text FROM documents d JOIN contents c ON c.sha256 = d.sha256
     WHERE d.rowid NOT IN (SELECT rowid FROM documents_fts)`,
  );
  const orphans = db.prepare('DELETE FROM documents_fts WHERE rowid NOT IN (SELECT rowid FROM documents)');
  const anyMissing = db.prepare('SELECT 1 FROM documents WHERE rowid NOT IN (SELECT rowid FROM documents_fts) LIMIT 1').pluck();
  const anyOrphan = db.prepare('SELECT 1 FROM documents_fts WHERE rowid NOT IN (SELECT rowid FROM documents) LIMIT 1').pluck();
  const current = db.prepare(
    `SELECT d.rowid, d.rel_path, ${corrected('number')} AS number, ${corrected('title')} AS title, c.full_text
     FROM documents d JOIN contents c ON c.sha256 = d.sha256 LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256
     WHERE d.sha256 = ?`,
  );
  const put = (rowid: number, s: SearchSource): void => {
    remove.run(rowid);
    insert.run(rowid, foldDiacritics(path.posix.basename(s.relPath)), foldDiacritics(s.number ?? ''), foldDiacritics(s.title ?? ''), foldDiacritics(s.body));
  };
  return {
    reader: {
      match: (fts, limit) => match.all(fts, limit) as SearchMatch[],
      needsRepair: () => anyMissing.get() !== undefined || anyOrphan.get() !== undefined,
    },
    writer: {
      put,
      refreshContent: (sha256) => {
        const rows = current.all(sha256) as { rowid: number; rel_path: string; number: string | null; title: string | null; full_text: string }[];
        for (const r of rows) put(r.rowid, { relPath: r.rel_path, number: r.number, title: r.title, body: r.full_text });
      },
      remove: (rowid) => void remove.run(rowid),
      removeUnderRoot: (rootId) => void removeUnderRoot.run(rootId),
      repair: () => {
        const rows = missing.all() as { rowid: number; rel_path: string; number: string | null; title: string | null; full_text: string }[];
        for (const r of rows) put(r.rowid, { relPath: r.rel_path, number: r.number, title: r.title, body: r.full_text });
        return { added: rows.length, removed: orphans.run().changes };
      },
    },
  };
}
