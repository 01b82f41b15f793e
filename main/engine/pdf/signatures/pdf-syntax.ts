// Just enough PDF object syntax to read a signature dictionary where it sits in the raw bytes.
// A full parser (pdf-lib, pdf.js) would re-serialise or hide the byte offsets, and the offsets of
// /Contents are exactly what must be checked against the /ByteRange gap. Everything here is
// bounded: nesting depth, token count and string length, so a hostile file cannot make it spin.

export type PdfValue =
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'str'; bytes: Uint8Array; hex: boolean; start: number; end: number; truncated: boolean }
  | { t: 'arr'; v: PdfValue[] }
  | { t: 'dict'; v: Map<string, PdfValue>; keyPos: Map<string, number>; start: number; end: number }
  | { t: 'ref'; num: number; gen: number }
  | { t: 'kw'; v: string };

export type PdfDict = Extract<PdfValue, { t: 'dict' }>;

const MAX_DEPTH = 32;
const MAX_TOKENS = 200_000;
/**
 * Longer than any real CMS blob (VGCA signatures with embedded chains and timestamps are < 64 KB).
 * A longer string is still read to its end, so its dictionary is found, but only this much is kept.
 */
export const MAX_STRING_BYTES = 1024 * 1024;

class SyntaxFail extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Tokens one caller may spend over many parses: bounds a file full of decoy dictionaries. */
export interface ParseBudget {
  tokens: number;
}

class Parser {
  pos: number;
  tokens = 0;
  constructor(
    readonly b: Uint8Array,
    start: number,
    readonly budget: ParseBudget,
  ) {
    this.pos = start;
  }

