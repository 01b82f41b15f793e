// Chains to roots the user trusts, on PDFs the test signs itself: a root CA, a sub-CA and leaves
// made with the openssl CLI, a small PDF with a signature placeholder, a CMS made by
// `openssl cms -sign` over its /ByteRange. pdfsig confirms each PDF is validly signed, so the
// chain results are about trust, not about a broken test fixture.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignatures } from '../../main/engine/pdf/signatures.js';
import { Signing, type SignOptions } from '../helpers/signing.js';

let dir = '';
let signing: Signing;
const der = (pem: string): Uint8Array => signing.der(pem);
const makeCa = (name: string, subject: string, issuer?: string): void => signing.makeCa(name, subject, issuer);
const makeLeaf = (name: string, subject: string, issuer: string, key: string[]): void => signing.makeLeaf(name, subject, issuer, key);
const signedPdf = (o: SignOptions): Buffer => signing.signedPdf(o);

function pdfsigValid(pdf: Buffer): boolean {
  const file = path.join(dir, 'check.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return /Signature Validation: Signature is Valid\./.test(out);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kc-sigtrust-'));
  signing = new Signing(dir);
  makeCa('root', '/C=VN/O=KiemChung Test/CN=KiemChung Test Root CA');
  makeCa('sub', '/C=VN/O=KiemChung Test/CN=KiemChung Test Sub CA', 'root');
  makeCa('other', '/C=VN/O=Someone Else/CN=Other Root CA');
  // Same name as the sub-CA, different key: what a forged or mixed-up chain looks like.
  makeCa('fakesub', '/C=VN/O=KiemChung Test/CN=KiemChung Test Sub CA');
  makeLeaf('leafec', '/C=VN/L=Trà Vinh/O=ỦY BAN NHÂN DÂN TỈNH TRÀ VINH/OU=SỞ Y TẾ/CN=Nguyễn Văn A', 'sub', ['ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
  makeLeaf('leafrsa', '/C=VN/O=ỦY BAN NHÂN DÂN TỈNH TRÀ VINH/CN=SỞ Y TẾ', 'sub', ['rsa:2048']);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('chain to roots the user trusts', () => {
  it('ECDSA leaf under a sub-CA: unknown-root with no roots, trusted with the root, unknown with another root', () => {
    const pdf = signedPdf({ leaf: 'leafec', chain: 'sub.pem' });
    expect(pdfsigValid(pdf)).toBe(true);
    const [none] = verifySignatures(pdf);
    expect(none).toMatchObject({ status: 'valid', chain: 'unknown-root', coversWholeFile: true, certValidAtSigning: true, certExpired: false });
    expect(none?.signer).toMatchObject({ commonName: 'Nguyễn Văn A', organisation: 'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH', organisationalUnits: ['SỞ Y TẾ'], locality: 'Trà Vinh', issuerCommonName: 'KiemChung Test Sub CA' });
    expect(none).toMatchObject({ name: 'Nguyễn Văn A', reason: 'Phê duyệt', location: 'Trà Vinh', pdfTime: '2026-01-15T02:30:00.000Z' });
    expect(none?.signingTime).not.toBeNull(); // openssl adds signingTime

    expect(verifySignatures(pdf, { trustedRoots: [der('root.pem')] })[0]?.chain).toBe('trusted');
    expect(verifySignatures(pdf, { trustedRoots: [der('other.pem')] })[0]?.chain).toBe('unknown-root');
    // Trusting the sub-CA itself is the user's choice, and enough.
    expect(verifySignatures(pdf, { trustedRoots: [der('sub.pem')] })[0]?.chain).toBe('trusted');
    // Garbage among the roots is ignored, not fatal.
    expect(verifySignatures(pdf, { trustedRoots: [new Uint8Array([1, 2, 3]), der('root.pem')] })[0]?.chain).toBe('trusted');
  });

  it('without the sub-CA embedded the root cannot be reached: unknown-root', () => {
    const pdf = signedPdf({ leaf: 'leafec', chain: 'other.pem' });
    expect(verifySignatures(pdf, { trustedRoots: [der('root.pem')] })[0]).toMatchObject({ status: 'valid', chain: 'unknown-root' });
  });

  it('an embedded issuer with the right name and the wrong key: broken-chain', () => {
    const pdf = signedPdf({ leaf: 'leafec', chain: 'fakesub.pem' });
    expect(verifySignatures(pdf, { trustedRoots: [der('root.pem')] })[0]).toMatchObject({ status: 'valid', chain: 'broken-chain' });
  });

  it('RSA-PSS signature, inline signature dictionary', () => {
    const pdf = signedPdf({ leaf: 'leafrsa', chain: 'sub.pem', keyopt: ['-keyopt', 'rsa_padding_mode:pss'], inline: true });
    expect(pdfsigValid(pdf)).toBe(true);
    expect(verifySignatures(pdf, { trustedRoots: [der('root.pem')] })[0]).toMatchObject({ status: 'valid', signatureOk: true, chain: 'trusted' });
  });

  it('adbe.pkcs7.sha1: the SHA-1 of the ranges inside the CMS', () => {
    const pdf = signedPdf({ leaf: 'leafrsa', chain: 'sub.pem', subFilter: 'adbe.pkcs7.sha1' });
    const [c] = verifySignatures(pdf, { trustedRoots: [der('root.pem')] });
    expect(c).toMatchObject({ status: 'valid', subFilter: 'adbe.pkcs7.sha1', digestOk: true, chain: 'trusted' });
    const tampered = Buffer.from(pdf);
    tampered[20] = (tampered[20] as number) ^ 1;
    expect(verifySignatures(tampered)[0]).toMatchObject({ status: 'broken', digestOk: false });
  });

  it('certificate validity at signing and now', () => {
    const pdf = signedPdf({ leaf: 'leafec', chain: 'sub.pem' });
    const [later] = verifySignatures(pdf, { now: new Date(Date.now() + 3 * 365 * 86_400_000) });
    expect(later).toMatchObject({ status: 'valid', certValidAtSigning: true, certExpired: true });
  });
});
