// Reads one PDF held in memory: page count, text layer and its quality, encryption, digital
// signatures, header text (first pages, as lines) and full text for search. Never throws for bad
// input: every failure becomes an AnalysisError with one of the contract's error kinds.

import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ErrorKind, SignatureJson, TextQuality } from '../../../shared/types.js';
import { recordSignatures } from './signature-record.js';
import { buildLines, type PositionedText } from './pdf-text.js';
import { assessTextQuality, isStampLine, pageKind, scanLayerQuality, type PageKind } from './text-quality.js';
import { countSignatures, sniffFormat } from './pdf-bytes.js';
import { pageLayout, type PageLayout, type Rect } from './pdf-annotations.js';
import { appendSigning, readSignatures, type SignatureInfo } from './signing.js';

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
  /**
   * Lines of the first pages, for header recognition, followed by the signing readings of the
   * signature dictionaries (recognize/signing.ts: a marked trailer line that splitSigning removes).
   */
  headerText: string;
  /** All extracted text (bounded), for search. */
  fullText: string;
  fullTextTruncated: boolean;
  error: AnalysisError | null;
  /** Each digital signature checked (pdf/signatures): signer, time, digest, bytes added after. */
  signatureChecks: SignatureJson[];
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
    signatureChecks: [],
    ...extra,
  };
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : '';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `trustedRoots`: DER certificates the user trusts in this workspace (the chain verdict). */
export async function analyzePdf(bytes: Uint8Array, limits: AnalyzeLimits = DEFAULT_LIMITS, trustedRoots: Uint8Array[] = []): Promise<PdfAnalysis> {
  const analysis = await readPdf(bytes, limits);
  // Checked whatever pdf.js made of the page content: a damaged page tree does not change who signed.
  if (analysis.signatures > 0) analysis.signatureChecks = safeRecord(bytes, trustedRoots);
  return analysis;
}

function safeRecord(bytes: Uint8Array, trustedRoots: Uint8Array[]): SignatureJson[] {
  try {
    return recordSignatures(bytes, { trustedRoots });
  } catch {
    // verifySignatures reports bad signatures as values; a throw here would be a bug in it.
    return [];
  }
}

async function readPdf(bytes: Uint8Array, limits: AnalyzeLimits): Promise<PdfAnalysis> {
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
    const signing = signatures > 0 ? safeSignatures(bytes) : [];
    return await extract(doc, signatures, hasImages(bytes), signing, limits);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function safeSignatures(bytes: Uint8Array): SignatureInfo[] {
  try {
    return readSignatures(bytes);
  } catch {
    return [];
  }
}

/** Image XObjects are streams, never inside object streams: their dictionaries show in the bytes. */
function hasImages(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return b.includes('/Subtype/Image') || b.includes('/Subtype /Image');
}

const inside = (it: PositionedText, r: Rect): boolean => {
  const cx = it.x + it.width / 2;
  const cy = it.y + it.height / 2;
  return cx >= r[0] && cx <= r[2] && cy >= r[1] && cy <= r[3];
};

/** The page's own lines: not inside a signature widget, not a stamp line. */
function ownLines(items: readonly PositionedText[], layout: PageLayout | null): string[] {
  const widgets = layout?.widgets ?? [];
  const own = items.filter((it) => !it.box && !widgets.some((r) => inside(it, r)));
  return buildLines(own).filter((l) => !isStampLine(l));
}

async function extract(
  doc: PDFDocumentProxy,
  signatures: number,
  images: boolean,
  signing: readonly SignatureInfo[],
  limits: AnalyzeLimits,
): Promise<PdfAnalysis> {
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
  // What the quality is judged on: the pages' own text, without signature boxes and stamps.
  const ownParts: string[] = [];
  let firstKind: PageKind = 'empty';
  let firstOwn = '';

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
      let layout: PageLayout | null = null;
      if (n === 1) {
        // Page 1 carries the header: judge what its text covers. The operator list that measures
        // images is built only where it can change the verdict (text on a page of a file with images).
        const measure = images && items.some((i) => i.str.trim().length > 0);
        if (signatures > 0 || measure) layout = await pageLayout(page, measure).catch(() => null);
        items.push(...(layout?.inline ?? []));
        stamps = layout?.stamps ?? [];
      }
      const lines = buildLines(items);
      const own = ownLines(items, layout);
      if (n === 1) {
        firstOwn = own.join('\n');
        firstKind = pageKind(firstOwn, layout ?? { imageCover: null, glyphs: { visible: 0, hidden: 0 } });
      }
      ownParts.push(own.join('\n'));
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
  const layer = assessTextQuality(fullText.slice(0, 50_000));
  // A scanned page 1 (an image with a signature box or a hidden OCR layer) is not born-digital,
  // whatever its layer says: it is OCR'd. Otherwise the own text of the pages decides.
  const textQuality = firstKind === 'scan' ? scanLayerQuality(firstOwn) : assessTextQuality(ownParts.join('\n\f\n').slice(0, 50_000)).quality;
  return {
    pages,
    textLayer: layer.letters > 0,
    textQuality,
    encrypted,
    signatures,
    headerText: appendSigning(headerLines.join('\n'), signing),
    fullText,
    fullTextTruncated: truncated,
    error: pageError ? { kind: 'corrupt', message: `damaged PDF: ${pageError}` } : null,
    signatureChecks: [],
  };
}
