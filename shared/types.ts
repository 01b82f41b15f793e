// Domain types that cross runtime boundaries (engine ⇄ CLI JSON ⇄ UI). CONTRACTS.md §2-3.

import type { OpenRequestJson } from './appraisal.js';
export type ErrorKind = 'corrupt' | 'encrypted' | 'empty' | 'not-pdf' | 'unreadable' | 'too-large';

export type FieldSource = 'text' | 'ocr' | 'filename' | 'manual';

export interface FieldProvenance {
  source: FieldSource;
  confidence: number;
}

export type HeaderFieldName = 'number' | 'type' | 'issuer' | 'place' | 'date' | 'title';

/** A reading recognition did not trust enough to fill its field; the app pre-fills it for a person to confirm. */
export interface FieldSuggestionJson {
  value: string;
  source: FieldSource;
  confidence: number;
  reason: string;
}

export type LinkSource = 'folder' | 'filename' | 'content' | 'manual';
export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'needs-supplement';

export interface CriterionLink {
  code: string;
  source: LinkSource;
  reason: string;
  /** The evidence slot of the criterion this document fills (null when the criterion has none). */
  slot: string | null;
  status: ReviewStatus;
  note: string | null;
}

/** Quality of a text layer: "none" (no text), "usable", or why it cannot be trusted. */
/** `ocr-layer`: a page image with a scanner's OCR layer that reads as Vietnamese (not born-digital: OCR'd like the others). */
export type TextQuality = 'none' | 'usable' | 'mojibake' | 'no-diacritics' | 'sparse' | 'ocr-layer';

/** One element of `kiemchung docs --json` (CONTRACTS.md §2). */
export interface DocumentJson {
  id: string;
  path: string;
  root: string;
  relPath: string;
  sha256: string;
  size: number;
  mtime: string;
  kind: 'pdf' | 'other';
  pages: number | null;
  textLayer: boolean;
  textQuality: TextQuality;
  ocr: boolean;
  encrypted: boolean;
  signatures: number;
  /** Each digital signature checked: signer, organisation, time, verdict (addition to CONTRACTS §2). */
  signatureChecks: SignatureJson[];
  error: { kind: ErrorKind; message: string } | null;
  number: string | null;
  type: string | null;
  typeName: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  fields: Partial<Record<HeaderFieldName, FieldProvenance>>;
  /** Best readings of the fields left blank (below their confidence bar); none for a field corrected by hand. */
  suggestions: Partial<Record<HeaderFieldName, FieldSuggestionJson>>;
  criteria: CriterionLink[];
  /** What classification noticed: a code not in the pack, a drift, an area folder with no match. */
  notes: ClassifyNoteJson[];
  /** Other documents with the same bytes or the same number and date; shown, never dropped. */
  duplicates: DuplicateJson[];
  /** The office of the evidence folder the file is in (null when the folder names none). */
  office: string | null;
  /** Which of the documents screen's filters this document belongs to, decided by the engine. */
  facets: DocumentFacet[];
}

/** The documents screen's filters: membership is decided by the engine (query/documents.ts). */
export const DOCUMENT_FACETS = ['unassigned', 'errors', 'scans', 'outsideYear', 'duplicates'] as const;
export type DocumentFacet = (typeof DOCUMENT_FACETS)[number];

export interface ClassifyNoteJson {
  kind: 'unknown-code' | 'drift' | 'area-only';
  code: string | null;
  message: string;
}

export interface DuplicateJson {
  id: string;
  kind: 'same-bytes' | 'same-document';
}

export interface SearchHit {
  id: string;
  relPath: string;
  snippet: string;
  score: number;
}

// Completeness (CONTRACTS.md §3).
export type CriterionStatus = 'complete' | 'partial' | 'missing' | 'not-applicable';
export type ProblemKind = 'outside-year' | 'late' | 'unsigned' | 'no-text' | 'unreadable' | 'rejected' | 'needs-supplement' | 'no-evidence' | 'signature-broken' | 'undated' | 'appraisal-rejected';