  private skipWs(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos] as number;
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) { // comment to end of line
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const b = this.b;
    const s = this.pos;
    while (this.pos < b.length && !WS.has(b[this.pos] as number) && !DELIM.has(b[this.pos] as number)) this.pos++;
    return Buffer.from(b.buffer, b.byteOffset + s, this.pos - s).toString('latin1');
  }

  value(depth: number): PdfValue {
    if (++this.tokens > MAX_TOKENS || depth > MAX_DEPTH || --this.budget.tokens < 0) throw new SyntaxFail('too deep or too long');
    this.skipWs();
    const b = this.b;
    if (this.pos >= b.length) throw new SyntaxFail('unexpected end');
    const c = b[this.pos] as number;
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x28) return this.literalString();
    if (c === 0x5b) {
      this.pos++;
      const v: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d) { this.pos++; return { t: 'arr', v: collapseRefs(v) }; }
        v.push(this.value(depth + 1));
      }
    }
    if (c === 0x2f) {
      this.pos++;
      return { t: 'name', v: decodeName(this.regular()) };
    }
    const word = this.regular();
    if (word === '') throw new SyntaxFail(`unexpected byte ${c}`);
    const n = Number(word);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(n)) return { t: 'num', v: n };
    return { t: 'kw', v: word };
  }

  private dict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const v = new Map<string, PdfValue>();
    const keyPos = new Map<string, number>();
    const items: Array<{ key: string; at: number; vals: PdfValue[] }> = [];
    for (;;) {
      this.skipWs();
      const b = this.b;
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) { this.pos += 2; break; }
      const at = this.pos;
      const key = this.value(depth + 1);
      if (key.t !== 'name') throw new SyntaxFail('dictionary key is not a name');
      // A value may be "12 0 R": read up to three tokens until the next key or the end.
      const vals: PdfValue[] = [this.value(depth + 1)];
      items.push({ key: key.v, at, vals });
      for (let i = 0; i < 2; i++) {
        this.skipWs();
        const next = b[this.pos];
        if (next === 0x2f || (next === 0x3e && b[this.pos + 1] === 0x3e) || this.pos >= b.length) break;
        vals.push(this.value(depth + 1));
      }
    }
    for (const { key, at, vals } of items) {
      const collapsed = collapseRefs(vals);
      if (collapsed[0]) { v.set(key, collapsed[0]); keyPos.set(key, at); }
    }
    return { t: 'dict', v, keyPos, start, end: this.pos };
  }

  private hexString(): PdfValue {
    const b = this.b;
    const start = this.pos++;
    const out: number[] = [];
    let hi = -1;
    let truncated = false;
    const close = b.indexOf(0x3e, this.pos);
    if (close < 0) throw new SyntaxFail('unterminated hex string');
    if ((close - this.pos) / 2 > MAX_STRING_BYTES) {
      truncated = true;
      this.pos = close;
    }
    while (this.pos < close) {
      const h = hexVal(b[this.pos++] as number);
      if (h < 0) continue; // whitespace inside hex strings is allowed
      if (hi < 0) hi = h;
      else { out.push(hi * 16 + h); hi = -1; }
    }
    if (hi >= 0) out.push(hi * 16);
    this.pos++;
    return { t: 'str', bytes: Uint8Array.from(out), hex: true, start, end: this.pos, truncated };
  }

  private literalString(): PdfValue {
    const b = this.b;
    const start = this.pos++;
    const out: number[] = [];
    let nest = 1;
    while (this.pos < b.length) {
      let c = b[this.pos++] as number;
      if (c === 0x5c) {
        c = b[this.pos++] ?? 0;
        const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (c >= 0x30 && c <= 0x37) {
          let o = c - 0x30;
          for (let i = 0; i < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; i++) o = o * 8 + ((b[this.pos++] as number) - 0x30);
          out.push(o & 0xff);
        } else if (c === 0x0d || c === 0x0a) {
          if (c === 0x0d && b[this.pos] === 0x0a) this.pos++; // line continuation
        } else out.push(esc[c] ?? c);
      } else if (c === 0x28) { nest++; out.push(c); }
      else if (c === 0x29) { if (--nest === 0) return { t: 'str', bytes: Uint8Array.from(out), hex: false, start, end: this.pos, truncated: out.length >= MAX_STRING_BYTES }; out.push(c); }
      else out.push(c);
      if (out.length >= MAX_STRING_BYTES) out.length = MAX_STRING_BYTES; // keep reading, stop keeping
    }
    throw new SyntaxFail('unterminated string');
  }
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function collapseRefs(vals: PdfValue[]): PdfValue[] {
  const out: PdfValue[] = [];
  for (let i = 0; i < vals.length; i++) {
    const a = vals[i] as PdfValue;
    const g = vals[i + 1];
    const r = vals[i + 2];
    if (a.t === 'num' && g?.t === 'num' && r?.t === 'kw' && r.v === 'R') {
      out.push({ t: 'ref', num: a.v, gen: g.v });
      i += 2;
    } else out.push(a);
  }
  return out;
}

/** Parses the dictionary starting at `start` ("<<"), or null when the bytes there are not one. */
export function parseDictAt(bytes: Uint8Array, start: number, budget: ParseBudget): PdfDict | null {
  try {
    const v = new Parser(bytes, start, budget).value(0);
    return v.t === 'dict' ? v : null;
  } catch (e) {
    if (e instanceof SyntaxFail || e instanceof RangeError) return null;
    throw e;
  }
}

/** Text strings are UTF-16BE with a byte-order mark or PDFDocEncoding (≈ Latin-1 for what matters here). */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    if (swapped.length % 2) return '';
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  return Buffer.from(bytes).toString('latin1');
}

/** PDF date "D:YYYYMMDDHHmmSS+07'00'" to an ISO instant; null when it does not read as one. */
export function parsePdfDate(raw: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{0,2}'?)?/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  let offset = 0;
  if (tz && tz !== 'Z') {
    const t = /^([+-])(\d{2})'?(\d{0,2})/.exec(tz);
    if (t) offset = (t[1] === '-' ? -1 : 1) * (Number(t[2]) * 60 + Number(t[3] || '0'));
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
