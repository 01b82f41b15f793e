// The `appraised_documents` table: the appraiser's decision on each document of a criterion, as
// the last imported decisions file gave it (keyed by the file's SHA-256 and the code).
import type { AppraisalDecision } from '../../../../shared/appraisal.js';
import type { Db } from '../database.js';

export interface AppraisedDocumentRow {
  sha256: string;
  code: string;
  path: string;
  decision: AppraisalDecision;
  note: string | null;
}

export interface AppraisedDocumentsReader {
  all(): AppraisedDocumentRow[];
}

export interface AppraisedDocumentsWriter {
  replaceAll(rows: readonly AppraisedDocumentRow[]): void;
}

export function appraisedDocumentsStore(db: Db): { reader: AppraisedDocumentsReader; writer: AppraisedDocumentsWriter } {
  const all = db.prepare('SELECT sha256, criterion_code AS code, path, decision, note FROM appraised_documents ORDER BY criterion_code, path');
  const clear = db.prepare('DELETE FROM appraised_documents');
  const insert = db.prepare('INSERT INTO appraised_documents(sha256, criterion_code, path, decision, note, at) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    reader: { all: () => all.all() as AppraisedDocumentRow[] },
    writer: {
      replaceAll: (rows) =>
        db.transaction(() => {
          clear.run();
          const at = new Date().toISOString();
          for (const r of rows) insert.run(r.sha256, r.code, r.path, r.decision, r.note, at);
        })(),
    },
  };
}
