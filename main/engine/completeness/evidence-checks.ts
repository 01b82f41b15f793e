// Whether one linked document counts as evidence for one slot, and the problems it carries.
// Evidence outside the assessment year, late against the slot's due date, unreadable, rejected or
// needing a supplement does not count; an unsigned born-digital document or a scan without text
// is flagged but still counts (the appraiser decides).
import type { CriterionProblem, ReviewStatus } from '../../../shared/types.js';

export interface EvidenceFacts {
  id: string;
  relPath: string;
  date: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  kind: 'pdf' | 'other';
  textQuality: string;
  ocr: boolean;
  signatures: number;
  review: ReviewStatus;
  note: string | null;
}

export interface EvidenceVerdict {
  counts: boolean;
  problems: CriterionProblem[];
}

/** dd/mm/yyyy, as the users read dates. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function checkEvidence(doc: EvidenceFacts, year: number | null, due: string | null): EvidenceVerdict {
  const problems: CriterionProblem[] = [];
  const problem = (kind: CriterionProblem['kind'], message: string): void => {
    problems.push({ kind, documentId: doc.id, message: `${doc.relPath}: ${message}` });
  };
  let counts = true;
  if (doc.errorKind) {
    problem('unreadable', `cannot be read (${doc.errorKind}): ${doc.errorMessage ?? ''}`.trim());
    counts = false;
  }
  if (doc.date && year !== null && Number(doc.date.slice(0, 4)) !== year) {
    problem('outside-year', `dated ${vnDate(doc.date)}, outside the assessment year ${year}`);
    counts = false;
  }
  if (doc.date && due && doc.date > due) {
    problem('late', `dated ${vnDate(doc.date)}, after the due date ${vnDate(due)}`);
    counts = false;
  }
  if (doc.review === 'rejected') {
    problem('rejected', `rejected by a reviewer${doc.note ? `: ${doc.note}` : ''}`);
    counts = false;
  }
  if (doc.review === 'needs-supplement') {
    problem('needs-supplement', `a reviewer asked for a supplement${doc.note ? `: ${doc.note}` : ''}`);
    counts = false;
  }
  if (!doc.errorKind && doc.kind === 'pdf') {
    const bornDigital = doc.textQuality === 'usable' && !doc.ocr;
    if (bornDigital && doc.signatures === 0) problem('unsigned', 'born-digital and carries no digital signature');
    if (doc.textQuality !== 'usable' && !doc.ocr) problem('no-text', 'a scan without readable text (OCR has not read it)');
  }
  return { counts, problems };
}
