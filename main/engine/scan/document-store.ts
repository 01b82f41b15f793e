// All SQL that writes documents and analysed contents lives here, with bound parameters.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { foldDiacritics } from '../../../shared/vietnamese.js';
import type { Db } from '../db/database.js';
import type { PdfAnalysis } from '../index/pdf-analyze.js';
import type { RecognizedHeader } from '../recognize/index.js';

/** Bump when extraction changes so that a rescan re-reads contents analysed by older code. */
export const ANALYZER_VERSION = 1;

export interface ContentRow {
  sha256: string;
  analyzer_version: number;
  size: number;
  kind: 'pdf' | 'other';
  pages: number | null;
  text_layer: number;
  text_quality: string;
  ocr: number;
  encrypted: number;
  signatures: number;
  error_kind: string | null;
  error_message: string | null;
  header_text: string;
  /** Text for search: the text layer, or the OCR text once OCR read every page. */
  full_text: string;
  /** OCR cache (schema 3); absent on rows built from a fresh analysis. */
  ocr_status?: 'header' | 'done' | 'failed' | 'skipped' | null;
  ocr_header_text?: string;
  ocr_error?: string | null;
}

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

/** Header fields as stored on a document; the type name is derived from the code when read. */
export type HeaderValues = Omit<RecognizedHeader, 'typeName'>;

export function contentFromAnalysis(sha256: string, size: number, kind: 'pdf' | 'other', a: PdfAnalysis | null): ContentRow {
  return {
    sha256,
    analyzer_version: ANALYZER_VERSION,
    size,
    kind,
    pages: a?.pages ?? null,
    text_layer: a?.textLayer ? 1 : 0,
    text_quality: a?.textQuality ?? 'none',
    ocr: 0,
    encrypted: a?.encrypted ? 1 : 0,
    signatures: a?.signatures ?? 0,
    error_kind: a?.error?.kind ?? null,
    error_message: a?.error?.message ?? null,
    header_text: a?.headerText ?? '',
    full_text: a?.fullText ?? '',
  };
}

export class DocumentStore {
  private readonly upsertContentStmt;
  private readonly getContentStmt;
  private readonly insertDocStmt;
  private readonly updateDocStmt;
  private readonly deleteDocStmt;
  private readonly deleteFtsStmt;
  private readonly insertFtsStmt;
  private readonly rowidStmt;

  constructor(private readonly db: Db) {
    this.upsertContentStmt = db.prepare(`
      INSERT INTO contents(sha256, analyzer_version, size, kind, pages, text_layer, text_quality, ocr, encrypted,
                           signatures, error_kind, error_message, header_text, full_text, analyzed_at)
      VALUES (@sha256, @analyzer_version, @size, @kind, @pages, @text_layer, @text_quality, @ocr, @encrypted,
              @signatures, @error_kind, @error_message, @header_text, @full_text, @analyzed_at)
      ON CONFLICT(sha256) DO UPDATE SET
        analyzer_version = excluded.analyzer_version, size = excluded.size, kind = excluded.kind, pages = excluded.pages,
        text_layer = excluded.text_layer, text_quality = excluded.text_quality,
        encrypted = excluded.encrypted, signatures = excluded.signatures, error_kind = excluded.error_kind,
        error_message = excluded.error_message, header_text = excluded.header_text, analyzed_at = excluded.analyzed_at,
        -- Re-reading the same bytes (a newer analyzer) keeps what OCR already found in them.
        ocr = CASE WHEN contents.ocr_status IN ('header', 'done') THEN contents.ocr ELSE excluded.ocr END,
        full_text = CASE WHEN contents.ocr_status = 'done' THEN contents.full_text ELSE excluded.full_text END`);
    this.getContentStmt = db.prepare('SELECT * FROM contents WHERE sha256 = ?');
    this.insertDocStmt = db.prepare(`
      INSERT INTO documents(id, root_id, rel_path, size, mtime_ms, sha256, number, type, issuer, issuer_parent, place, date,
                            title, fields_json, indexed_at)
      VALUES (@id, @root_id, @rel_path, @size, @mtime_ms, @sha256, @number, @type, @issuer, @issuer_parent, @place, @date,
              @title, @fields_json, @indexed_at)`);
    this.updateDocStmt = db.prepare(`
      UPDATE documents SET root_id = @root_id, rel_path = @rel_path, size = @size, mtime_ms = @mtime_ms, sha256 = @sha256,
        number = @number, type = @type, issuer = @issuer, issuer_parent = @issuer_parent, place = @place, date = @date,
        title = @title, fields_json = @fields_json, indexed_at = @indexed_at
      WHERE id = @id`);
    this.deleteDocStmt = db.prepare('DELETE FROM documents WHERE id = ?');
    this.deleteFtsStmt = db.prepare('DELETE FROM documents_fts WHERE rowid = ?');
    this.insertFtsStmt = db.prepare('INSERT INTO documents_fts(rowid, name, number, title, body) VALUES (?, ?, ?, ?, ?)');
    this.rowidStmt = db.prepare('SELECT rowid FROM documents WHERE id = ?');
  }

