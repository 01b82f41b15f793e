// Finds signature dictionaries in the raw bytes of a PDF: every /ByteRange, in every revision
// (incremental updates append new objects, never rewrite old ones), plus those hidden inside
// compressed object streams by a tool that rewrote the file after it was signed.

import { inflateSync } from 'node:zlib';
import { decodeTextString, parseDictAt, parsePdfDate, type ParseBudget, type PdfDict, type PdfValue } from './pdf-syntax.js';
import type { SignatureField } from './types.js';

/** A document with more signature dictionaries than this is not an official document. */
export const MAX_SIGNATURES = 64;
/** Backward "<<" candidates tried for one /ByteRange (nested /Prop_Build dicts come before it). */
const MAX_DICT_TRIES = 64;
const MAX_OBJSTM = 10_000;
const MAX_OBJSTM_BYTES = 16 * 1024 * 1024;
const MAX_OBJSTM_TOTAL = 64 * 1024 * 1024;
/** PDF tokens read per file across all dictionary parses (a real signed file uses a few thousand). */
const PARSE_BUDGET = 500_000;

export interface FoundSignatures {
  fields: SignatureField[];
  /** More than MAX_SIGNATURES dictionaries, or the parse budget spent: the rest were not read. */
  truncated: boolean;
  /** Object streams we could not decode (a filter other than plain FlateDecode, or past a cap). */
  undecodedObjectStreams: number;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/** The innermost dictionary whose /ByteRange key sits at `at`, searched from the nearest "<<" backwards. */
function enclosingDict(bytes: Uint8Array, text: string, at: number, budget: ParseBudget): PdfDict | null {
  let from = at;
  for (let i = 0; i < MAX_DICT_TRIES && budget.tokens > 0; i++) {
    const start = text.lastIndexOf('<<', from);
    if (start < 0) return null;
    const dict = parseDictAt(bytes, start, budget);
    const hit = dict && dict.end > at ? findKeyAt(dict, at, 0) : null;
    if (hit) return hit;
    from = start - 1;
  }
  return null;
}

function findKeyAt(dict: PdfDict, at: number, depth: number): PdfDict | null {
  if (dict.keyPos.get('ByteRange') === at) return dict;
  if (depth > 8) return null;
  for (const v of dict.v.values()) {
    const found = nested(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

function nested(v: PdfValue, at: number, depth: number): PdfDict | null {
  if (v.t === 'dict') return findKeyAt(v, at, depth);
  if (v.t === 'arr') {
    for (const x of v.v) {
      const f = nested(x, at, depth);
      if (f) return f;
    }
  }
  return null;
}

function text(d: PdfDict, key: string): string | null {
  const v = d.v.get(key);
  if (v?.t === 'str') return decodeTextString(v.bytes).replace(/\0+$/, '');
  return null;
}

function name(d: PdfDict, key: string): string | null {
  const v = d.v.get(key);
  return v?.t === 'name' ? v.v : null;
}

function toField(d: PdfDict, inObjectStream: boolean): SignatureField {
  const br = d.v.get('ByteRange');
  const byteRange = br?.t === 'arr' && br.v.every((x) => x.t === 'num') ? br.v.map((x) => (x.t === 'num' ? x.v : NaN)) : null;
  const c = d.v.get('Contents');
  const contents = c?.t === 'str' && !c.truncated ? c.bytes : null;
  const pdfTimeRaw = text(d, 'M');
  return {
    byteRange,
    contents,
    contentsTooLarge: c?.t === 'str' && c.truncated,
    contentsStart: c?.t === 'str' && !inObjectStream ? c.start : null,
    contentsEnd: c?.t === 'str' && !inObjectStream ? c.end : null,
    subFilter: name(d, 'SubFilter'),
    filter: name(d, 'Filter'),
    type: name(d, 'Type'),
    pdfTimeRaw,
    pdfTime: pdfTimeRaw ? parsePdfDate(pdfTimeRaw) : null,
    name: text(d, 'Name'),
    reason: text(d, 'Reason'),
    location: text(d, 'Location'),
    contactInfo: text(d, 'ContactInfo'),
    inObjectStream,
    unreadable: false,
  };
}

/** A /ByteRange whose dictionary does not parse still counts as a signature, reported unreadable. */
function unreadableField(t: string, at: number, inObjectStream: boolean): SignatureField {
  const nums = /^\/ByteRange\s*\[([-+.\d\s]{0,200})\]/.exec(t.slice(at, at + 240))?.[1]?.trim().split(/\s+/).map(Number);
  return {
    byteRange: nums && nums.length > 0 && nums.every(Number.isFinite) ? nums : null,
    contents: null,
    contentsTooLarge: false,
    contentsStart: null,
    contentsEnd: null,
    subFilter: null,
    filter: null,
    type: null,
    pdfTimeRaw: null,
    pdfTime: null,
    name: null,
    reason: null,
    location: null,
    contactInfo: null,
    inObjectStream,
    unreadable: true,
  };
}

/** All /ByteRange dictionaries of one buffer (the file, or a decoded object stream). */
function scan(bytes: Uint8Array, t: string, inObjectStream: boolean, out: SignatureField[], seen: Set<string>, budget: ParseBudget): boolean {
  const re = /\/ByteRange[\s[]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (budget.tokens <= 0) return true;
    const dict = enclosingDict(bytes, t, m.index, budget);
    const field = dict ? toField(dict, inObjectStream) : unreadableField(t, m.index, inObjectStream);
    // A placeholder range (all zeros) is an empty field prepared for signing, not a signature.
    if (field.byteRange && field.byteRange.length > 0 && field.byteRange.every((n) => n === 0)) continue;
    // Incremental saves and rewrites may repeat one dictionary: the same range and blob count once.
    const key = `${field.byteRange?.join(' ')}|${field.contents ? Buffer.from(field.contents.subarray(0, 64)).toString('hex') : ''}|${field.contents?.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= MAX_SIGNATURES) return true;
    out.push(field);
  }
  return false;
}

/** Decoded bytes of every FlateDecode object stream (/Type /ObjStm) in the file, within caps. */
function objectStreams(bytes: Uint8Array, t: string, budget: ParseBudget): { streams: Uint8Array[]; undecoded: number } {
  const streams: Uint8Array[] = [];
  let undecoded = 0;
  let total = 0;
  const re = /\/Type\s*\/ObjStm\b/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(t)) !== null) {
    if (++count > MAX_OBJSTM || total >= MAX_OBJSTM_TOTAL) { undecoded++; continue; }
    const start = t.lastIndexOf('<<', m.index);
    const dict = start >= 0 ? parseDictAt(bytes, start, budget) : null;
    if (!dict || dict.end < m.index) { undecoded++; continue; }
    const filter = dict.v.get('Filter');
    const flate = (filter?.t === 'name' && filter.v === 'FlateDecode') || (filter?.t === 'arr' && filter.v.length === 1 && filter.v[0]?.t === 'name' && filter.v[0].v === 'FlateDecode');
    if (!flate || dict.v.has('DecodeParms')) { undecoded++; continue; }
    const kw = /stream\r?\n/y;
    kw.lastIndex = dict.end + (/^\s*/.exec(t.slice(dict.end, dict.end + 16))?.[0].length ?? 0);
    if (!kw.exec(t)) { undecoded++; continue; }
    const dataStart = kw.lastIndex;
    const len = dict.v.get('Length');
    let dataEnd = len?.t === 'num' && len.v >= 0 ? dataStart + len.v : t.indexOf('endstream', dataStart);
    if (dataEnd < 0 || dataEnd > bytes.length) dataEnd = t.indexOf('endstream', dataStart);
    if (dataEnd < 0) { undecoded++; continue; }
    try {
      // The cap is enforced by zlib while inflating, not taken from anything the file declares.
      const out = inflateSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: Math.min(MAX_OBJSTM_BYTES, MAX_OBJSTM_TOTAL - total) });
      total += out.length;
      streams.push(out);
    } catch {
      undecoded++;
    }
  }
  return { streams, undecoded };
}

/**
 * Signature dictionaries of a PDF, in file order. Never throws for bad input: what cannot be
 * read is skipped (a dictionary that does not parse) or counted (object streams not decoded).
 */
export function findSignatureFields(bytes: Uint8Array): FoundSignatures {
  const fields: SignatureField[] = [];
  const seen = new Set<string>();
  const budget: ParseBudget = { tokens: PARSE_BUDGET };
  const t = latin1(bytes);
  let truncated = scan(bytes, t, false, fields, seen, budget);
  let undecodedObjectStreams = 0;
  // A signature dictionary inside an object stream means the file was rewritten after signing,
  // and such a rewrite usually compresses the AcroForm too, leaving no hint in the clear: so
  // every object stream is opened (bounded by the caps above; a few ms on real files).
  if (!truncated && t.includes('/ObjStm')) {
    const { streams, undecoded } = objectStreams(bytes, t, budget);
    undecodedObjectStreams = undecoded;
    for (const s of streams) {
      const st = latin1(s);
      if (!st.includes('/ByteRange')) continue;
      if (scan(s, st, true, fields, seen, budget)) { truncated = true; break; }
    }
  }
  return { fields, truncated, undecodedObjectStreams };
}