export interface CriterionProblem {
  kind: ProblemKind;
  /** null for problems of the criterion itself (no evidence for a slot). */
  documentId: string | null;
  message: string;
  /**
   * The facts the message words, for the renderer's catalogue (an addition to CONTRACTS.md §3):
   * relPath (document problems), date, year, due, errorKind, note, label, valid, minCount.
   */
  params: ProblemParams;
}

export interface ProblemParams {
  relPath?: string;
  date?: string;
  year?: number;
  due?: string;
  errorKind?: string;
  note?: string;
  label?: string;
  valid?: number;
  minCount?: number;
}

export interface SlotStatusJson {
  id: string;
  label: string;
  types: string[];
  minCount: number;
  due: string | null;
  satisfied: boolean;
  /**
   * The linked documents that satisfy the slot (readable, dated in the assessment year, not after
   * the due date, not rejected, waiting for a supplement or rejected by the appraiser): the count
   * shown beside the slot as valid/minCount ("1/1 tài liệu hợp lệ").
   */
  valid: number;
  /** Every document linked to the slot, counted or not (more than `valid` when some fail it). */
  documents: string[];
}

export interface CriterionStatusJson {
  code: string;
  title: string;
  parent: string | null;
  maxPoints: number | null;
  selfScore: number | null;
  explanation: string | null;
  status: CriterionStatus;
  required: number;
  satisfied: number;
  documents: string[];
  problems: CriterionProblem[];
  responsible: string | null;
  slots: SlotStatusJson[];
  /** Estimated points from satisfied evidence, where max points are known. */
  estimatedPoints: number | null;
  pointsAtRisk: number | null;
  /** Linked documents whose date is not known yet (problem `undated`): a person must confirm it before they count. */
  pendingConfirmation: number;
  /** After `decisions import` (issue 15): the điểm thẩm định (a parent's rolls up from its children), its note. */
  appraisedScore: number | null;
  appraisalNote: string | null;
  /** The appraiser's open requests on this criterion (giải trình / bổ sung), until a supplement answers them. */
  requests: OpenRequestJson[];
  /** The appraiser's decision on each document of this criterion (documentId null when the file is no longer indexed). */
  appraisedDocuments: { documentId: string | null; path: string; decision: 'accepted' | 'rejected'; note: string | null }[];
}

export interface StatusJson {
  pack: { id: string; name: string; year: number | null };
  unit: string | null;
  summary: {
    criteria: number;
    complete: number;
    partial: number;
    missing: number;
    notApplicable: number;
    documents: number;
    errors: number;
    unassigned: number;
    maxPoints: number;
    selfScore: number;
    estimatedPoints: number;
    pointsAtRisk: number;
    /** Sum of the appraised scores (null before any decisions import) and the open requests. */
    appraisedScore: number | null;
    openRequests: number;
  };
  criteria: CriterionStatusJson[];
  /** Classification notes of every document: unknown codes, drift, area folders with no match. */
  notes: (ClassifyNoteJson & { documentId: string; relPath: string })[];
  /** Groups of documents that are the same bytes, or the same document (number + date) scanned twice. */
  duplicates: { kind: DuplicateJson['kind']; key: string; documents: string[] }[];
}

/**
 * One digital signature of a document as checked when the file was read (pdf/signatures):
 * `valid` digest and signature, `broken` (bytes changed inside the signed range), or `error` (the
 * signature could not be checked: `errorKind` says why). `chain` is 'unknown-root' unless the user
 * trusts a root ("chưa xác minh được nguồn").
 */
export interface SignatureJson {
  status: 'valid' | 'broken' | 'error';
  errorKind: string | null;
  signer: string | null;
  organisation: string | null;
  units: string[];
  /** ISO instant: the timestamp authority's, else the PDF's /M, else the CMS signing time. */
  time: string | null;
  coversWholeFile: boolean;
  /** Bytes were added after this signature and no later signature covers them. */
  modifiedAfterSigning: boolean;
  bytesAfterSigning: number;
  chain: 'trusted' | 'unknown-root' | 'broken-chain' | null;
}
