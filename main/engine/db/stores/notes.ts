// The `classify_notes` table: what classification noticed about a document (a code that is not in
// the pack, a drift between folder and content, an area folder with no match).
import type { ClassifyNoteJson } from '../../../../shared/types.js';
import type { Db } from '../database.js';
import { LINKED_UNDER, type CriterionScope } from './links.js';

export interface ClassifyNote {
  kind: ClassifyNoteJson['kind'];
  code: string | null;
  message: string;
}

export interface NoteRow extends ClassifyNote {
  document_id: string;
}

export interface NotesReader {
  /** Every note; with a scope, the notes of the documents in it. */
  all(scope?: CriterionScope): NoteRow[];
  /** Every note with its document's path, ordered by path. */
  withPaths(): (NoteRow & { rel_path: string })[];
}

export interface NotesWriter {
  replace(documentId: string, notes: readonly ClassifyNote[]): void;
  clear(): void;
}

export function notesStore(db: Db): { reader: NotesReader; writer: NotesWriter } {
  const all = db.prepare('SELECT document_id, kind, code, message FROM classify_notes');
  const allUnder = db.prepare(`SELECT document_id, kind, code, message FROM classify_notes WHERE document_id IN ${LINKED_UNDER}`);
  const withPaths = db.prepare(
    `SELECT n.document_id, d.rel_path, n.kind, n.code, n.message FROM classify_notes n CROSS JOIN documents d INDEXED BY documents_keys ON d.id = n.document_id
     ORDER BY d.rel_path`,
  );
  const remove = db.prepare('DELETE FROM classify_notes WHERE document_id = ?');
  const insert = db.prepare('INSERT INTO classify_notes(document_id, kind, code, message) VALUES (?, ?, ?, ?)');
  const clear = db.prepare('DELETE FROM classify_notes');
  return {
    reader: {
      all: (scope) => (scope?.criterion ? allUnder.all({ code: scope.criterion }) : all.all()) as NoteRow[],
      withPaths: () => withPaths.all() as (NoteRow & { rel_path: string })[],
    },
    writer: {
      replace: (documentId, notes) => {
        remove.run(documentId);
        for (const n of notes) insert.run(documentId, n.kind, n.code, n.message);
      },
      clear: () => void clear.run(),
    },
  };
}
