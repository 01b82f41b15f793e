// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy, and from its file name in any case (a rename can change what the name says).
import path from 'node:path';
import { recognizeHeader } from '../recognize/index.js';
import type { ContentRow, HeaderValues } from './document-store.js';

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const { typeName: _typeName, ...header } = recognizeHeader({
    text: usable ? content.header_text : '',
    fileName: path.posix.basename(relPath),
    source: content.ocr ? 'ocr' : 'text',
  });
  return header;
}
