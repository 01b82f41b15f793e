// Reads the certificate file a user picks to trust (.cer, .crt, .pem, .der): DER, or PEM with one
// or more "-----BEGIN CERTIFICATE-----" blocks (a CA bundle). pkijs/asn1js parse it; anything that
// is not an X.509 certificate is refused by name, never trusted half-read.
import fs from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { UserError } from '../errors.js';
import { certDer, certificateInfo } from '../pdf/signatures/cms.js';
import type { CertificateInfo } from '../pdf/signatures/types.js';

/** A certificate file is a few kilobytes; a bundle of every root a ministry uses stays far below this. */
export const MAX_CERT_FILE_BYTES = 1024 * 1024;
/** More blocks than any real CA bundle holds: refused rather than trusted in bulk. */
export const MAX_CERTS_PER_FILE = 50;

export interface ParsedCertificate {
  der: Buffer;
  info: CertificateInfo;
  selfSigned: boolean;
}

const PEM_BLOCK = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

function refuse(file: string, reason: string, message: string): never {
  throw new UserError(`${file}: ${message}`, { kind: 'trust.not-a-certificate', params: { path: file, reason } });
}

function parseDer(file: string, der: Uint8Array): ParsedCertificate {
  const copy = der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
  const asn1 = asn1js.fromBER(copy);
  if (asn1.offset === -1) refuse(file, 'asn1', 'not an X.509 certificate (the DER does not parse)');
  let cert: pkijs.Certificate;
  try {
    cert = new pkijs.Certificate({ schema: asn1.result });
  } catch (e) {
    refuse(file, 'x509', `not an X.509 certificate (${e instanceof Error ? e.message : String(e)})`);
  }
  const info = certificateInfo(cert);
  return { der: Buffer.from(certDer(cert)), info, selfSigned: cert.subject.isEqual(cert.issuer) };
}

/** Every certificate in the file, in file order. Throws a UserError (trust.*) for anything else. */
export function readCertificateFile(file: string): ParsedCertificate[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError(`file not found: ${file}`, { kind: 'trust.file-not-found', params: { path: file } });
  }
  if (!stat.isFile()) throw new UserError(`not a file: ${file}`, { kind: 'trust.file-not-found', params: { path: file } });
  if (stat.size > MAX_CERT_FILE_BYTES) {
    throw new UserError(`${file}: too large for a certificate file (${stat.size} bytes, at most ${MAX_CERT_FILE_BYTES})`, { kind: 'trust.file-too-large', params: { path: file, bytes: stat.size, maxBytes: MAX_CERT_FILE_BYTES } });
  }
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => m[1] ?? '');
  if (blocks.length > MAX_CERTS_PER_FILE) refuse(file, 'too-many', `more than ${MAX_CERTS_PER_FILE} certificates in one file`);
  if (blocks.length === 0) {
    if (text.includes('-----BEGIN')) refuse(file, 'pem-other', 'a PEM file without a certificate (a key or a request?)');
    return [parseDer(file, bytes)];
  }
  return blocks.map((b) => {
    const body = b.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]+=*$/.test(body)) refuse(file, 'pem-base64', 'a PEM certificate block that is not base64');
    return parseDer(file, Buffer.from(body, 'base64'));
  });
}
