// trust:* — the root certificates the user trusts in a workspace (issue 14) and what re-checking
// the signed documents against them found. No roots are shipped: without one, every chain reads
// "unknown-root" ("chưa xác minh được nguồn").

export interface TrustedRootJson {
  /** SHA-256 of the DER certificate, hex: what `trust:remove` takes. */
  sha256: string;
  /** RFC 4514-like subject ("CN=…, O=…, C=VN"), and its CN and O alone for display. */
  subject: string;
  commonName: string | null;
  organisation: string | null;
  issuer: string;
  /** The certificate names itself as its issuer (a root); false for an intermediate CA. */
  selfSigned: boolean;
  notBefore: string; // ISO
  notAfter: string; // ISO
  addedAt: string; // ISO
}

/** What re-checking every signed document found after the roots changed. */
export interface TrustRecheckJson {
  /** Signed contents looked at (one per distinct file content). */
  contents: number;
  /** Of those, contents whose chain verdict changed. */
  changed: number;
  /** Contents whose file could not be read as it was indexed (moved, changed, missing): left as they were until the next scan. */
  unreadable: number;
  /** Signatures now reading "trusted", over every signed content. */
  trustedSignatures: number;
}

export interface TrustJson {
  roots: TrustedRootJson[];
  /** SHA-256 of each root this call added (add), or removed (remove); empty for list. */
  changedRoots: string[];
  /** Present after add/remove; null for list. */
  recheck: TrustRecheckJson | null;
}