  documentsOfRoot(rootId: number): DocumentRow[] {
    return this.db
      .prepare(
        `SELECT d.rowid, d.id, d.root_id, d.rel_path, d.size, d.mtime_ms, d.sha256, c.analyzer_version
         FROM documents d JOIN contents c ON c.sha256 = d.sha256 WHERE d.root_id = ?`,
      )
      .all(rootId) as DocumentRow[];
  }

  content(sha256: string): ContentRow | undefined {
    return this.getContentStmt.get(sha256) as ContentRow | undefined;
  }

  /** Sizes of every analysed content: a cheap test for "this new file might be a copy or a move". */
  contentSizes(): Set<number> {
    const rows = this.db.prepare('SELECT DISTINCT size FROM contents WHERE analyzer_version = ?').all(ANALYZER_VERSION) as { size: number }[];
    return new Set(rows.map((r) => r.size));
  }

  saveContent(c: ContentRow): void {
    this.upsertContentStmt.run({ ...c, analyzed_at: new Date().toISOString() });
  }

  /** Insert or update a document (keeping `id` when given) and refresh its search row. */
  saveDocument(doc: { id?: string; rootId: number; relPath: string; size: number; mtimeMs: number; sha256: string }, header: HeaderValues, content: ContentRow): string {
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
    let rowid: number;
    if (doc.id) {
      this.updateDocStmt.run(params);
      rowid = (this.rowidStmt.get(id) as { rowid: number }).rowid;
    } else {
      rowid = Number(this.insertDocStmt.run(params).lastInsertRowid);
    }
    this.deleteFtsStmt.run(rowid);
    this.insertFtsStmt.run(
      rowid,
      foldDiacritics(path.posix.basename(doc.relPath)),
      foldDiacritics(header.number ?? ''),
      foldDiacritics(header.title ?? ''),
      foldDiacritics(content.full_text),
    );
    return id;
  }

  deleteDocument(doc: DocumentRow): void {
    this.deleteFtsStmt.run(doc.rowid);
    this.deleteDocStmt.run(doc.id);
  }

  // ---- OCR (schema 3) -------------------------------------------------------------------------

