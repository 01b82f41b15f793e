// How a file's analysis becomes its `contents` row. The rows and all of their SQL live in
// db/stores/ (contents.ts, documents.ts); the types are re-exported here for header-of.ts.
import type { ContentRow } from '../db/stores/contents.js';
import type { PdfAnalysis } from '../pdf/pdf-analyze.js';

export type { ContentRow } from '../db/stores/contents.js';
export type { DocumentRow, HeaderValues } from '../db/stores/documents.js';

/** Bump when extraction changes so that a rescan re-reads contents analysed by older code. */
// 2: text quality by coverage (ocr-layer), signing-system fields, signing readings, signature checks.
export const ANALYZER_VERSION = 2;

export function contentFromAnalysis(sha256: string, size: number, kind: 'pdf' | 'other', a: PdfAnalysis | null): ContentRow {
  return {
    sha256,
    analyzer_version: ANALYZER_VERSION,
    size,
    kind,
    pages: a?.pages ?? null,
    text_layer: a?.textLayer ? 1 : 0,
    text_quality: a?.textQuality ?? 'none',
    ocr: 0,
    encrypted: a?.encrypted ? 1 : 0,
    signatures: a?.signatures ?? 0,
    signatures_json: JSON.stringify(a?.signatureChecks ?? []),
    error_kind: a?.error?.kind ?? null,
    error_message: a?.error?.message ?? null,
    header_text: a?.headerText ?? '',
    full_text: a?.fullText ?? '',
  };
}
