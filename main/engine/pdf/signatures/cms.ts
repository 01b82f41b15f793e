// The CMS (PKCS#7) side of a PDF signature: pkijs/asn1js read the structures; node:crypto
// (OpenSSL) computes digests and verifies signatures synchronously, so a check needs no event
// loop turn and its cost is just the hashing of the signed bytes.

import { createHash, createPublicKey, verify, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateInfo } from './types.js';

export class CmsError extends Error {
  constructor(readonly kind: 'cms-malformed' | 'no-signer' | 'signer-cert-missing' | 'unsupported-algorithm', message: string) {
    super(message);
  }
}

const HASH_BY_OID: Record<string, string> = {
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  // Some signing tools put the signature algorithm where the digest algorithm belongs.
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

/** Hash named by a signature algorithm OID (null: take the SignerInfo digest algorithm). */
const SIG_HASH: Record<string, string | null> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption
  '1.2.840.10045.2.1': null, // id-ecPublicKey used as a signature algorithm
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  subjectKeyId: '2.5.29.14',
};

export function hashName(oid: string): string | null {
  return HASH_BY_OID[oid] ?? null;
}

export interface ParsedCms {
  signed: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signerCert: pkijs.Certificate | null;
  certificates: pkijs.Certificate[];
  digestAlgorithm: string; // node hash name
  messageDigest: Uint8Array | null;
  signingTime: Date | null;
  timestampTime: Date | null;
  /** Encapsulated content: the SHA-1 of the ranges (adbe.pkcs7.sha1) or a TSTInfo (RFC 3161). */
  eContent: Uint8Array | null;
  eContentType: string;
}

function view(b: ArrayBuffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  // fromBER reads the first element and ignores the zero padding that fills /Contents.
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new CmsError('cms-malformed', `not DER/BER: ${asn1.result.error}`);
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  if (info.contentType !== OID.signedData) throw new CmsError('cms-malformed', `content type ${info.contentType}, expected SignedData`);
  return new pkijs.SignedData({ schema: info.content });
}

function attr(si: pkijs.SignerInfo, oid: string, unsigned = false): unknown {
  const attrs = unsigned ? si.unsignedAttrs : si.signedAttrs;
  return attrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function timeOf(v: unknown): Date | null {
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) {
    const d = v.toDate();
    return Number.isFinite(d.getTime()) ? d : null;
  }
  return null;
}

function octets(v: unknown): Uint8Array | null {
  return v instanceof asn1js.OctetString ? view(v.getValue()) : null;
}

function findSigner(si: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = si.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.OctetString) {
    const want = Buffer.from(view(sid.valueBlock.valueHexView));
    return (
      certs.find((c) => {
        const ext = c.extensions?.find((e) => e.extnID === OID.subjectKeyId);
        const ski = ext?.parsedValue as unknown;
        return ski instanceof asn1js.OctetString && Buffer.from(view(ski.valueBlock.valueHexView)).equals(want);
      }) ?? null
    );
  }
  return null;
}

/**
 * genTime of an RFC 3161 token (a ContentInfo whose SignedData encapsulates a TSTInfo). Only the
 * encapsulated content is handed to pkijs: building the token's whole SignedData (the TSA's own
 * certificate chain) cost more than the rest of the signature check, for a time we only show.
 */
function tokenTime(token: asn1js.Sequence): Date | null {
  try {
    const info = new pkijs.ContentInfo({ schema: token });
    const signedData = info.content as unknown;
    // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, ... }
    const encap = signedData instanceof asn1js.Sequence ? signedData.valueBlock.value[2] : undefined;
    if (!encap) return null;
    const content = new pkijs.EncapsulatedContentInfo({ schema: encap });
    if (content.eContentType !== OID.tstInfo || !content.eContent) return null;
    return pkijs.TSTInfo.fromBER(content.eContent.getValue()).genTime;
  } catch {
    return null;
  }
}