  /**
   * Contents OCR should read, oldest first: PDFs without an error whose text layer is not usable,
   * that some document still points at, never tried (or tried by an older OCR engine), or whose
   * header is read but not yet their pages.
   */
  pendingOcr(stage: 'header' | 'pages', ocrVersion: number): { sha256: string; pages: number; text_quality: string; sample: string }[] {
    const which =
      stage === 'header' ? '(c.ocr_status IS NULL OR c.ocr_version < @v)' : "c.ocr_status = 'header' AND c.ocr_version >= @v";
    return this.db
      .prepare(
        `SELECT c.sha256, COALESCE(c.pages, 1) AS pages, c.text_quality,
                CASE WHEN c.text_quality = 'no-diacritics' THEN substr(c.full_text, 1, 40000) ELSE '' END AS sample
         FROM contents c
         WHERE c.kind = 'pdf' AND c.error_kind IS NULL AND c.text_quality <> 'usable' AND ${which}
           AND EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = c.sha256)
         ORDER BY c.analyzed_at, c.sha256`,
      )
      .all({ v: ocrVersion }) as { sha256: string; pages: number; text_quality: string; sample: string }[];
  }

  /** Where the bytes of a content can be read: every document path holding them. */
  pathsOf(sha256: string): string[] {
    const rows = this.db
      .prepare('SELECT r.path AS root, d.rel_path FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.sha256 = ?')
      .all(sha256) as { root: string; rel_path: string }[];
    return rows.map((r) => path.join(r.root, ...r.rel_path.split('/')));
  }

  saveOcrHeader(sha256: string, headerText: string, ocrVersion: number): void {
    this.db
      .prepare(
        // A header read again by a newer OCR version keeps the pages already read (their text is the same).
        `UPDATE contents SET ocr_status = CASE WHEN ocr_status = 'done' THEN 'done' ELSE 'header' END, ocr_header_text = ?, ocr = 1,
           ocr_error = CASE WHEN ocr_status = 'done' THEN ocr_error ELSE NULL END, ocr_version = ?, ocr_at = ?
         WHERE sha256 = ?`,
      )
      .run(headerText, ocrVersion, new Date().toISOString(), sha256);
  }

  /** Every page read (or as many as the cap allows): the OCR text becomes what search matches. */
  saveOcrPages(sha256: string, fullText: string, error: string | null): void {
    this.db
      .prepare("UPDATE contents SET ocr_status = 'done', full_text = ?, ocr_error = ?, ocr_at = ? WHERE sha256 = ?")
      .run(fullText, error, new Date().toISOString(), sha256);
  }

  /** Recorded once and not retried: the same bytes would fail (or be skipped) the same way. */
  saveOcrFailure(sha256: string, message: string, ocrVersion: number, status: 'failed' | 'skipped' = 'failed'): void {
    this.db
      .prepare('UPDATE contents SET ocr_status = ?, ocr_error = ?, ocr_version = ?, ocr_at = ? WHERE sha256 = ?')
      .run(status, message, ocrVersion, new Date().toISOString(), sha256);
  }

  /**
   * Recognise the header again and refresh the search row of every document holding `sha256`
   * (after OCR), or of every OCR'd document saved since `since` (re-analysed contents).
   */
  refreshDocuments(where: { sha256: string } | { ocrSince: string }, headerOf: (content: ContentRow, relPath: string) => HeaderValues): number {
    const rows = (
      'sha256' in where
        ? this.db.prepare('SELECT id, root_id, rel_path, size, mtime_ms, sha256 FROM documents WHERE sha256 = ?').all(where.sha256)
        : this.db
            .prepare(
              `SELECT d.id, d.root_id, d.rel_path, d.size, d.mtime_ms, d.sha256 FROM documents d JOIN contents c ON c.sha256 = d.sha256
               WHERE c.ocr = 1 AND d.indexed_at >= ?`,
            )
            .all(where.ocrSince)
    ) as { id: string; root_id: number; rel_path: string; size: number; mtime_ms: number; sha256: string }[];
    this.db.transaction(() => {
      for (const d of rows) {
        const content = this.content(d.sha256);
        if (!content) continue;
        this.saveDocument(
          { id: d.id, rootId: d.root_id, relPath: d.rel_path, size: d.size, mtimeMs: d.mtime_ms, sha256: d.sha256 },
          headerOf(content, d.rel_path),
          content,
        );
      }
    })();
    return rows.length;
  }
}
