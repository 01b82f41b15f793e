// Lying and damaged signature data: each lie gives a named error for that signature, never a
// throw, a hang, or a hash over bytes the file does not have. Built from the corpus's small
// self-signed plan by rewriting its /ByteRange and /Contents in place.

import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSignatureFields, summarizeSignatures, verifySignatures } from '../../main/engine/pdf/signatures.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus/seeds/plan-003-selfsigned.pdf');
const original = new Uint8Array(readFileSync(file));
const text = Buffer.from(original).toString('latin1');
const brAt = text.indexOf('/ByteRange');
const brOpen = text.indexOf('[', brAt);
const brClose = text.indexOf(']', brOpen);
/** The writer padded the array with spaces after "]": that whole width can be rewritten in place. */
const brWidth = /^\][ ]*/.exec(text.slice(brClose))![0].length + (brClose - brOpen);
const [field] = findSignatureFields(original).fields;

function withByteRange(inner: string): Uint8Array {
  const replacement = `[${inner}]`.padEnd(brWidth, ' ');
  expect(replacement.length).toBe(brWidth);
  const out = original.slice();
  out.set(Buffer.from(replacement, 'latin1'), brOpen);
  return out;
}

function only(bytes: Uint8Array) {
  const checks = verifySignatures(bytes);
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

describe('the self-signed seed as found and verified', () => {
  it('reads the dictionary: range, contents position, subfilter, /M, name, reason', () => {
    expect(field).toBeDefined();
    const br = field!.byteRange!;
    expect(br[0]).toBe(0);
    expect(br[1]).toBe(field!.contentsStart);
    expect(br[2]).toBe(field!.contentsEnd);
    expect(field!.subFilter).toBe('adbe.pkcs7.detached');
    expect(field!.pdfTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('is valid, whole-file, from an unknown root', () => {
    const c = only(original);
    expect(c).toMatchObject({ status: 'valid', digestOk: true, signatureOk: true, coversWholeFile: true, modifiedAfterSigning: false, chain: 'unknown-root', error: null });
    expect(c.signer?.commonName).toBe('Nguyen Van A');
    expect(summarizeSignatures([c])).toMatchObject({ count: 1, valid: 1, intactSinceLastSignature: true, allTrusted: false });
  });
});

describe('a /ByteRange that lies gives a named error, never a throw', () => {
  const [, len1 = 0, off2 = 0, len2 = 0] = field?.byteRange ?? [];
  const cases: Array<[string, string, string]> = [
    ['past the end of the file', `0 ${len1} ${off2} ${len2 + 1_000_000}`, 'byterange-out-of-range'],
    ['overlapping ranges', `0 ${len1} ${len1 - 100} ${len2 + 100}`, 'byterange-malformed'],
    ['negative length', `0 -${len1} ${off2} ${len2}`, 'byterange-malformed'],
    ['huge numbers', `0 99999999999999999999 ${off2} ${len2}`, 'byterange-malformed'],
    ['exponent (not a PDF number)', `0 1e300 ${off2} ${len2}`, 'byterange-malformed'],
    ['not starting at 0', `10 ${len1 - 10} ${off2} ${len2}`, 'byterange-malformed'],
    ['three numbers', `0 ${len1} ${off2}`, 'byterange-malformed'],
    ['empty', ``, 'byterange-malformed'],
  ];
  for (const [what, inner, kind] of cases) {
    it(what, () => {
      const c = only(withByteRange(inner));
      expect(c.error?.kind).toBe(kind);
      expect(c.error?.message).toBeTruthy();
      expect(c.status).toBe('error');
      expect(c.digestOk).toBeNull(); // nothing was hashed
      expect(c.signer?.commonName).toBe('Nguyen Van A'); // who signed is still shown
    });
  }

  it('a gap that is not /Contents leaves other bytes unsigned: broken', () => {
    const c = only(withByteRange(`0 ${len1 - 50} ${off2} ${len2}`));
    expect(c.error?.kind).toBe('byterange-malformed');
    expect(c.error?.message).toMatch(/not the \/Contents/);
    expect(c.status).toBe('broken');
  });
});

describe('a /Contents that lies', () => {
  const start = field!.contentsStart!;
  const end = field!.contentsEnd!;

  it('not a CMS blob: cms-malformed', () => {
    const out = original.slice();
    out.set(Buffer.from('ffffffffffff', 'latin1'), start + 1);
    const c = only(out);
    expect(c.error?.kind).toBe('cms-malformed');
    expect(c.status).toBe('error');
  });

  it('a 3 MB /Contents: contents-too-large, refused before parsing', () => {
    const huge = Buffer.concat([original.subarray(0, start), Buffer.from(`<${'ab'.repeat(1_500_000)}>`, 'latin1'), original.subarray(end)]);
    const t0 = performance.now();
    const c = only(huge);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(c.error?.kind).toBe('contents-too-large');
  });

  it('an empty /Contents: contents-missing', () => {
    const out = Buffer.concat([original.subarray(0, start), Buffer.from('<>', 'latin1'), original.subarray(end)]);
    expect(only(out).error?.kind).toBe('contents-missing');
  });

  it('a file cut off inside /Contents: dictionary-unreadable', () => {
    const c = only(original.slice(0, start + 200));
    expect(c.error?.kind).toBe('dictionary-unreadable');
  });
});

describe('bounded on hostile files', () => {
  it('more than 64 signature dictionaries: the first 64 are checked, then too-many-signatures', () => {
    const dicts = Array.from({ length: 100 }, (_, i) => `${1000 + i} 0 obj\n<< /Type /Sig /ByteRange [0 ${i + 1} ${i + 10} 5] /Contents <3000> >>\nendobj\n`).join('');
    const checks = verifySignatures(Buffer.concat([original, Buffer.from(dicts, 'latin1')]));
    expect(checks).toHaveLength(64);
    expect(checks.at(-1)?.error?.kind).toBe('too-many-signatures');
  });

  it('thousands of decoy dictionaries spend a fixed parse budget, then stop', () => {
    const decoy = `<< ${'/A 1 '.repeat(2000)}/ByteRange [0 0 0 0] >>\n`.repeat(3000);
    const bytes = Buffer.concat([original, Buffer.from(decoy, 'latin1')]);
    const t0 = performance.now();
    expect(findSignatureFields(bytes).truncated).toBe(true);
    expect(verifySignatures(bytes)[0]?.status).toBe('valid'); // the real one, before the decoys
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('an object stream that inflates past its cap is skipped, not inflated', () => {
    const bomb = deflateSync(Buffer.alloc(20 * 1024 * 1024));
    const obj = Buffer.concat([
      Buffer.from(`\n900 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, 'latin1'),
      bomb,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    const bytes = Buffer.concat([original, obj]);
    expect(findSignatureFields(bytes).undecodedObjectStreams).toBe(1);
    expect(verifySignatures(bytes)).toHaveLength(1);
  });

  it('a signature dictionary inside an object stream is found and reported as rewritten', () => {
    const dict = text.slice(text.lastIndexOf('<<', brAt), text.indexOf('endobj', brAt));
    const body = `77 0 ${dict}`;
    const data = deflateSync(Buffer.from(body, 'latin1'));
    const obj = Buffer.concat([Buffer.from(`\n901 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    // Remove the raw copy so only the compressed one remains.
    const raw = Buffer.from(original);
    raw.fill(0x20, text.indexOf('/ByteRange'), text.indexOf('/ByteRange') + 10);
    const checks = verifySignatures(Buffer.concat([raw, obj]));
    expect(checks).toHaveLength(1);
    expect(checks[0]?.inObjectStream).toBe(true);
    expect(checks[0]?.status).not.toBe('valid');
  });

  it('300 random corruptions never throw and stay fast', () => {
    let seed = 14;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const b = original.slice();
      const at = (field?.contentsStart ?? 0) - 400 + rand(1200); // around the signature dictionary
      for (let k = 0; k < 1 + rand(8); k++) b[at + rand(64)] = rand(256);
      const cut = rand(4) === 0 ? b.subarray(0, at) : b;
      const checks = verifySignatures(cut);
      expect(Array.isArray(checks)).toBe(true);
      for (const c of checks) if (c.status === 'valid') expect(c.digestOk && c.signatureOk).toBe(true);
    }
    expect(performance.now() - t0).toBeLessThan(30_000);
  });

  it('files that are not PDFs at all', () => {
    expect(verifySignatures(new Uint8Array(0))).toEqual([]);
    expect(verifySignatures(Buffer.from('/ByteRange [0 1 2 3] <<'))).toHaveLength(1);
    expect(verifySignatures(Buffer.from('<<'.repeat(100_000) + '/ByteRange [0 1 2 3]'))[0]?.error?.kind).toBe('dictionary-unreadable');
  });
});
