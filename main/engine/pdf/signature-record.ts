// What is kept of each signature check with a file's content: the facts the document card, the
// completeness check and the bundle show. Earlier co-signatures that a later signature covers are
// not "modified after signing": that is how co-signed documents are made.
import type { SignatureJson } from '../../../shared/types.js';
import { verifySignatures, type VerifyOptions } from './signatures.js';

export function recordSignatures(bytes: Uint8Array, opts: VerifyOptions = {}): SignatureJson[] {
  return verifySignatures(bytes, opts).map((c) => ({
    status: c.status,
    errorKind: c.error?.kind ?? null,
    signer: c.signer?.commonName ?? null,
    organisation: c.signer?.organisation ?? null,
    units: c.signer?.organisationalUnits ?? [],
    time: c.time,
    coversWholeFile: c.coversWholeFile,
    modifiedAfterSigning: c.modifiedAfterSigning && !c.coveredByLaterSignature,
    bytesAfterSigning: c.bytesAfterSigning,
    chain: c.status === 'error' ? null : c.chain,
  }));
}
