// The export bundle's manifest (CONTRACTS.md §4) and the export API's options and results.
import type { ExportResultJson } from '../../../shared/api-values.js';
import type { CriterionStatus, ReviewStatus, SignatureJson } from '../../../shared/types.js';

export const BUNDLE_FORMAT = 'kiemchung-bundle';
export const BUNDLE_VERSION = 1;

export interface ManifestEvidence {
  path: string;
  sha256: string;
  size: number;
  pages: number | null;
  number: string | null;
  type: string | null;
  date: string | null;
  title: string | null;
  issuer: string | null;
  signatures: number;
  /** Each digital signature as checked at indexing: signer, organisation, time, verdict. */
  signatureChecks: SignatureJson[];
  review: { status: ReviewStatus; note: string | null };
  sourceRelPath: string;
  /** Supplement bundles only: "added", or "changed" when it replaces an earlier file of the same source. */
  change?: 'added' | 'changed';
  /** Supplement bundles only: the appraisal requests (ids) this document answers. */
  answers?: string[];
}

/** Supplement bundles: an appraisal request this bundle answers, and with what. */
export interface ManifestAnswer {
  request: string;
  code: string;
  kind: 'explain' | 'supplement';
  /** Entry paths of this bundle that answer it. */
  evidence: string[];
  /** An explain request answered by a changed giải trình: the new text. */
  explanation: string | null;
}

export interface ManifestCriterion {
  code: string;
  title: string;
  maxPoints: number | null;
  selfScore: number | null;
  explanation: string | null;
  status: CriterionStatus | null;
  evidence: ManifestEvidence[];
  /** Only with --merged-pdf: the review PDF and what could not go into it. */
  merged?: { path: string; pages: number; omitted: { path: string; reason: string }[] } | null;
}

export interface ManifestWithdrawn {
  code: string;
  /** The path it had in the previous bundle. */
  path: string;
  sha256: string;
  sourceRelPath: string | null;
  reason: 'removed' | 'replaced';
}

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  createdAt: string;
  app: { name: string; version: string };
  unit: string | null;
  year: number | null;
  pack: { id: string; name: string };
  since: { file: string; sha256: string; createdAt: string | null } | null;
  criteria: ManifestCriterion[];
  withdrawn: ManifestWithdrawn[];
  files: ManifestFile[];
  /** The submission's đợt label (an addition; older bundles lack it). */
  batch?: string;
  /** Supplement bundles: the appraisal requests answered (an addition). */
  answers?: ManifestAnswer[];
}

export type ExportPhase = 'preparing' | 'reports' | 'merging' | 'originals' | 'finishing';

export interface ExportProgress {
  phase: ExportPhase;
  current: number;
  total: number;
}

export interface ExportOptions {
  out: string;
  since?: string | null;
  mergedPdf?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Fixed clock for reproducible reports in tests. */
  now?: Date;
  /** The submission's đợt label; default "Đợt N" (N = submissions so far + 1). */
  batch?: string | null;
}

/** What an export wrote; the API adds the verification (shared/api-values.ts owns the shape). */
export type ExportResult = Omit<ExportResultJson, 'verify'>;
