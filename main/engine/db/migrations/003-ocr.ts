// Schema 3: OCR results cached on the analysed content (keyed by sha256), so a rescan, a copy or
// a rename never repeats OCR. ocr_status: NULL = not tried yet, 'header' = top of page 1 read
// (header fields known, body pending), 'done' = every page read (full_text holds the OCR text),
// 'failed' = OCR could not read the file (ocr_error says why), 'skipped' = not worth reading (a
// diacritic-less layer that is not Vietnamese, e.g. an English book). Neither is retried, except
// after an OCR engine upgrade (ocr_version older than the code's).
import type { Migration } from './types.js';

export const migration003: Migration = {
  version: 3,
  name: 'ocr',
  up: `
    ALTER TABLE contents ADD COLUMN ocr_status TEXT CHECK (ocr_status IN ('header', 'done', 'failed', 'skipped'));
    ALTER TABLE contents ADD COLUMN ocr_header_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE contents ADD COLUMN ocr_error TEXT;
    ALTER TABLE contents ADD COLUMN ocr_version INTEGER;
    ALTER TABLE contents ADD COLUMN ocr_at TEXT;
    CREATE INDEX contents_ocr_pending ON contents(ocr_status) WHERE kind = 'pdf' AND error_kind IS NULL AND text_quality <> 'usable';
  `,
};
