// The `documents` table: one row per file path, with a stable id that survives renames and moves,
// the file's stamp (size, mtime), its content's sha256 and the recognised header fields. Reads
// that join documents with their root and content live here too (the document is what they ask for).
import { randomUUID } from 'node:crypto';
import type { FieldProvenance, HeaderFieldName } from '../../../../shared/types.js';
import type { Db } from '../database.js';
import type { ContentRow } from './contents.js';
import { CORRECTIONS_PIVOT, corrected } from './corrections.js';
import { LINKED_UNDER } from './links.js';
import type { Suggestions } from './suggestions.js';

/** Header fields as stored on a document; the type name is derived from the code when read. */
export interface HeaderValues {
  number: string | null;
  type: string | null;
  issuer: string | null;
  issuerParent: string | null;
  place: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  title: string | null;
  fields: Partial<Record<HeaderFieldName, FieldProvenance>>;
  /** Readings of fields left blank below their bar (saved in the suggestions table). */
  suggestions?: Suggestions;
}

/** A document as the reconcile compares it with the file on disk. */
export interface DocumentRow {
  rowid: number;
  id: string;
  root_id: number;
  rel_path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  /** Version of the code that analysed this document's content. */
  analyzer_version: number;
}

/** Where a document is and what it holds: enough to write it again. */
export interface PlacedDocument {
  id?: string;
  rootId: number;
  relPath: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

type ContentFacts = Pick<ContentRow, 'kind' | 'pages' | 'text_layer' | 'text_quality' | 'ocr' | 'encrypted' | 'signatures' | 'signatures_json' | 'error_kind' | 'error_message'>;

/** A document joined with its root and its analysed content (the contract's DocumentJson is built from it). */
export type DocumentView = ContentFacts & {
  id: string;
  rel_path: string;
  root_path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  fields_json: string;
  /** Fields corrected by hand, comma-separated (their values above are the corrections). */
  corrected_fields: string | null;
};

/** What content matching reads of a document. */
export interface ClassifyInput {
  id: string;
  rel_path: string;
  root_path: string;
  sha256: string;
  type: string | null;
  title: string | null;
  text: string;
}

/** The "same document" keys: the same bytes (sha256), or the same number and date. */
export interface DuplicateKeys {
  id: string;
  sha256: string;
  number: string | null;
  date: string | null;
}

/** What the confirmation queue looks at of a linked, readable document (review/queue-counts.ts). */
export interface QueueFacts {
  sha256: string;
  number: string | null;
  date: string | null;
  fields_json: string;
  corrected_fields: string | null;
}

export interface DocumentCounts {
  documents: number;
  errors: number;
  unassigned: number;
}

export interface DocumentsReader {
  ofRoot(rootId: number): DocumentRow[];
  /** Every document's stamp (what a rescan compares with the disk), in one read. */
  stamps(): DocumentRow[];
  /** Documents holding these bytes (every copy gets a manual decision). */
  idsWithSha(sha256: string): string[];
  /** Documents written (indexed or refreshed) at or after an ISO time. */
  idsWrittenSince(iso: string): string[];
  placedWithSha(sha256: string): Required<PlacedDocument>[];
  /** Documents saved since `iso` whose content was OCR'd earlier (their header comes from OCR). */
  placedOcrSince(iso: string): Required<PlacedDocument>[];
  /** Where the bytes of a content can be read: [root path, rel path] of every document holding them. */
  locationsOf(sha256: string): { root: string; relPath: string }[];
  /** Every document (or those with an error, or those linked to a criterion or under it), by root and path. */
  views(filter?: { errors?: boolean; criterion?: string }): DocumentView[];
  viewById(id: string): DocumentView | undefined;
  viewsByShaPrefix(prefix: string): DocumentView[];
  /** Documents whose id starts with `prefix` (the short id `docs` and `criterion` print); at most 2. */
  viewsByIdPrefix(prefix: string): DocumentView[];
  classifyInputs(ids?: readonly string[]): ClassifyInput[];
  duplicateKeys(): DuplicateKeys[];
  /** The keys of only the documents that have a duplicate (what Duplicates groups), in stored order. */
  duplicatedKeys(): DuplicateKeys[];
  counts(): DocumentCounts;
  /** The linked documents without a read error, only the columns the confirmation queue decides on. */
  queueFacts(): QueueFacts[];
  count(): number;
  /** The document at a path, with its content's error (the watcher's events). */
  atPath(rootId: number, relPath: string): { id: string; sha256: string; error_kind: string | null; error_message: string | null } | undefined;
  /** Sizes of the documents stored at a file path, or under a folder path. */
  sizesAt(rootId: number, relPath: string, dir: boolean): number[];
  placements(rootId: number): { id: string; root_id: number; rel_path: string }[];
}

export interface DocumentsWriter {
  /** Insert or update a document (keeping `id` when given); returns its id and rowid. */
  save(doc: PlacedDocument, header: HeaderValues): { id: string; rowid: number };
  delete(id: string): void;
}

/**
 * The text content matching reads: the page-1 header (the text layer when usable, else what OCR
 * read of it) and the start of the body (full_text holds the OCR text once every page is read).
 */
const CLASSIFY_SQL = `
  SELECT d.id, d.rel_path, r.path AS root_path, d.sha256, ${corrected('type')} AS type, ${corrected('title')} AS title,
         CASE WHEN c.text_quality = 'usable' THEN c.header_text ELSE c.ocr_header_text END
           || ' ' || substr(c.full_text, 1, 4000) AS text
  FROM documents d JOIN roots r ON r.id = d.root_id JOIN contents c ON c.sha256 = d.sha256
  LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256`;

/**
 * The contents table (as c) read through its facts index (schema 9, contents_facts) when a query needs
 * only the small facts: SQLite would pick the primary key and read each row past its texts.
 */
export const CONTENT_FACTS = 'contents c INDEXED BY contents_facts';

const VIEW_SQL = `
  SELECT d.id, d.rel_path, r.path AS root_path, d.size, d.mtime_ms, d.sha256, ${corrected('number')} AS number,
         ${corrected('type')} AS type, ${corrected('issuer')} AS issuer, ${corrected('place')} AS place,
         ${corrected('date')} AS date, ${corrected('title')} AS title, d.fields_json, k.fields AS corrected_fields,
         c.kind, c.pages, c.text_layer, c.text_quality, c.ocr, c.encrypted, c.signatures, c.signatures_json, c.error_kind, c.error_message
  FROM documents d JOIN roots r ON r.id = d.root_id JOIN ${CONTENT_FACTS} ON c.sha256 = d.sha256
  LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256`;

const PLACED = 'd.id, d.root_id AS rootId, d.rel_path AS relPath, d.size, d.mtime_ms AS mtimeMs, d.sha256';

export function documentsStore(db: Db): { reader: DocumentsReader; writer: DocumentsWriter } {
  const STAMP_SQL = `SELECT d.rowid, d.id, d.root_id, d.rel_path, d.size, d.mtime_ms, d.sha256, c.analyzer_version
     FROM documents d JOIN ${CONTENT_FACTS} ON c.sha256 = d.sha256`;
  const ofRoot = db.prepare(`${STAMP_SQL} WHERE d.root_id = ?`);
  const stamps = db.prepare(STAMP_SQL);
  const idsWithSha = db.prepare('SELECT id FROM documents WHERE sha256 = ?').pluck();
  const idsSince = db.prepare('SELECT id FROM documents WHERE indexed_at >= ?').pluck();
  const placedWithSha = db.prepare(`SELECT ${PLACED} FROM documents d WHERE d.sha256 = ?`);
  const placedOcrSince = db.prepare(`SELECT ${PLACED} FROM documents d JOIN contents c ON c.sha256 = d.sha256 WHERE c.ocr = 1 AND d.indexed_at >= ?`);
  const locations = db.prepare('SELECT r.path AS root, d.rel_path AS relPath FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.sha256 = ?');
  const views = db.prepare(`${VIEW_SQL} ORDER BY r.path, d.rel_path`);
  const errorViews = db.prepare(`${VIEW_SQL} WHERE c.error_kind IS NOT NULL ORDER BY r.path, d.rel_path`);
  const criterionViews = db.prepare(`${VIEW_SQL} WHERE d.id IN ${LINKED_UNDER} ORDER BY r.path, d.rel_path`);
  const criterionErrorViews = db.prepare(`${VIEW_SQL} WHERE d.id IN ${LINKED_UNDER} AND c.error_kind IS NOT NULL ORDER BY r.path, d.rel_path`);
  const viewById = db.prepare(`${VIEW_SQL} WHERE d.id = ?`);
  // A range on the primary key, not LIKE: ids are lower-case hex and dashes, compared bytewise.
  const viewsByIdPrefix = db.prepare(`${VIEW_SQL} WHERE d.id >= ? AND d.id < ? LIMIT 2`);
  const viewsBySha = db.prepare(`${VIEW_SQL} WHERE d.sha256 LIKE ?`);
  const classifyAll = db.prepare(CLASSIFY_SQL);
  const classifyOne = db.prepare(`${CLASSIFY_SQL} WHERE d.id = ?`);
  // Only the documents that have a duplicate (same bytes, or the same number and date) are
  // read: Duplicates finds nothing in the others. The SQL key folds ASCII case and Đ (numbers'
  // letters); Duplicates then compares exactly. In the documents' stored (rowid) order.
  const keys = db.prepare(`SELECT d.id, d.sha256, ${corrected('number')} AS number, ${corrected('date')} AS date FROM documents d LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256`);
  const duplicated = db.prepare(
    `WITH k AS (SELECT d.rowid AS rid, d.id, d.sha256, ${corrected('number')} AS number, ${corrected('date')} AS date
                FROM documents d LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256),
          same AS (SELECT lower(replace(number, 'Đ', 'đ')) || char(0) || date AS key FROM k WHERE number IS NOT NULL AND date IS NOT NULL)
     SELECT id, sha256, number, date FROM k
     WHERE sha256 IN (SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1)
        OR (number IS NOT NULL AND date IS NOT NULL
            AND lower(replace(number, 'Đ', 'đ')) || char(0) || date IN (SELECT key FROM same GROUP BY key HAVING count(*) > 1))
     ORDER BY rid`,
  );
  // The queue's candidates (linked, readable) with their number and date as corrected: no other column is read.
  const queueFacts = db.prepare(
    `SELECT d.sha256, ${corrected('number')} AS number, ${corrected('date')} AS date, d.fields_json, k.fields AS corrected_fields
     FROM documents d JOIN roots r ON r.id = d.root_id JOIN ${CONTENT_FACTS} ON c.sha256 = d.sha256
     LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256
     WHERE c.error_kind IS NULL AND EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)`,
  );
  // Counted on the indexes where it can be: only the errors look at contents.
  const counts = db.prepare(
    `SELECT (SELECT COUNT(*) FROM documents) AS documents,
            (SELECT COUNT(*) FROM documents d WHERE EXISTS (SELECT 1 FROM ${CONTENT_FACTS} WHERE c.sha256 = d.sha256 AND c.error_kind IS NOT NULL)) AS errors,
            (SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)) AS unassigned`,
  );
  const count = db.prepare('SELECT count(*) FROM documents').pluck();
  const atPath = db.prepare(
    `SELECT d.id, d.sha256, c.error_kind, c.error_message FROM documents d JOIN contents c ON c.sha256 = d.sha256
     WHERE d.root_id = ? AND d.rel_path = ?`,
  );
  const sizeAt = db.prepare('SELECT size FROM documents WHERE root_id = ? AND rel_path = ?').pluck();
  // '0' sorts right after '/': the range is exactly the paths under `dir/`.
  const sizesUnder = db.prepare('SELECT size FROM documents WHERE root_id = ? AND rel_path >= ? AND rel_path < ?').pluck();
  const placements = db.prepare('SELECT id, root_id, rel_path FROM documents WHERE root_id = ?');

  const insert = db.prepare(`
    INSERT INTO documents(id, root_id, rel_path, size, mtime_ms, sha256, number, type, issuer, issuer_parent, place, date,
                          title, fields_json, indexed_at)
    VALUES (@id, @root_id, @rel_path, @size, @mtime_ms, @sha256, @number, @type, @issuer, @issuer_parent, @place, @date,
            @title, @fields_json, @indexed_at)`);
  const update = db.prepare(`
    UPDATE documents SET root_id = @root_id, rel_path = @rel_path, size = @size, mtime_ms = @mtime_ms, sha256 = @sha256,
      number = @number, type = @type, issuer = @issuer, issuer_parent = @issuer_parent, place = @place, date = @date,
      title = @title, fields_json = @fields_json, indexed_at = @indexed_at
    WHERE id = @id`);
  const rowidOf = db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck();
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');

  return {
    reader: {
      ofRoot: (rootId) => ofRoot.all(rootId) as DocumentRow[],
      stamps: () => stamps.all() as DocumentRow[],
      idsWithSha: (sha256) => idsWithSha.all(sha256) as string[],
      idsWrittenSince: (iso) => idsSince.all(iso) as string[],
      placedWithSha: (sha256) => placedWithSha.all(sha256) as Required<PlacedDocument>[],
      placedOcrSince: (iso) => placedOcrSince.all(iso) as Required<PlacedDocument>[],
      locationsOf: (sha256) => locations.all(sha256) as { root: string; relPath: string }[],
      views: (filter = {}) =>
        (filter.criterion
          ? (filter.errors ? criterionErrorViews : criterionViews).all({ code: filter.criterion })
          : (filter.errors ? errorViews : views).all()) as DocumentView[],
      viewById: (id) => viewById.get(id) as DocumentView | undefined,
      viewsByShaPrefix: (prefix) => viewsBySha.all(`${prefix}%`) as DocumentView[],
      viewsByIdPrefix: (prefix) => viewsByIdPrefix.all(prefix, `${prefix}\uffff`) as DocumentView[],
      classifyInputs: (ids) => (ids ? ids.flatMap((id) => classifyOne.all(id) as ClassifyInput[]) : (classifyAll.all() as ClassifyInput[])),
      duplicateKeys: () => keys.all() as DuplicateKeys[],
      duplicatedKeys: () => duplicated.all() as DuplicateKeys[],
      counts: () => counts.get() as DocumentCounts,
      queueFacts: () => queueFacts.all() as QueueFacts[],
      count: () => count.get() as number,
      atPath: (rootId, relPath) => atPath.get(rootId, relPath) as ReturnType<DocumentsReader['atPath']>,
      sizesAt: (rootId, relPath, dir) => (dir ? sizesUnder.all(rootId, `${relPath}/`, `${relPath}0`) : sizeAt.all(rootId, relPath)) as number[],
      placements: (rootId) => placements.all(rootId) as { id: string; root_id: number; rel_path: string }[],
    },
    writer: {
      save: (doc, header) => {
        const id = doc.id ?? randomUUID();
        const params = {
          id,
          root_id: doc.rootId,
          rel_path: doc.relPath,
          size: doc.size,
          mtime_ms: doc.mtimeMs,
          sha256: doc.sha256,
          number: header.number,
          type: header.type,
          issuer: header.issuer,
          issuer_parent: header.issuerParent,
          place: header.place,
          date: header.date,
          title: header.title,
          fields_json: JSON.stringify(header.fields),
          indexed_at: new Date().toISOString(),
        };
        if (doc.id) {
          update.run(params);
          return { id, rowid: rowidOf.get(id) as number };
        }
        return { id, rowid: Number(insert.run(params).lastInsertRowid) };
      },
      delete: (id) => void remove.run(id),
    },
  };
}
