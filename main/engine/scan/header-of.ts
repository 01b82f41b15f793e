// Header fields of one document: recognised from its content's page-1 text when that text is
// trustworthy (a usable text layer, else the OCR of the top of page 1), and from its file name in
// any case (a rename can change what the name says).
import path from 'node:path';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { recognizeHeader } from '../recognize/index.js';
import type { ContentRow, HeaderValues } from './document-store.js';

export function headerOf(content: ContentRow, relPath: string): HeaderValues {
  const usable = content.error_kind === null && content.text_quality === 'usable';
  const ocrRead = content.error_kind === null && (content.ocr_status === 'header' || content.ocr_status === 'done');
  const text = usable ? content.header_text : ocrRead ? (content.ocr_header_text ?? '') : '';
  const { typeName: _typeName, ...header } = recognizeHeader({
    text,
    fileName: path.posix.basename(relPath),
    source: !usable && ocrRead ? 'ocr' : 'text',
  });
  if (ocrRead && !usable && header.number !== null && header.fields.number?.source === 'filename') {
    header.number = printedCode(header.number, text);
  }
  return header;
}

/**
 * Scans usually carry a handwritten number that OCR cannot read, so the number comes from the
 * file name, which cannot spell Đ ("212-KH-BGDDT"). When the OCR'd header prints the same code
 * ("Số: ##4/KH-BGDĐT"), keep the name's digits and the printed spelling of the code.
 */
function printedCode(number: string, text: string): string {
  const slash = number.indexOf('/');
  if (slash < 0) return number;
  const code = number.slice(slash + 1);
  const want = foldForMatch(code);
  for (const m of text.matchAll(/\/\s*([\p{Lu}\d]+(?:[-–][\p{Lu}\d]+)+)/gu)) {
    const printed = (m[1] ?? '').replace(/–/g, '-');
    if (printed !== code && foldForMatch(printed) === want) return `${number.slice(0, slash + 1)}${printed}`;
  }
  return number;
}
