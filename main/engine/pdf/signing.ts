// The signing evidence of a PDF, read from the bytes of each signature dictionary (/Type /Sig):
// its signing time (/M), the signer name (/Name; organisation signatures carry the body's name,
// "SỞ NỘI VỤ"), /Reason, /Location and the field name (/T). A signature dictionary cannot sit in
// an object stream (its /ByteRange points into the file), so it is readable without a PDF
// parser. Nothing here verifies a signature (that is the CMS check's job): a time read here only
// bounds the document date ("the day cannot lie after its signing"); it never fills a field.
//
// The readings travel with the header text (contents.header_text) as one marked trailer line, so
// they are cached with it and need no column of their own; splitSigning takes it off.

export interface SignatureInfo {
  /** ISO 8601 with the offset as written ("2025-09-18T10:21:05+07:00"), or null. */
  signedAt: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  field: string | null;
}

/** Decode a PDF string token: (literal) in PDFDocEncoding or UTF-16BE with BOM, or <hex>. */
function decodePdfString(token: string): string {
  let bytes: number[] = [];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/[^0-9a-fA-F]/g, '');
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  } else {
    const body = token.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const ch = body[i] ?? '';
      if (ch !== '\\') {
        bytes.push(ch.charCodeAt(0) & 0xff);
        continue;
      }
      const next = body[++i] ?? '';
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (next in esc) bytes.push(esc[next] ?? 0);
      else if (/[0-7]/.test(next)) {
        let oct = next;
        while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
        bytes.push(parseInt(oct, 8) & 0xff);
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && body[i + 1] === '\n') i++;
      } else bytes.push(next.charCodeAt(0) & 0xff);
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bytes = bytes.slice(2);
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out.normalize('NFC');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.slice(3)).toString('utf8').normalize('NFC');
  return String.fromCharCode(...bytes).normalize('NFC');
}

/** "D:20250918102105+07'00'" → "2025-09-18T10:21:05+07:00"; null when it is no date. */
export function pdfDate(raw: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(y) < 1990) return null;
  const offset = !tz ? '' : /^[Zz]$/.test(tz) ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}

/** The innermost "<< … >>" of `text` that contains offset `at` (strings and hex skipped). */
function enclosingDict(text: string, at: number): string | null {
  const opens: number[] = [];
  let found: [number, number] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // Skip a literal string, with nesting and escapes.
      let depth = 1;
      for (i++; i < text.length && depth > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
      }
      i--;
    } else if (c === '<' && text[i + 1] === '<') {
      opens.push(i);
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      const start = opens.pop();
      if (start !== undefined && start < at && i > at && (!found || start > found[0])) found = [start, i + 2];
      i++;
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) break;
      i = end;
    }
  }
  return found ? text.slice(found[0], found[1]) : null;
}

const STRING_TOKEN = String.raw`(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)`;

function entry(dict: string, key: string): string | null {
  // Only the dictionary's own entries: nested dictionaries (/Prop_Build) are cut out first.
  const flat = dict.slice(2, -2).replace(/<<[\s\S]*?>>/g, ' ');
  const m = new RegExp(`/${key}\\s*${STRING_TOKEN}`).exec(flat);
  return m?.[1] ? decodePdfString(m[1]).trim() || null : null;
}

/** Every signature dictionary of the file, in file order; a dictionary repeated by an incremental save counts once. */
export function readSignatures(bytes: Uint8Array): SignatureInfo[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const out: SignatureInfo[] = [];
  const seen = new Set<string>();
  const re = /\/ByteRange\s*\[\s*([0-9\s]+?)\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const range = (m[1] ?? '').trim().split(/\s+/).join(' ');
    if (/^[0\s]+$/.test(range) || seen.has(range)) continue;
    seen.add(range);
    // The dictionary around /ByteRange, without the (long) /Contents hex string.
    const objStart = Math.max(0, text.lastIndexOf(' obj', m.index) - 12, m.index - 8_000);
    const objEnd = text.indexOf('endobj', m.index);
    const window = text.slice(objStart, objEnd < 0 ? m.index + 8_000 : objEnd).replace(/\/Contents\s*<[0-9a-fA-F\s]*>/g, '/Contents<>');
    const at = window.indexOf('/ByteRange');
    const dict = enclosingDict(window, at);
    if (!dict) continue;
    const time = entry(dict, 'M');
    out.push({
      signedAt: time ? pdfDate(time) : null,
      name: entry(dict, 'Name'),
      reason: entry(dict, 'Reason'),
      location: entry(dict, 'Location'),
      // The field name sits in the field that holds this dictionary as /V, when it is direct.
      field: entry(enclosingDict(window, Math.max(0, window.indexOf(dict))) ?? '<<>>', 'T'),
    });
  }
  return out;
}

const MARK = '\u2063sig ';

/** The header text with the signing readings appended as one marked line. */
export function appendSigning(headerText: string, signatures: readonly SignatureInfo[]): string {
  if (signatures.length === 0) return headerText;
  return `${headerText}\n${MARK}${JSON.stringify(signatures)}`;
}

export function splitSigning(stored: string): { text: string; signatures: SignatureInfo[] } {
  const at = stored.lastIndexOf(`\n${MARK}`);
  if (at < 0) return { text: stored, signatures: [] };
  const text = stored.slice(0, at);
  try {
    const parsed = JSON.parse(stored.slice(at + 1 + MARK.length)) as unknown;
    return { text, signatures: Array.isArray(parsed) ? (parsed as SignatureInfo[]) : [] };
  } catch {
    return { text, signatures: [] };
  }
}

/** The local calendar day of a signing time as written ("2025-09-18"). */
export function signingDay(s: SignatureInfo): string | null {
  return s.signedAt?.slice(0, 10) ?? null;
}
