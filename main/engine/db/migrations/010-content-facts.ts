// Schema 10: the small facts of a content (analyzer version, kind, pages, quality, OCR, signatures,
// error) in one covering index. The status, the documents list and a rescan read only these, but
// from the table each row's facts sit after its full text (signatures_json was added later, at the
// row's end): 60,000 documents' joins walked hundreds of megabytes of text pages. The index is a
// few megabytes.
import type { Migration } from './types.js';

export const migration010: Migration = {
  version: 10,
  name: 'content-facts',
  up: `
    CREATE INDEX contents_facts ON contents(sha256, analyzer_version, kind, pages, text_layer, text_quality, ocr, encrypted,
                                            signatures, error_kind, error_message, signatures_json);
  `,
};
