// What a signature check reports. Plain data (strings, numbers, booleans), so a result can cross
// the worker boundary and be stored as JSON without conversion.

/** Why one signature could not be checked. Named so the UI can word each one in Vietnamese. */
export type SignatureErrorKind =
  | 'byterange-malformed' // not four non-negative integers, not starting at 0, overlapping, or a gap that is not /Contents
  | 'byterange-out-of-range' // reaches past the end of the file
  | 'dictionary-unreadable' // /ByteRange found but its dictionary does not parse (truncated or damaged file)
  | 'contents-missing' // no /Contents string
  | 'contents-too-large' // larger than any real CMS blob: refused before parsing
  | 'cms-malformed' // /Contents is not a CMS SignedData
  | 'no-signer' // SignedData without a SignerInfo
  | 'signer-cert-missing' // the certificate of the signer is not embedded
  | 'unsupported-algorithm' // digest or signature algorithm this build cannot compute
  | 'too-many-signatures'; // more signature dictionaries than we look at in one file

export interface SignatureError {
  kind: SignatureErrorKind;
  message: string;
}

/** The signature dictionary as found in the bytes (before any cryptography). */
export interface SignatureField {
  /** Two [offset, length] pairs as written; null when missing or not a number array. */
  byteRange: number[] | null;
  /** The decoded /Contents bytes (DER CMS plus zero padding). */
  contents: Uint8Array | null;
  /** /Contents longer than MAX_STRING_BYTES: not kept (contents is null). */
  contentsTooLarge: boolean;
  /** Byte offsets of the /Contents hex string, "<" included to ">" included; null in an object stream. */
  contentsStart: number | null;
  contentsEnd: number | null;
  subFilter: string | null;
  filter: string | null;
  /** /Type: Sig for signatures, DocTimeStamp for document timestamps. */
  type: string | null;
  /** /M as written and as an ISO instant. */
  pdfTimeRaw: string | null;
  pdfTime: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  /**
   * The dictionary sits inside a compressed object stream: the file was rewritten after signing
   * (a signature's own bytes can never be inside the bytes it signs), so it cannot verify.
   */
  inObjectStream: boolean;
  /** The dictionary around this /ByteRange did not parse: only what the bytes show is reported. */
  unreadable: boolean;
}

export interface CertificateInfo {
  commonName: string | null;
  /** O of the subject: the province or ministry for VGCA certificates. */
  organisation: string | null;
  /** OU values in order (department, then sub-department). */
  organisationalUnits: string[];
  locality: string | null;
  email: string | null;
  /** UID values such as "MST:5800180713" (tax code) or "MNS:1063494" (budget unit code). */
  uids: string[];
  /** RFC 4514-like subject for display ("CN=…, O=…, C=VN"). */
  subject: string;
  issuerCommonName: string | null;
  issuer: string;
  serialNumber: string; // hex
  notBefore: string; // ISO
  notAfter: string; // ISO
  /** SHA-256 of the DER certificate, hex: stable key for "the same signer" across documents. */
  sha256: string;
}

/**
 * trusted: a path of valid certificate signatures leads to one of opts.trustedRoots.
 * unknown-root: no path to a trusted root (always the case with no roots): "chưa xác minh được nguồn".
 * broken-chain: a certificate in the path does not verify with its issuer's key.
 */
export type ChainStatus = 'trusted' | 'unknown-root' | 'broken-chain';

/** valid: digest and signature verify; broken: they do not (the signed bytes changed); error: could not check. */
export type SignatureStatus = 'valid' | 'broken' | 'error';

export interface SignatureCheck {
  /** 1-based, in signing order (by where the signed range ends). */
  index: number;
  status: SignatureStatus;
  error: SignatureError | null;
  subFilter: string | null;
  kind: 'signature' | 'timestamp';
  signer: CertificateInfo | null;
  /**
   * The time to show, from the most trustworthy source: an RFC 3161 timestamp (a third party's
   * clock), else /M (written with its UTC offset), else CMS signingTime. Vietnamese signing
   * tools often write local time as if it were UTC in signingTime, 7 hours off, so it comes last.
   */
  time: string | null;
  timeSource: 'timestamp' | 'pdf' | 'cms' | null;
  /** CMS signingTime attribute (what the signer's software claims), ISO. */
  signingTime: string | null;
  /** /M of the signature dictionary, ISO; and as written. */
  pdfTime: string | null;
  pdfTimeRaw: string | null;
  /** genTime of an embedded RFC 3161 timestamp token (its TSA signature is not checked), ISO. */
  timestampTime: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  byteRange: number[] | null;
  digestAlgorithm: string | null;
  /** Digest over the /ByteRange equals the signed messageDigest (null: not computed). */
  digestOk: boolean | null;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureOk: boolean | null;
  /** The signed range ends at the end of the file. */
  coversWholeFile: boolean;
  /** Bytes follow the signed range (an incremental update after signing). */
  modifiedAfterSigning: boolean;
  bytesAfterSigning: number;
  /** A later valid signature covers those added bytes (normal for a co-signed document). */
  coveredByLaterSignature: boolean;
  chain: ChainStatus;
  /** Signer certificate within its validity period at signingTime (or /M, or now); null: no time. */
  certValidAtSigning: boolean | null;
  /** Signer certificate past notAfter at opts.now (what pdfsig calls "expired"). */
  certExpired: boolean | null;
  inObjectStream: boolean;
}

export interface VerifyOptions {
  /** DER certificates the user chose to trust (e.g. VGCA roots they imported). None are shipped. */
  trustedRoots?: Uint8Array[];
  now?: Date;
}
