// What a file name says about the document, used only where the text says nothing. Offices name
// files after the number with the slash replaced ("kg-1942-KH-SYT.pdf", "Kế hoạch 118-KH-UBND Hà
// Giang.pdf", "89-2026-QD-CT.pdf") and often without Đ, and sometimes after the type ("Thông báo
// lịch tiếp công dân.pdf"). Web timestamps and dates in names are publication data, not the
// document date, so no date is read here.

import { DOCUMENT_TYPES } from '../../../shared/document-types.js';
import { foldForMatch, nfc } from '../../../shared/vietnamese.js';
import { restoreTypeSegment, type ParsedNumber } from './doc-number.js';
import { typeCodeOf } from './doc-type.js';

export interface FileNameHints {
  number: string | null;
  /** The code part of the number ("KH-SYT"), to check agreement with a code read in the text. */
  code: string | null;
  /** Type from the number's code, else from a type name opening the file name. */
  typeCode: string | null;
  typeFromName: boolean;
}

const CODE_TOKEN = /^[A-ZĐ][A-ZĐ0-9&]{0,11}$/u;

function baseName(fileName: string): string {
  const last = fileName.split(/[/\\]/).pop() ?? fileName;
  return nfc(last).replace(/\.[A-Za-z0-9]{2,4}$/, '');
}

/** A number token, an optional year, then at least two code tokens: "1942 KH SYT", "89 2026 QD CT". */
function numberFromTokens(tokens: readonly string[]): ParsedNumber | null {
  for (let i = 0; i < tokens.length; i++) {
    const digits = tokens[i] ?? '';
    if (!/^\d{1,6}$/.test(digits)) continue;
    let j = i + 1;
    let year = '';
    const maybeYear = tokens[j] ?? '';
    if (/^(199\d|20\d\d)$/.test(maybeYear)) {
      year = `/${maybeYear}`;
      j++;
    }
    const code: string[] = [];
    // Mixed-case type codes (CTr, TTr, QyĐ, TrS) are allowed in first place only.
    if (tokens[j] && !CODE_TOKEN.test(tokens[j] ?? '') && typeCodeOf(tokens[j] ?? '')) code.push(tokens[j++] ?? '');
    while (j < tokens.length && code.length < 4 && CODE_TOKEN.test(tokens[j] ?? '')) code.push(tokens[j++] ?? '');
    if (code.length < 2) continue;
    const joined = code.join('-');
    const typeCode = typeCodeOf(code[0] ?? '');
    return restoreTypeSegment({ number: `${digits}${year}/${joined}`, code: joined, typeCode, blank: false });
  }
  return null;
}

const NAME_PREFIXES = DOCUMENT_TYPES.map((t) => ({ key: foldForMatch(t.name), code: t.code })).sort(
  (a, b) => b.key.length - a.key.length,
);

function typeFromName(base: string): string | null {
  const key = foldForMatch(base).replace(/^[\d\s._-]+/, '');
  const hit = NAME_PREFIXES.find((p) => key === p.key || key.startsWith(`${p.key} `) || key.startsWith(`${p.key}_`));
  return hit?.code ?? null;
}

export function fromFileName(fileName: string): FileNameHints {
  const base = baseName(fileName);
  const parsed = numberFromTokens(base.split(/[\s_\-.,()+[\]]+/).filter(Boolean));
  if (parsed?.typeCode) {
    return { number: parsed.number, code: parsed.code, typeCode: parsed.typeCode, typeFromName: false };
  }
  const named = typeFromName(base);
  return { number: parsed?.number ?? null, code: parsed?.code ?? null, typeCode: named, typeFromName: named !== null };
}
