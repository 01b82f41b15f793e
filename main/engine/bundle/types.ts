// The export bundle's manifest (CONTRACTS.md §4) and the export API's options and results.
import type { CriterionStatus, ReviewStatus } from '../../../shared/types.js';

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
  review: { status: ReviewStatus; note: string | null };
  sourceRelPath: string;
  /** Supplement bundles only: "added", or "changed" when it replaces an earlier file of the same source. */
  change?: 'added' | 'changed';
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
}

export interface ExportResult {
  out: string;
  bytes: number;
  entries: number;
  criteria: number;
  documents: number;
  /** Links a reviewer rejected: left out of the bundle entirely. */
  rejectedLinks: number;
  /** Links to codes that are not leaf criteria of the pack: not exported. */
  skippedLinks: { documentId: string; code: string; reason: string }[];
  withdrawn: number;
  merged: { code: string; path: string; pages: number; omitted: number }[];
  durationMs: number;
}
