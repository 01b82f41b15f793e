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
}

export interface SearchHit {
  id: string;
  relPath: string;
  snippet: string;
  score: number;
}
