// The `suggestions` table: the best reading of each field recognition left blank (below its
// confidence bar), per document; written with the document's row, removed with it.
import type { FieldSource, HeaderFieldName } from '../../../../shared/types.js';
import type { Db } from '../database.js';
import { LINKED_UNDER, type CriterionScope } from './links.js';

export interface SuggestionValue {
  value: string;
  source: FieldSource;
  confidence: number;
  reason: string;
}

export type Suggestions = Partial<Record<HeaderFieldName, SuggestionValue>>;

export interface SuggestionsReader {
  /** Every document's suggestions, by document id; with a scope, those of the documents in it. */
  all(scope?: CriterionScope): Map<string, Suggestions>;
  of(documentId: string): Suggestions;
}

export interface SuggestionsWriter {
  /** Replace a document's suggestions. */
  put(documentId: string, suggestions: Suggestions): void;
}

interface Row {
  document_id: string;
  field: HeaderFieldName;
  value: string;
  source: FieldSource;
  confidence: number;
  reason: string;
}

export function suggestionsStore(db: Db): { reader: SuggestionsReader; writer: SuggestionsWriter } {
  const all = db.prepare('SELECT document_id, field, value, source, confidence, reason FROM suggestions');
  const allUnder = db.prepare(`SELECT document_id, field, value, source, confidence, reason FROM suggestions WHERE document_id IN ${LINKED_UNDER}`);
  const of = db.prepare('SELECT document_id, field, value, source, confidence, reason FROM suggestions WHERE document_id = ?');
  const clear = db.prepare('DELETE FROM suggestions WHERE document_id = ?');
  const insert = db.prepare('INSERT INTO suggestions(document_id, field, value, source, confidence, reason) VALUES (?, ?, ?, ?, ?, ?)');
  const group = (rows: Row[]): Map<string, Suggestions> => {
    const map = new Map<string, Suggestions>();
    for (const r of rows) {
      const s = map.get(r.document_id) ?? {};
      s[r.field] = { value: r.value, source: r.source, confidence: r.confidence, reason: r.reason };
      map.set(r.document_id, s);
    }
    return map;
  };
  return {
    reader: {
      all: (scope) => group((scope?.criterion ? allUnder.all({ code: scope.criterion }) : all.all()) as Row[]),
      of: (id) => group(of.all(id) as Row[]).get(id) ?? {},
    },
    writer: {
      put: (id, suggestions) => {
        clear.run(id);
        for (const [field, s] of Object.entries(suggestions)) {
          if (s) insert.run(id, field, s.value, s.source, s.confidence, s.reason);
        }
      },
    },
  };
}