export function parseCms(der: Uint8Array): ParsedCms {
  let signed: pkijs.SignedData;
  try {
    signed = parseSignedData(der);
  } catch (e) {
    if (e instanceof CmsError) throw e;
    throw new CmsError('cms-malformed', e instanceof Error ? e.message : String(e));
  }
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo) throw new CmsError('no-signer', 'SignedData has no SignerInfo');
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const digestAlgorithm = hashName(signerInfo.digestAlgorithm.algorithmId);
  if (!digestAlgorithm) throw new CmsError('unsupported-algorithm', `digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  const e = signed.encapContentInfo.eContent;
  let timestampTime: Date | null = null;
  const tokenValue = attr(signerInfo, OID.timeStampToken, true);
  if (tokenValue instanceof asn1js.Sequence) timestampTime = tokenTime(tokenValue);
  return {
    signed,
    signerInfo,
    signerCert: findSigner(signerInfo, certificates),
    certificates,
    digestAlgorithm,
    messageDigest: octets(attr(signerInfo, OID.messageDigest)),
    signingTime: timeOf(attr(signerInfo, OID.signingTime)),
    timestampTime,
    eContent: e ? view(e.getValue()) : null,
    eContentType: signed.encapContentInfo.eContentType,
  };
}

/** Message imprint of a document timestamp (/SubFilter ETSI.RFC3161), whose /Contents is the token itself. */
export function documentTimestamp(cms: ParsedCms): { genTime: Date; hash: string; hashed: Uint8Array } | null {
  if (cms.eContentType !== OID.tstInfo || !cms.eContent) return null;
  try {
    const tst = pkijs.TSTInfo.fromBER(toArrayBuffer(cms.eContent));
    const hash = hashName(tst.messageImprint.hashAlgorithm.algorithmId);
    return hash ? { genTime: tst.genTime, hash, hashed: view(tst.messageImprint.hashedMessage.getValue()) } : null;
  } catch {
    return null;
  }
}

export function certDer(cert: pkijs.Certificate): Uint8Array {
  return view(cert.toSchema().toBER(false));
}

export function publicKeyOf(cert: pkijs.Certificate): KeyObject {
  return createPublicKey({ key: Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' });
}

/**
 * Verifies the SignerInfo signature: over the DER of the signed attributes (SET tag restored by
 * pkijs in encodedValue) or, without them, over the content itself.
 */
export function verifySignerSignature(cms: ParsedCms, content: () => Uint8Array): boolean {
  const si = cms.signerInfo;
  if (!cms.signerCert) throw new CmsError('signer-cert-missing', 'the signer certificate is not embedded');
  const data = si.signedAttrs && si.signedAttrs.encodedValue.byteLength > 0 ? view(si.signedAttrs.encodedValue) : content();
  const sigOid = si.signatureAlgorithm.algorithmId;
  const signature = view(si.signature.getValue());
  const key = publicKeyOf(cms.signerCert);
  if (sigOid === RSASSA_PSS) {
    const params = new pkijs.RSASSAPSSParams({ schema: si.signatureAlgorithm.algorithmParams });
    const hash = hashName(params.hashAlgorithm.algorithmId) ?? 'sha1';
    return verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
  }
  if (!(sigOid in SIG_HASH)) throw new CmsError('unsupported-algorithm', `signature algorithm ${sigOid}`);
  const hash = SIG_HASH[sigOid] ?? cms.digestAlgorithm;
  const ec = key.asymmetricKeyType === 'ec';
  return verify(hash, data, ec ? { key, dsaEncoding: 'der' } : key, signature);
}

export function digestOf(alg: string, data: Uint8Array): Buffer {
  return createHash(alg).update(data).digest();
}

// --- certificate fields -------------------------------------------------------------------------

const NAME_LABEL: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.12': 'T',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

function nameValues(rdn: pkijs.RelativeDistinguishedNames): Array<{ label: string; value: string }> {
  return rdn.typesAndValues.map((tv) => {
    const v = tv.value as unknown;
    const value = v instanceof asn1js.BaseStringBlock ? v.getValue() : '';
    return { label: NAME_LABEL[tv.type] ?? tv.type, value: value.normalize('NFC') };
  });
}

function first(values: Array<{ label: string; value: string }>, label: string): string | null {
  return values.find((v) => v.label === label)?.value ?? null;
}

function display(values: Array<{ label: string; value: string }>): string {
  // Most specific first, as OpenSSL and pdfsig print it.
  return [...values].reverse().map((v) => `${v.label}=${v.value}`).join(', ');
}

export function certificateInfo(cert: pkijs.Certificate): CertificateInfo {
  const s = nameValues(cert.subject);
  const i = nameValues(cert.issuer);
  return {
    commonName: first(s, 'CN'),
    organisation: first(s, 'O'),
    organisationalUnits: s.filter((v) => v.label === 'OU').map((v) => v.value),
    locality: first(s, 'L'),
    email: first(s, 'E'),
    uids: s.filter((v) => v.label === 'UID').map((v) => v.value),
    subject: display(s),
    issuerCommonName: first(i, 'CN'),
    issuer: display(i),
    serialNumber: Buffer.from(view(cert.serialNumber.valueBlock.valueHexView)).toString('hex'),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: createHash('sha256').update(certDer(cert)).digest('hex'),
  };
}
