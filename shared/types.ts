// Domain types that cross runtime boundaries (engine ⇄ CLI JSON ⇄ UI). CONTRACTS.md §2-3.

export type ErrorKind = 'corrupt' | 'encrypted' | 'empty' | 'not-pdf' | 'unreadable' | 'too-large';

export type FieldSource = 'text' | 'ocr' | 'filename' | 'manual';

export interface FieldProvenance {
  source: FieldSource;
  confidence: number;
}

export type HeaderFieldName = 'number' | 'type' | 'issuer' | 'place' | 'date' | 'title';

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
export type TextQuality = 'none' | 'usable' | 'mojibake' | 'no-diacritics' | 'sparse';

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
  error: { kind: ErrorKind; message: string } | null;
  number: string | null;
  type: string | null;
  typeName: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  fields: Partial<Record<HeaderFieldName, FieldProvenance>>;
  criteria: CriterionLink[];
  /** What classification noticed: a code not in the pack, a drift, an area folder with no match. */
  notes: ClassifyNoteJson[];
  /** Other documents with the same bytes or the same number and date; shown, never dropped. */
  duplicates: DuplicateJson[];
}

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
export type ProblemKind = 'outside-year' | 'late' | 'unsigned' | 'no-text' | 'unreadable' | 'rejected' | 'needs-supplement' | 'no-evidence';

export interface CriterionProblem {
  kind: ProblemKind;
  /** null for problems of the criterion itself (no evidence for a slot). */
  documentId: string | null;
  message: string;
}

export interface SlotStatusJson {
  id: string;
  label: string;
  types: string[];
  minCount: number;
  due: string | null;
  satisfied: boolean;
  /** Linked documents that count (no disqualifying problem). */
  valid: number;
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
  };
  criteria: CriterionStatusJson[];
  /** Classification notes of every document: unknown codes, drift, area folders with no match. */
  notes: (ClassifyNoteJson & { documentId: string; relPath: string })[];
  /** Groups of documents that are the same bytes, or the same document (number + date) scanned twice. */
  duplicates: { kind: DuplicateJson['kind']; key: string; documents: string[] }[];
}
