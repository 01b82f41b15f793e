// Messages between the scan's index stage and the workers that read files (analyze-worker.ts).
import type { PdfAnalysis } from './pdf-analyze.js';

export interface HashJob {
  type: 'hash';
  path: string;
}

export interface AnalyzeJob {
  type: 'analyze';
  path: string;
  /** Files above this size are hashed but not parsed (error kind "too-large"). */
  maxBytes: number;
  /** DER certificates the workspace trusts (trusted_roots): a signature's chain verdict. */
  trustedRoots?: Uint8Array[];
}

export type IndexJob = HashJob | AnalyzeJob;

export interface HashResult {
  sha256: string;
  size: number;
}

export interface AnalyzeResult extends HashResult {
  kind: 'pdf' | 'other';
  analysis: PdfAnalysis | null;
}

export type IndexJobResult = HashResult | AnalyzeResult;

export function isPdfName(name: string): boolean {
  return /\.pdf$/i.test(name);
}
