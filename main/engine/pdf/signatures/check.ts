// One signature dictionary against the file's bytes: structure of /ByteRange first (cheap, and a
// lie there must never reach the hashing), then the CMS digest and signature, then the chain.

import { createHash } from 'node:crypto';
import { certificateInfo, CmsError, digestOf, documentTimestamp, parseCms, verifySignerSignature, type ParsedCms } from './cms.js';
import { chainStatus, type TrustAnchors } from './chain.js';
import type { SignatureCheck, SignatureError, SignatureField } from './types.js';

/** Pairs of [offset, length] accepted in one /ByteRange (real ones have two). */
const MAX_RANGE_PAIRS = 8;

type Ranges = Array<[number, number]>;

/** Validates /ByteRange against the file and the /Contents position; returns the ranges or an error. */
export function checkByteRange(field: SignatureField, fileLength: number): { ranges: Ranges | null; error: SignatureError | null } {
  const br = field.byteRange;
  const bad = (message: string): { ranges: null; error: SignatureError } => ({ ranges: null, error: { kind: 'byterange-malformed', message } });
  if (!br) return bad('/ByteRange is missing or not an array of numbers');
  if (br.length < 2 || br.length % 2 || br.length > MAX_RANGE_PAIRS * 2) return bad(`/ByteRange has ${br.length} numbers, expected pairs of offset and length`);
  if (!br.every((n) => Number.isSafeInteger(n) && n >= 0)) return bad(`/ByteRange [${br.join(' ')}] holds negative, fractional or huge numbers`);
  const ranges: Ranges = [];
  for (let i = 0; i < br.length; i += 2) ranges.push([br[i] as number, br[i + 1] as number]);
  if (ranges[0]?.[0] !== 0) return bad(`/ByteRange starts at ${ranges[0]?.[0]}, not at the start of the file: the first bytes are unsigned`);
  for (let i = 1; i < ranges.length; i++) {
    const [prevOff, prevLen] = ranges[i - 1] as [number, number];
    if ((ranges[i] as [number, number])[0] < prevOff + prevLen) return bad(`/ByteRange [${br.join(' ')}] has overlapping or unordered ranges`);
  }
  const [lastOff, lastLen] = ranges[ranges.length - 1] as [number, number];
  if (lastOff + lastLen > fileLength) {
    return { ranges: null, error: { kind: 'byterange-out-of-range', message: `/ByteRange [${br.join(' ')}] ends at byte ${lastOff + lastLen}, past the end of the file (${fileLength} bytes)` } };
  }
  // The one gap must be exactly the /Contents hex string; anything else left unsigned could be
  // shown content (the "shadow" attacks). Offsets are unknown for a dictionary in an object stream.
  if (field.contentsStart !== null && field.contentsEnd !== null && ranges.length === 2) {
    const gapStart = ranges[0]![0] + ranges[0]![1];
    const gapEnd = ranges[1]![0];
    if (gapStart !== field.contentsStart || gapEnd !== field.contentsEnd) {
      return { ranges, error: { kind: 'byterange-malformed', message: `the unsigned gap ${gapStart}–${gapEnd} is not the /Contents string (${field.contentsStart}–${field.contentsEnd})` } };
    }
  }
  return { ranges, error: null };
}

function hashRanges(alg: string, bytes: Uint8Array, ranges: Ranges): Buffer {
  const h = createHash(alg);
  for (const [off, len] of ranges) h.update(bytes.subarray(off, off + len));
  return h.digest();
}

function concatRanges(bytes: Uint8Array, ranges: Ranges): Uint8Array {
  return Buffer.concat(ranges.map(([off, len]) => bytes.subarray(off, off + len)));
}

function equal(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && Buffer.from(a).equals(Buffer.from(b));
}

/** Digest check for the three shapes: detached CMS, adbe.pkcs7.sha1 (SHA-1 inside), RFC 3161 document timestamp. */
function digestMatches(cms: ParsedCms, bytes: Uint8Array, ranges: Ranges): boolean {
  const ts = documentTimestamp(cms);
  const md = cms.messageDigest;
  const hasAttrs = cms.signerInfo.signedAttrs !== undefined;
  if (ts) {
    const imprintOk = equal(ts.hashed, hashRanges(ts.hash, bytes, ranges));
    return imprintOk && (!hasAttrs || equal(md, digestOf(cms.digestAlgorithm, cms.eContent as Uint8Array)));
  }
  if (cms.eContent) {
    // adbe.pkcs7.sha1: the encapsulated content is the SHA-1 of the signed ranges.
    const innerOk = equal(cms.eContent, hashRanges('sha1', bytes, ranges));
    return innerOk && (!hasAttrs || equal(md, digestOf(cms.digestAlgorithm, cms.eContent)));
  }
  if (!hasAttrs) return true; // nothing to compare: the signature itself is over the ranges
  return equal(md, hashRanges(cms.digestAlgorithm, bytes, ranges));
}

