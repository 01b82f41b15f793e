// Certificates and signed PDFs made by the openssl CLI for signature tests: a root CA, sub-CAs and
// leaves, and a one-page PDF with a signature placeholder whose CMS is `openssl cms -sign` over
// its /ByteRange. pdfsig (poppler) can confirm each PDF is validly signed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SignOptions {
  leaf: string;
  chain: string; // PEM file of the certificates to embed
  subFilter?: 'adbe.pkcs7.detached' | 'adbe.pkcs7.sha1';
  keyopt?: string[];
  /** Signature dictionary written inline in the field's /V instead of as its own object. */
  inline?: boolean;
}

const utf16hex = (s: string): string => Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('hex');
const HOLE = 16384; // hex digits reserved for the CMS

/** Works in `dir`: every key, certificate and intermediate file is written there. */
export class Signing {
  constructor(readonly dir: string) {}

  ssl(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** The DER of a PEM certificate file in `dir`. */
  der(pem: string): Uint8Array {
    return new Uint8Array(Buffer.from(readFileSync(path.join(this.dir, pem), 'latin1').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  }

  makeCa(name: string, subject: string, issuer?: string): void {
    if (!issuer) {
      this.ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-utf8', '-subj', subject, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
      return;
    }
    this.ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subject);
    writeFileSync(path.join(this.dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    this.ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '3650', '-extfile', 'ca.ext');
  }

  makeLeaf(name: string, subject: string, issuer: string, key: string[]): void {
    this.ssl('req', '-newkey', ...key, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subject);
    this.ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '365');
  }

  /** A one-page PDF with one signature field, signed by `openssl cms -sign` over its ByteRange. */
  signedPdf(o: SignOptions): Buffer {
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
    writeFileSync(path.join(this.dir, 'data.bin'), input);
    this.ssl('cms', '-sign', '-binary', '-in', 'data.bin', '-signer', `${o.leaf}.pem`, '-inkey', `${o.leaf}.key`, '-certfile', o.chain, '-md', 'sha256', '-outform', 'DER', '-out', 'sig.der', ...(subFilter === 'adbe.pkcs7.sha1' ? ['-nodetach'] : []), ...(o.keyopt ?? []));
    const hex = readFileSync(path.join(this.dir, 'sig.der')).toString('hex');
    if (hex.length >= HOLE) throw new Error(`CMS of ${hex.length / 2} bytes does not fit the ${HOLE / 2}-byte hole`);
    pdf.write(hex, start + 1, 'latin1');
    return pdf;
  }
}
