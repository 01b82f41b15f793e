// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy (a usable text layer, else the OCR of the top of page 1), and from its file name in
// any case (a rename can change what the name says).
import path from 'node:path';
import { recognizeHeader } from '../recognize/index.js';
import type { ContentRow, HeaderValues } from './document-store.js';

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const ocrRead = content.error_kind === null && (content.ocr_status === 'header' || content.ocr_status === 'done');
  const { typeName: _typeName, ...header } = recognizeHeader({
    text: usable ? content.header_text : ocrRead ? (content.ocr_header_text ?? '') : '',
    fileName: path.posix.basename(relPath),
    source: !usable && ocrRead ? 'ocr' : 'text',
  });
  return header;
}