function rangeEnd(field: SignatureField): number {
  const br = field.byteRange;
  if (!br || br.length < 2) return 0;
  const end = (br[br.length - 2] ?? 0) + (br[br.length - 1] ?? 0);
  return Number.isFinite(end) ? end : 0;
}

export function checkSignature(field: SignatureField, bytes: Uint8Array, anchors: TrustAnchors, now: Date): SignatureCheck {
  const end = rangeEnd(field);
  const result: SignatureCheck = {
    index: 0,
    status: 'error',
    error: null,
    subFilter: field.subFilter,
    kind: field.type === 'DocTimeStamp' || field.subFilter === 'ETSI.RFC3161' ? 'timestamp' : 'signature',
    signer: null,
    time: field.pdfTime,
    timeSource: field.pdfTime ? 'pdf' : null,
    signingTime: null,
    pdfTime: field.pdfTime,
    pdfTimeRaw: field.pdfTimeRaw,
    timestampTime: null,
    name: field.name,
    reason: field.reason,
    location: field.location,
    contactInfo: field.contactInfo,
    byteRange: field.byteRange,
    digestAlgorithm: null,
    digestOk: null,
    signatureOk: null,
    coversWholeFile: end === bytes.length,
    modifiedAfterSigning: end > 0 && end < bytes.length,
    bytesAfterSigning: end > 0 && end < bytes.length ? bytes.length - end : 0,
    coveredByLaterSignature: false,
    chain: 'unknown-root',
    certValidAtSigning: null,
    certExpired: null,
    inObjectStream: field.inObjectStream,
  };
  const { ranges, error } = checkByteRange(field, bytes.length);
  result.error = error;
  if (field.unreadable) {
    result.error = { kind: 'dictionary-unreadable', message: 'a signature dictionary is damaged or cut off: it cannot be read' };
    return result;
  }
  if (field.contentsTooLarge) {
    result.error = { kind: 'contents-too-large', message: 'the /Contents string is larger than 1 MB, far beyond any real signature' };
    return result;
  }
  if (!field.contents || field.contents.length === 0) {
    result.error = { kind: 'contents-missing', message: 'the signature dictionary has no /Contents' };
    return result;
  }
  let cms: ParsedCms;
  try {
    cms = parseCms(field.contents);
  } catch (e) {
    result.error = e instanceof CmsError ? { kind: e.kind, message: e.message } : { kind: 'cms-malformed', message: String(e) };
    return result;
  }
  // Who and when are shown even when the bytes no longer verify: "signed by X, then changed".
  result.digestAlgorithm = cms.digestAlgorithm;
  result.signingTime = cms.signingTime?.toISOString() ?? null;
  result.timestampTime = (cms.timestampTime ?? documentTimestamp(cms)?.genTime)?.toISOString() ?? null;
  const best: Array<[string | null, 'timestamp' | 'pdf' | 'cms']> = [[result.timestampTime, 'timestamp'], [result.pdfTime, 'pdf'], [result.signingTime, 'cms']];
  const shown = best.find(([t]) => t !== null);
  if (shown) [result.time, result.timeSource] = shown;
  if (cms.signerCert) {
    result.signer = certificateInfo(cms.signerCert);
    const at = cms.signingTime ?? (field.pdfTime ? new Date(field.pdfTime) : now);
    result.certValidAtSigning = at >= cms.signerCert.notBefore.value && at <= cms.signerCert.notAfter.value;
    result.certExpired = now > cms.signerCert.notAfter.value;
    result.chain = chainStatus(cms.signerCert, cms.certificates, anchors);
  }
  if (!ranges) return result; // a lying range is never hashed
  try {
    result.digestOk = digestMatches(cms, bytes, ranges);
    result.signatureOk = verifySignerSignature(cms, () => concatRanges(bytes, ranges));
  } catch (e) {
    result.error ??= e instanceof CmsError ? { kind: e.kind, message: e.message } : { kind: 'cms-malformed', message: e instanceof Error ? e.message : String(e) };
  }
  // A gap that is not /Contents leaves bytes unsigned: as bad as a mismatch, even if the digest holds.
  if (result.digestOk === false || result.signatureOk === false || result.error?.kind === 'byterange-malformed') result.status = 'broken';
  else if (result.digestOk && result.signatureOk && !result.error) result.status = 'valid';
  return result;
}
