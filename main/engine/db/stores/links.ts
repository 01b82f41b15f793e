// The `links` table: automatic and manual links between documents and criteria, recomputed by
// every classification run. Its join with `reviews` (a decision is keyed by sha256 + code) is
// written here once: status, documents and the bundle all read links with their decision.
import type { LinkSource, ReviewStatus } from '../../../../shared/types.js';
import type { Db } from '../database.js';
import { CORRECTIONS_PIVOT, corrected } from './corrections.js';

export interface NewLink {
  code: string;
  source: LinkSource;
  reason: string;
  slotId: string | null;
}

/** A link with the reviewer's decision on it (null: pending). */
export interface LinkWithReview {
  document_id: string;
  criterion_code: string;
  source: LinkSource;
  reason: string;
  slot_id: string | null;
  status: Exclude<ReviewStatus, 'pending'> | null;
  note: string | null;
}

/** Documents linked to a criterion or to any criterion under it ("1.3" holds "1.3.2"). */
export interface CriterionScope {
  criterion?: string;
}

/**
 * `d.id IN (…)` for a CriterionScope: the documents with a link to @code or under it ('/' sorts
 * right after '.', so the range is exactly the codes "@code.…"); uses links_criterion.
 */
export const LINKED_UNDER = `(SELECT document_id FROM links WHERE criterion_code = @code OR (criterion_code >= @code || '.' AND criterion_code < @code || '/'))`;

/** A link with its decision and what completeness checks of its document (status.ts). */
export interface LinkEvidence extends Omit<LinkWithReview, 'source' | 'reason'> {
  rel_path: string;
  /** The document's date, its correction over it. */
  date: string | null;
  kind: 'pdf' | 'other';
  text_quality: string;
  ocr: number;
  signatures: number;
  signatures_json: string;
  error_kind: string | null;
  error_message: string | null;
}

/** A row of the evidence query, its columns in LinkEvidence's order. */
type EvidenceTuple = [
  LinkEvidence['document_id'],
  LinkEvidence['criterion_code'],
  LinkEvidence['slot_id'],
  LinkEvidence['status'],
  LinkEvidence['note'],
  LinkEvidence['rel_path'],
  LinkEvidence['date'],
  LinkEvidence['kind'],
  LinkEvidence['text_quality'],
  LinkEvidence['ocr'],
  LinkEvidence['signatures'],
  LinkEvidence['signatures_json'],
  LinkEvidence['error_kind'],
  LinkEvidence['error_message'],
];

export interface LinksReader {
  /**
   * Every link with its decision and its document's facts, in one read of only what the checks
   * need (60,000 documents' full rows took most of the status's time).
   */
  evidence(): LinkEvidence[];
  /** Every link with its decision; with a scope, every link of the documents in it. */
  withReviews(scope?: CriterionScope): LinkWithReview[];
}

export interface LinksWriter {
  /** Replace the links of one document. */
  replace(documentId: string, links: readonly NewLink[]): void;
  clear(): void;
}

export function linksStore(db: Db): { reader: LinksReader; writer: LinksWriter } {
  const withReviews = db.prepare(
    `SELECT l.document_id, l.criterion_code, l.source, l.reason, l.slot_id, rv.status, rv.note
     FROM links l JOIN documents d ON d.id = l.document_id
     LEFT JOIN reviews rv ON rv.sha256 = d.sha256 AND rv.criterion_code = l.criterion_code`,
  );
  const withReviewsUnder = db.prepare(
    `SELECT l.document_id, l.criterion_code, l.source, l.reason, l.slot_id, rv.status, rv.note
     FROM links l JOIN documents d ON d.id = l.document_id
     LEFT JOIN reviews rv ON rv.sha256 = d.sha256 AND rv.criterion_code = l.criterion_code
     WHERE l.document_id IN ${LINKED_UNDER}`,
  );
  // Only the columns the checks read, links first and each document through its keys index
  // (documents_keys, schema 11: not the document's wide row).
  const evidence = db.prepare(
    `SELECT l.document_id, l.criterion_code, l.slot_id, rv.status, rv.note,
            d.rel_path, ${corrected('date')} AS date, c.kind, c.text_quality, c.ocr, c.signatures, c.signatures_json, c.error_kind, c.error_message
     FROM links l CROSS JOIN documents d INDEXED BY documents_keys ON d.id = l.document_id JOIN contents c INDEXED BY contents_facts ON c.sha256 = d.sha256
     LEFT JOIN reviews rv ON rv.sha256 = d.sha256 AND rv.criterion_code = l.criterion_code
     LEFT JOIN ${CORRECTIONS_PIVOT} k ON k.sha256 = d.sha256`,
  ).raw();
  const remove = db.prepare('DELETE FROM links WHERE document_id = ?');
  const insert = db.prepare('INSERT INTO links(document_id, criterion_code, source, reason, slot_id) VALUES (?, ?, ?, ?, ?)');
  const clear = db.prepare('DELETE FROM links');
  return {
    reader: {
      // Read as arrays and made into objects of one shape here: cheaper than a keyed row each.
      evidence: () =>
        (evidence.all() as EvidenceTuple[]).map((r) => ({
          document_id: r[0],
          criterion_code: r[1],
          slot_id: r[2],
          status: r[3],
          note: r[4],
          rel_path: r[5],
          date: r[6],
          kind: r[7],
          text_quality: r[8],
          ocr: r[9],
          signatures: r[10],
          signatures_json: r[11],
          error_kind: r[12],
          error_message: r[13],
        })),
      withReviews: (scope) => (scope?.criterion ? withReviewsUnder.all({ code: scope.criterion }) : withReviews.all()) as LinkWithReview[],
    },
    writer: {
      replace: (documentId, links) => {
        remove.run(documentId);
        for (const l of links) insert.run(documentId, l.code, l.source, l.reason, l.slotId);
      },
      clear: () => void clear.run(),
    },
  };
}
