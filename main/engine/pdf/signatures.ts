// Digital signatures of a PDF, verified: who signed (certificate CN, O, OU), when, whether the
// signed bytes still match, whether anything was added after, and whether the certificate
// chains to a root the user trusts. Pure over the file's bytes and synchronous, so the index
// worker can run it on every file; never throws for a hostile file (each signature carries its
// own named error instead).

import { checkSignature } from './signatures/check.js';
import { trustAnchors } from './signatures/chain.js';
import { findSignatureFields, MAX_SIGNATURES } from './signatures/find.js';
import type { SignatureCheck, VerifyOptions } from './signatures/types.js';

export type {
  CertificateInfo,
  ChainStatus,
  SignatureCheck,
  SignatureError,
  SignatureErrorKind,
  SignatureField,
  SignatureStatus,
  VerifyOptions,
} from './signatures/types.js';
export { findSignatureFields, type FoundSignatures } from './signatures/find.js';

export function verifySignatures(bytes: Uint8Array, opts: VerifyOptions = {}): SignatureCheck[] {
  const now = opts.now ?? new Date();
  const found = findSignatureFields(bytes);
  const anchors = trustAnchors(opts.trustedRoots);
  const checks = found.fields.map((f) => {
    try {
      return checkSignature(f, bytes, anchors, now);
    } catch (e) {
      // Last line of defence: a library throwing on input we did not foresee stays this signature's problem.
      const c = checkSignature({ ...f, contents: null }, bytes, anchors, now);
      c.error = { kind: 'cms-malformed', message: e instanceof Error ? e.message : String(e) };
      return c;
    }
  });
  // Signing order: each co-signature signs a longer prefix of the file.
  checks.sort((a, b) => end(a) - end(b));
  checks.forEach((c, i) => {
    c.index = i + 1;
    c.coveredByLaterSignature = c.modifiedAfterSigning && checks.slice(i + 1).some((l) => l.status === 'valid' && (l.byteRange?.[1] ?? 0) >= end(c));
  });
  if (found.truncated) {
    const last = checks[checks.length - 1];
    if (last) last.error ??= { kind: 'too-many-signatures', message: `more than ${MAX_SIGNATURES} signature dictionaries, or too much to read around them: the rest were not checked` };
  }
  return checks;
}

function end(c: SignatureCheck): number {
  const br = c.byteRange;
  return br && br.length >= 2 ? (br[br.length - 2] ?? 0) + (br[br.length - 1] ?? 0) : 0;
}

export interface SignatureSummary {
  count: number;
  valid: number;
  broken: number;
  errors: number;
  /** The last signature in signing order verifies and its range ends at the end of the file. */
  intactSinceLastSignature: boolean;
  /** Bytes after the end of the last signed range (0 when the last signature covers the file). */
  bytesAfterLastSignature: number;
  /** Every valid signature chains to a trusted root. */
  allTrusted: boolean;
}

/** One line per document for lists, manifests and the criterion check. */
export function summarizeSignatures(checks: SignatureCheck[]): SignatureSummary {
  const last = checks[checks.length - 1];
  const valid = checks.filter((c) => c.status === 'valid');
  return {
    count: checks.length,
    valid: valid.length,
    broken: checks.filter((c) => c.status === 'broken').length,
    errors: checks.filter((c) => c.status === 'error').length,
    intactSinceLastSignature: !!last && last.status === 'valid' && last.coversWholeFile,
    bytesAfterLastSignature: last?.bytesAfterSigning ?? 0,
    allTrusted: valid.length > 0 && valid.every((c) => c.chain === 'trusted'),
  };
}
