// Does the signer certificate chain to a root the user trusts? We ship no roots: a root we cannot
// vouch for would turn "chưa xác minh được nguồn" into a false "trusted". The user imports the
// VGCA (or ministry) roots they have checked, and only those count.

import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certDer, publicKeyOf } from './cms.js';
import type { ChainStatus } from './types.js';

/** Real chains are leaf → (sub-CA) → root; anything longer is looping or hostile. */
const MAX_DEPTH = 6;

export interface TrustAnchors {
  roots: pkijs.Certificate[];
  rootDers: Buffer[];
}

/** Parses the user's roots once per call; a root that does not parse is ignored, never fatal. */
export function trustAnchors(ders: Uint8Array[] | undefined): TrustAnchors {
  const roots: pkijs.Certificate[] = [];
  const rootDers: Buffer[] = [];
  for (const der of ders ?? []) {
    try {
      const asn1 = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
      if (asn1.offset === -1) continue;
      const cert = new pkijs.Certificate({ schema: asn1.result });
      roots.push(cert);
      rootDers.push(Buffer.from(certDer(cert)));
    } catch {
      // Not a certificate: the caller validates user input; here it simply trusts nothing.
    }
  }
  return { roots, rootDers };
}

/** True when `issuer`'s key verifies `cert`'s signature (OpenSSL does the algorithm dispatch). */
function issuedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  if (!cert.issuer.isEqual(issuer.subject)) return false;
  try {
    return new X509Certificate(Buffer.from(certDer(cert))).verify(publicKeyOf(issuer));
  } catch {
    return false;
  }
}

export function chainStatus(signer: pkijs.Certificate, pool: pkijs.Certificate[], anchors: TrustAnchors): ChainStatus {
  if (anchors.roots.length === 0) return 'unknown-root';
  let current = signer;
  let brokenLink = false;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const der = Buffer.from(certDer(current));
    if (anchors.rootDers.some((r) => r.equals(der))) return 'trusted';
    if (anchors.roots.some((root) => issuedBy(current, root))) return 'trusted';
    const named = pool.filter((c) => c !== current && c.subject.isEqual(current.issuer));
    const next = named.find((c) => issuedBy(current, c));
    if (!next) {
      // An issuer with the right name whose key does not verify the certificate is a forgery
      // or a corrupted chain, which is worse than an issuer we simply do not know.
      brokenLink = named.length > 0;
      break;
    }
    if (next.subject.isEqual(next.issuer)) {
      // Self-signed and not one of the anchors: the chain ends at a root the user did not choose.
      break;
    }
    current = next;
  }
  return brokenLink ? 'broken-chain' : 'unknown-root';
}
