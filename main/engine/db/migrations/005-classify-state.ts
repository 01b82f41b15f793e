// Schema 4: what classification has still to do, so a scan that changed nothing skips it, one
// that changed a few documents re-links only those, and this holds across processes (the CLI
// scans, the app opens). Triggers keep it, whoever writes: a document inserted or updated (a new
// file, a rename, a move, a header recognised again after OCR or a correction) is dirty, and so
// are the documents holding bytes whose text was read anew or that got a manual decision; a pack,
// a setting or a root changed dirties everything (`all`). Classification clears what it re-linked.
import type { Migration } from './types.js';

export const migration005: Migration = {
  version: 5,
  name: 'classify-state',
  up: `
    CREATE TABLE classify_dirty (
      document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;

    -- One row: all = 1 when everything must be re-linked; classifier = the version of the code
    -- that last linked everything (a newer one re-links everything once).
    CREATE TABLE classify_state (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      all_dirty  INTEGER NOT NULL CHECK (all_dirty IN (0, 1)),
      classifier INTEGER NOT NULL,
      at         TEXT
    ) STRICT;
    INSERT INTO classify_state(id, all_dirty, classifier, at) VALUES (1, 1, 0, NULL);

    CREATE TRIGGER classify_dirty_doc_insert AFTER INSERT ON documents
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) VALUES (NEW.id); END;
    CREATE TRIGGER classify_dirty_doc_update AFTER UPDATE ON documents
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) VALUES (NEW.id); END;

    -- Text read anew into a content (OCR) dirties every document holding it, whoever wrote it.
    CREATE TRIGGER classify_dirty_content_text AFTER UPDATE OF header_text, ocr_header_text, full_text ON contents
      WHEN OLD.header_text IS NOT NEW.header_text OR OLD.ocr_header_text IS NOT NEW.ocr_header_text OR OLD.full_text IS NOT NEW.full_text
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) SELECT id FROM documents WHERE sha256 = NEW.sha256; END;

    CREATE TRIGGER classify_dirty_manual_insert AFTER INSERT ON manual_links
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) SELECT id FROM documents WHERE sha256 = NEW.sha256; END;
    CREATE TRIGGER classify_dirty_manual_update AFTER UPDATE ON manual_links
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) SELECT id FROM documents WHERE sha256 IN (OLD.sha256, NEW.sha256); END;
    CREATE TRIGGER classify_dirty_manual_delete AFTER DELETE ON manual_links
      BEGIN INSERT OR IGNORE INTO classify_dirty(document_id) SELECT id FROM documents WHERE sha256 = OLD.sha256; END;

    CREATE TRIGGER classify_all_pack_insert AFTER INSERT ON pack BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_pack_delete AFTER DELETE ON pack BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_pack_update AFTER UPDATE ON pack BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_settings_insert AFTER INSERT ON settings BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_settings_update AFTER UPDATE ON settings
      WHEN OLD.value IS NOT NEW.value BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_settings_delete AFTER DELETE ON settings BEGIN UPDATE classify_state SET all_dirty = 1; END;
    CREATE TRIGGER classify_all_roots_update AFTER UPDATE OF path ON roots BEGIN UPDATE classify_state SET all_dirty = 1; END;
  `,
};
