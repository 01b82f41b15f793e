// The workspace's trusted roots (trusted_roots): list, add from a certificate file, remove; after
// each change every signed document's chain verdict is checked again against the new set, from
// its file's bytes (the same check the scan makes), so "trusted" never outlives its root.
import fs from 'node:fs';
import path from 'node:path';
import type { SignatureJson } from '../../../shared/types.js';
import type { TrustedRootJson, TrustJson, TrustRecheckJson } from '../../../shared/trust.js';
import type { TrustedRootRow } from '../db/stores/trusted-roots.js';
import { UserError } from '../errors.js';
import { sha256Bytes } from '../pdf/file-hash.js';
import { recordSignatures } from '../pdf/signature-record.js';
import type { Workspace } from '../workspace/workspace.js';
import { readCertificateFile } from './certificate-file.js';

/** Signed files larger than this are left for the next scan (the scan reads them in a worker). */
const MAX_RECHECK_BYTES = 200 * 1024 * 1024;

function field(subject: string, label: string): string | null {
  for (const part of subject.split(/,\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === label) return part.slice(eq + 1);
  }
  return null;
}

function rootJson(r: TrustedRootRow): TrustedRootJson {
  return {
    sha256: r.sha256,
    subject: r.subject,
    commonName: field(r.subject, 'CN'),
    organisation: field(r.subject, 'O'),
    issuer: r.issuer,
    selfSigned: r.subject === r.issuer,
    notBefore: r.not_before,
    notAfter: r.not_after,
    addedAt: r.added_at,
  };
}

export function trustedRootDers(ws: Workspace): Uint8Array[] {
  return ws.reader.trustedRoots.all().map((r) => new Uint8Array(r.der));
}

export function listTrust(ws: Workspace): TrustJson {
  return { roots: ws.reader.trustedRoots.all().map(rootJson), changedRoots: [], recheck: null };
}

/** Every certificate in `file` becomes trusted (one already trusted is kept as it was). */
export function addTrust(ws: Workspace, file: string): TrustJson {
  const certs = readCertificateFile(path.resolve(file));
  const addedAt = new Date().toISOString();
  const added = ws.writer.transaction(() =>
    certs
      .filter((c) =>
        ws.writer.trustedRoots.add({ sha256: c.info.sha256, subject: c.info.subject, issuer: c.info.issuer, not_before: c.info.notBefore, not_after: c.info.notAfter, added_at: addedAt, der: c.der }),
      )
      .map((c) => c.info.sha256),
  );
  return { roots: ws.reader.trustedRoots.all().map(rootJson), changedRoots: added, recheck: added.length > 0 ? recheckChains(ws) : null };
}

/** `sha256`: the full hex, or a prefix of at least 8 digits naming one root. */
export function removeTrust(ws: Workspace, sha256: string): TrustJson {
  const key = sha256.trim().toLowerCase();
  const matches = /^[0-9a-f]{8,64}$/.test(key) ? ws.reader.trustedRoots.all().filter((r) => r.sha256.startsWith(key)) : [];
  if (matches.length !== 1) {
    throw new UserError(
      matches.length === 0 ? `no trusted root has SHA-256 ${sha256} (see kiemchung trust WS list)` : `${sha256} names ${matches.length} trusted roots: give more digits`,
      { kind: matches.length === 0 ? 'trust.not-found' : 'trust.ambiguous', params: { sha256, matches: matches.length } },
    );
  }
  const root = matches[0] as TrustedRootRow;
  ws.writer.trustedRoots.remove(root.sha256);
  return { roots: ws.reader.trustedRoots.all().map(rootJson), changedRoots: [root.sha256], recheck: recheckChains(ws) };
}

/** The bytes a content was read from, from any document that still holds exactly them. */
function bytesOf(ws: Workspace, sha256: string): Uint8Array | null {
  for (const { root, relPath } of ws.reader.documents.locationsOf(sha256)) {
    const file = path.join(root, ...relPath.split('/'));
    try {
      if (fs.statSync(file).size > MAX_RECHECK_BYTES) continue;
      const bytes = new Uint8Array(fs.readFileSync(file));
      if (sha256Bytes(bytes) === sha256) return bytes;
    } catch {
      // Gone or unreadable: another copy may do, else the next scan sees it.
    }
  }
  return null;
}

/** Checks every signed content again with the workspace's current roots; writes what changed. */
export function recheckChains(ws: Workspace): TrustRecheckJson {
  const trustedRoots = trustedRootDers(ws);
  const report: TrustRecheckJson = { contents: 0, changed: 0, unreadable: 0, trustedSignatures: 0 };
  for (const row of ws.reader.contents.signed()) {
    report.contents++;
    const before = JSON.parse(row.signatures_json) as SignatureJson[];
    const bytes = bytesOf(ws, row.sha256);
    if (!bytes) {
      report.unreadable++;
      report.trustedSignatures += before.filter((s) => s.chain === 'trusted').length;
      continue;
    }
    const after = recordSignatures(bytes, { trustedRoots });
    report.trustedSignatures += after.filter((s) => s.chain === 'trusted').length;
    if (before.map((s) => s.chain).join() !== after.map((s) => s.chain).join()) report.changed++;
    const json = JSON.stringify(after);
    if (json !== row.signatures_json) ws.writer.contents.saveSignatures(row.sha256, json);
  }
  return report;
}
