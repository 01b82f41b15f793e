// Chains to roots the user trusts, on PDFs the test signs itself: a root CA, a sub-CA and leaves
// made with the openssl CLI, a small PDF with a signature placeholder, a CMS made by
// `openssl cms -sign` over its /ByteRange. pdfsig confirms each PDF is validly signed, so the
// chain results are about trust, not about a broken test fixture.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignatures } from '../../main/engine/pdf/signatures.js';

let dir = '';
const ssl = (...args: string[]): string => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const der = (pem: string): Uint8Array => new Uint8Array(Buffer.from(readFileSync(path.join(dir, pem), 'latin1').replace(/-----[^-]+-----|\s/g, ''), 'base64'));

function makeCa(name: string, subject: string, issuer?: string): void {
  if (!issuer) {
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-utf8', '-subj', subject, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    return;
  }
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subject);
  writeFileSync(path.join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '3650', '-extfile', 'ca.ext');
}

function makeLeaf(name: string, subject: string, issuer: string, key: string[]): void {
  ssl('req', '-newkey', ...key, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subject);
  ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '365');
}

const utf16hex = (s: string): string => Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('hex');
const HOLE = 16384; // hex digits reserved for the CMS

interface SignOptions {
  leaf: string;
  chain: string; // PEM file of the certificates to embed
  subFilter?: 'adbe.pkcs7.detached' | 'adbe.pkcs7.sha1';
  keyopt?: string[];
  /** Signature dictionary written inline in the field's /V instead of as its own object. */
  inline?: boolean;
}

/** A one-page PDF with one signature field, signed by `openssl cms -sign` over its ByteRange. */
function signedPdf(o: SignOptions): Buffer {
  const subFilter = o.subFilter ?? 'adbe.pkcs7.detached';
  const sig = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${subFilter} /ByteRange [0 0000000000 0000000000 0000000000] /Contents <${'0'.repeat(HOLE)}> /M (D:20260115093000+07'00') /Name <${utf16hex('Nguyễn Văn A')}> /Reason <${utf16hex('Phê duyệt')}> /Location <${utf16hex('Trà Vinh')}> >>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>',
    `<< /FT /Sig /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 0 R /T (Signature1) /V ${o.inline ? sig : '5 0 R'} >>`,
    ...(o.inline ? [] : [sig]),
  ];
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const start = body.indexOf('/Contents <') + '/Contents '.length;
  const end = start + HOLE + 2;
  const range = `[0 ${start} ${end} ${body.length - end}]`.padEnd('[0 0000000000 0000000000 0000000000]'.length, ' ');
  body = body.replace('[0 0000000000 0000000000 0000000000]', range);
  const pdf = Buffer.from(body, 'latin1');
  const signed = Buffer.concat([pdf.subarray(0, start), pdf.subarray(end)]);
  const input = subFilter === 'adbe.pkcs7.sha1' ? createHash('sha1').update(signed).digest() : signed;
  writeFileSync(path.join(dir, 'data.bin'), input);
  ssl('cms', '-sign', '-binary', '-in', 'data.bin', '-signer', `${o.leaf}.pem`, '-inkey', `${o.leaf}.key`, '-certfile', o.chain, '-md', 'sha256', '-outform', 'DER', '-out', 'sig.der', ...(subFilter === 'adbe.pkcs7.sha1' ? ['-nodetach'] : []), ...(o.keyopt ?? []));
  const hex = readFileSync(path.join(dir, 'sig.der')).toString('hex');
  expect(hex.length).toBeLessThan(HOLE);
  pdf.write(hex, start + 1, 'latin1');
  return pdf;
}

function pdfsigValid(pdf: Buffer): boolean {
  const file = path.join(dir, 'check.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return /Signature Validation: Signature is Valid\./.test(out);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kc-sigtrust-'));
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
