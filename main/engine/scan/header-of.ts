// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy, and from its file name in any case (a rename can change what the name says).
import path from 'node:path';
import { recognizeHeader } from '../recognize/index.js';
import type { ContentRow, HeaderValues } from './document-store.js';

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const r = recognizeHeader({
    text: usable ? content.header_text : '',
    fileName: path.posix.basename(relPath),
    source: content.ocr ? 'ocr' : 'text',
  });
  return {
    number: r.number,
    type: r.type,
    issuer: r.issuer,
    issuerParent: r.issuerParent,
    place: r.place,
    date: r.date,
    title: r.title,
    fields: r.fields,
  };
}
