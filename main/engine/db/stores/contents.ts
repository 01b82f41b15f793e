// The `contents` table: what reading a file's bytes found (keyed by sha256, so duplicates and
// renames never re-parse) and the OCR cache on the same row (schema 3).
import type { Db } from '../database.js';

export type OcrStatus = 'header' | 'done' | 'failed' | 'skipped';

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
  /** JSON list of SignatureJson (schema 4). */
  signatures_json: string;
  error_kind: string | null;
  error_message: string | null;
  header_text: string;
  /** Text for search: the text layer, or the OCR text once OCR read every page. */
  full_text: string;
  /** OCR cache (schema 3); absent on rows built from a fresh analysis. */
  ocr_status?: OcrStatus | null;
  ocr_header_text?: string;
  ocr_error?: string | null;
}

/** A content OCR should read, with a sample of its text layer (to tell Vietnamese from not). */
export interface PendingOcr {
  sha256: string;
  pages: number;
  text_quality: string;
  sample: string;
}

export interface ContentsReader {
  get(sha256: string): ContentRow | undefined;
  /** Sizes of every content read by `analyzerVersion`: a cheap test for "might be a copy or a move". */
  sizes(analyzerVersion: number): Set<number>;
  /**
   * Contents OCR should read, oldest first: PDFs without an error whose text layer is not usable,
   * that some document still points at, never tried (or tried by an older OCR engine), or whose
   * header is read but not yet their pages.
   */
  pendingOcr(stage: 'header' | 'pages', ocrVersion: number): PendingOcr[];
  /** Contents with at least one signature checked (their chain verdicts depend on the trusted roots). */
  signed(): { sha256: string; signatures_json: string }[];
}

export interface ContentsWriter {
  save(c: ContentRow): void;
  saveOcrHeader(sha256: string, headerText: string, ocrVersion: number): void;
  /** Every page read (or as many as the cap allows): the OCR text becomes what search matches. */
  saveOcrPages(sha256: string, fullText: string, error: string | null): void;
  /** Recorded once and not retried: the same bytes would fail (or be skipped) the same way. */
  saveOcrFailure(sha256: string, message: string, ocrVersion: number, status: 'failed' | 'skipped'): void;
  /** The signature checks again (chain verdicts re-checked after the trusted roots changed). */
  saveSignatures(sha256: string, signaturesJson: string): void;
}

export function contentsStore(db: Db): { reader: ContentsReader; writer: ContentsWriter } {
  const upsert = db.prepare(`
    INSERT INTO contents(sha256, analyzer_version, size, kind, pages, text_layer, text_quality, ocr, encrypted,
                         signatures, signatures_json, error_kind, error_message, header_text, full_text, analyzed_at)
    VALUES (@sha256, @analyzer_version, @size, @kind, @pages, @text_layer, @text_quality, @ocr, @encrypted,
            @signatures, @signatures_json, @error_kind, @error_message, @header_text, @full_text, @analyzed_at)
    ON CONFLICT(sha256) DO UPDATE SET
      analyzer_version = excluded.analyzer_version, size = excluded.size, kind = excluded.kind, pages = excluded.pages,
      text_layer = excluded.text_layer, text_quality = excluded.text_quality,
      encrypted = excluded.encrypted, signatures = excluded.signatures, signatures_json = excluded.signatures_json,
      error_kind = excluded.error_kind,
      error_message = excluded.error_message, header_text = excluded.header_text, analyzed_at = excluded.analyzed_at,
      -- Re-reading the same bytes (a newer analyzer) keeps what OCR already found in them.
      ocr = CASE WHEN contents.ocr_status IN ('header', 'done') THEN contents.ocr ELSE excluded.ocr END,
      full_text = CASE WHEN contents.ocr_status = 'done' THEN contents.full_text ELSE excluded.full_text END`);
  const get = db.prepare('SELECT * FROM contents WHERE sha256 = ?');
  const sizes = db.prepare('SELECT DISTINCT size FROM contents WHERE analyzer_version = ?');
  const pending = (stage: 'header' | 'pages'): string => `
    SELECT c.sha256, COALESCE(c.pages, 1) AS pages, c.text_quality,
           CASE WHEN c.text_quality = 'no-diacritics' THEN substr(c.full_text, 1, 40000) ELSE '' END AS sample
    FROM contents c
    WHERE c.kind = 'pdf' AND c.error_kind IS NULL AND c.text_quality <> 'usable'
      AND ${stage === 'header' ? '(c.ocr_status IS NULL OR c.ocr_version < @v)' : "c.ocr_status = 'header' AND c.ocr_version >= @v"}
      AND EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = c.sha256)
    ORDER BY c.analyzed_at, c.sha256`;
  const pendingHeader = db.prepare(pending('header'));
  const pendingPages = db.prepare(pending('pages'));
  const ocrHeader = db.prepare(
    // A header read again by a newer OCR version keeps the pages already read (their text is the same).
    `UPDATE contents SET ocr_status = CASE WHEN ocr_status = 'done' THEN 'done' ELSE 'header' END, ocr_header_text = ?, ocr = 1,
       ocr_error = CASE WHEN ocr_status = 'done' THEN ocr_error ELSE NULL END, ocr_version = ?, ocr_at = ?
     WHERE sha256 = ?`,
  );
  const ocrPages = db.prepare("UPDATE contents SET ocr_status = 'done', full_text = ?, ocr_error = ?, ocr_at = ? WHERE sha256 = ?");
  const ocrFailure = db.prepare('UPDATE contents SET ocr_status = ?, ocr_error = ?, ocr_version = ?, ocr_at = ? WHERE sha256 = ?');
  const signed = db.prepare("SELECT sha256, signatures_json FROM contents WHERE signatures_json <> '[]' ORDER BY sha256");
  const saveSignatures = db.prepare('UPDATE contents SET signatures_json = ? WHERE sha256 = ?');
  return {
    reader: {
      get: (sha256) => get.get(sha256) as ContentRow | undefined,
      signed: () => signed.all() as { sha256: string; signatures_json: string }[],
      sizes: (v) => new Set((sizes.all(v) as { size: number }[]).map((r) => r.size)),
      pendingOcr: (stage, v) => (stage === 'header' ? pendingHeader : pendingPages).all({ v }) as PendingOcr[],
    },
    writer: {
      save: (c) => void upsert.run({ ...c, analyzed_at: new Date().toISOString() }),
      saveOcrHeader: (sha256, text, v) => void ocrHeader.run(text, v, new Date().toISOString(), sha256),
      saveOcrPages: (sha256, text, error) => void ocrPages.run(text, error, new Date().toISOString(), sha256),
      saveOcrFailure: (sha256, message, v, status) => void ocrFailure.run(status, message, v, new Date().toISOString(), sha256),
      saveSignatures: (sha256, json) => void saveSignatures.run(json, sha256),
    },
  };
}
