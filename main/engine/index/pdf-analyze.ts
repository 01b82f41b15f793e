// Reads one PDF held in memory: page count, text layer and its quality, encryption, digital
// signatures, header text (first pages, as lines) and full text for search. Never throws for bad
// input: every failure becomes an AnalysisError with one of the contract's error kinds.

import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ErrorKind, TextQuality } from '../../../shared/types.js';
import { buildLines, type PositionedText } from './pdf-text.js';
import { assessTextQuality } from './text-quality.js';
import { countSignatures, sniffFormat } from './pdf-bytes.js';
import { annotationTexts } from './pdf-annotations.js';

export interface AnalysisError {
  kind: ErrorKind;
  message: string;
}

export interface PdfAnalysis {
  pages: number | null;
  textLayer: boolean;
  textQuality: TextQuality;
  encrypted: boolean;
  signatures: number;
  /** Lines of the first pages, for header recognition. */
  headerText: string;
  /** All extracted text (bounded), for search. */
  fullText: string;
  fullTextTruncated: boolean;
  error: AnalysisError | null;
}

export interface AnalyzeLimits {
  headerPages: number;
  /** Stop collecting full text after this many characters… */
  maxTextChars: number;
  /** …or after this much time, whichever comes first. */
  textBudgetMs: number;
}

export const DEFAULT_LIMITS: AnalyzeLimits = { headerPages: 2, maxTextChars: 2_000_000, textBudgetMs: 4_000 };

export function emptyAnalysis(error: AnalysisError | null, extra: Partial<PdfAnalysis> = {}): PdfAnalysis {
  return {
    pages: null,
    textLayer: false,
    textQuality: 'none',
    encrypted: false,
    signatures: 0,
    headerText: '',
    fullText: '',
    fullTextTruncated: false,
    error,
    ...extra,
  };
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : '';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function analyzePdf(bytes: Uint8Array, limits: AnalyzeLimits = DEFAULT_LIMITS): Promise<PdfAnalysis> {
  if (bytes.length === 0) return emptyAnalysis({ kind: 'empty', message: 'empty file (0 bytes)' });
  const format = sniffFormat(bytes);
  if (format !== 'pdf') {
    return emptyAnalysis({ kind: 'not-pdf', message: `not a PDF: the file content is ${format}` });
  }
  const signatures = countSignatures(bytes);

  let doc: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
    doc = await getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    if (errorName(e) === 'PasswordException') {
      return emptyAnalysis({ kind: 'encrypted', message: 'password-protected: the file needs a password to open' }, { encrypted: true, signatures });
    }
    return emptyAnalysis({ kind: 'corrupt', message: `damaged PDF: ${errorMessage(e)}` }, { signatures });
  }

  try {
    return await extract(doc, signatures, limits);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function extract(doc: PDFDocumentProxy, signatures: number, limits: AnalyzeLimits): Promise<PdfAnalysis> {
  const pages = doc.numPages;
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const encrypted = typeof info['EncryptFilterName'] === 'string';

  const headerLines: string[] = [];
  const fullParts: string[] = [];
  let chars = 0;
  let truncated = false;
  let pageError: string | null = null;
  const started = Date.now();

  for (let n = 1; n <= pages; n++) {
    if (n > limits.headerPages && (chars >= limits.maxTextChars || Date.now() - started > limits.textBudgetMs)) {
      truncated = true;
      break;
    }
    try {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items.push({ str: it.str, x: it.transform[4] ?? 0, y: it.transform[5] ?? 0, width: it.width, height: it.height });
      }
      let stamps: string[] = [];
      if (n === 1 && signatures > 0) {
        const extra = await annotationTexts(page).catch(() => ({ inline: [], stamps: [] }));
        items.push(...extra.inline);
        stamps = extra.stamps;
      }
      const lines = buildLines(items);
      page.cleanup();
      if (n <= limits.headerPages) headerLines.push(...lines);
      const text = [...lines, ...stamps].join('\n');
      fullParts.push(text);
      chars += text.length;
    } catch (e) {
      pageError = `page ${n} cannot be read: ${errorMessage(e)}`;
      break;
    }
  }

  const fullText = fullParts.join('\n\f\n').slice(0, limits.maxTextChars);
  const quality = assessTextQuality(fullText.slice(0, 50_000));
  return {
    pages,
    textLayer: quality.letters > 0,
    textQuality: quality.quality,
    encrypted,
    signatures,
    headerText: headerLines.join('\n'),
    fullText,
    fullTextTruncated: truncated,
    error: pageError ? { kind: 'corrupt', message: `damaged PDF: ${pageError}` } : null,
  };
}
