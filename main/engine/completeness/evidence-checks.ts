// Whether one linked document counts as evidence for one slot, and the problems it carries.
// Evidence outside the assessment year, late against the slot's due date, without a known date
// where the slot has a year or due-date gate (undated: it waits for a person to confirm the date),
// unreadable, rejected or needing a supplement, or rejected by the appraiser (decisions imported)
// does not count; an unsigned born-digital document or a scan without text
// is flagged but still counts (the appraiser decides).
import type { CriterionProblem, ProblemParams, ReviewStatus, SignatureJson } from '../../../shared/types.js';
import type { AppraisalVerdict } from './appraisal-rejections.js';

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
  /** The document's checked signatures (pdf/signatures), as stored with its content. */
  signatureChecks: readonly SignatureJson[];
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

export function checkEvidence(doc: EvidenceFacts, year: number | null, due: string | null, appraisal: AppraisalVerdict | null = null): EvidenceVerdict {
  const problems: CriterionProblem[] = [];
  const problem = (kind: CriterionProblem['kind'], message: string, params: ProblemParams = {}): void => {
    problems.push({ kind, documentId: doc.id, message: `${doc.relPath}: ${message}`, params: { relPath: doc.relPath, ...params } });
  };
  let counts = true;
  if (doc.errorKind) {
    problem('unreadable', `cannot be read (${doc.errorKind}): ${doc.errorMessage ?? ''}`.trim(), { errorKind: doc.errorKind });
    counts = false;
  }
  if (!doc.date && !doc.errorKind && (year !== null || due)) {
    // An unknown date would pass the year and due-date gates silently: it waits for a person.
    problem('undated', `has no known date; it counts once its date is confirmed (kiemchung fix WS DOC --date dd/mm/yyyy)`);
    counts = false;
  }
  if (doc.date && year !== null && Number(doc.date.slice(0, 4)) !== year) {
    problem('outside-year', `dated ${vnDate(doc.date)}, outside the assessment year ${year}`, { date: doc.date, year });
    counts = false;
  }
  if (doc.date && due && doc.date > due) {
    problem('late', `dated ${vnDate(doc.date)}, after the due date ${vnDate(due)}`, { date: doc.date, due });
    counts = false;
  }
  if (doc.review === 'rejected') {
    problem('rejected', `rejected by a reviewer${doc.note ? `: ${doc.note}` : ''}`, doc.note ? { note: doc.note } : {});
    counts = false;
  }
  if (doc.review === 'needs-supplement') {
    problem('needs-supplement', `a reviewer asked for a supplement${doc.note ? `: ${doc.note}` : ''}`, doc.note ? { note: doc.note } : {});
    counts = false;
  }
  if (appraisal?.decision === 'rejected') {
    problem('appraisal-rejected', `rejected by the appraiser${appraisal.note ? `: ${appraisal.note}` : ''}`, appraisal.note ? { note: appraisal.note } : {});
    counts = false;
  }
  if (!doc.errorKind && doc.kind === 'pdf') {
    const bornDigital = doc.textQuality === 'usable' && !doc.ocr;
    if (bornDigital && doc.signatures === 0) problem('unsigned', 'born-digital and carries no digital signature');
    if (doc.textQuality !== 'usable' && !doc.ocr) problem('no-text', 'a scan without readable text (OCR has not read it)');
    // Flagged, not disqualifying: the appraiser decides, as for an unsigned document.
    const trouble = signatureTrouble(doc.signatureChecks);
    if (trouble === 'broken') problem('signature-broken', 'a digital signature does not match the signed bytes (the file was changed after signing, or the signature is damaged)');
    if (trouble === 'modified') problem('signature-broken', 'bytes were added after the last digital signature (modified after signing)');
  }
  return { counts, problems };
}

/** What a document's signatures say against it: one no longer verifies, or bytes were added after the last. */
export function signatureTrouble(signatures: readonly SignatureJson[]): 'broken' | 'modified' | null {
  if (signatures.some((s) => s.status !== 'valid')) return 'broken';
  if (signatures.some((s) => s.modifiedAfterSigning)) return 'modified';
  return null;
}
