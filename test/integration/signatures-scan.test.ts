// Signatures through the scan: a signed real document shows its signer, organisation and time in
// `docs --json`; the same file with one byte changed inside the signed range shows a broken
// signature and the problem on its criterion; with bytes appended it shows "modified after
// signing". The bytes a scan reads are the user's: the test changes only its own copies.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../shared/types.js';
import { computeStatus } from '../../main/engine/completeness/status.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const SIGNED = 'moc-1074-QD-BXD-signed.pdf';
let ws: Workspace;
let docs: Map<string, DocumentJson>;

/** The first /ByteRange's signed ranges: [0, a) and [b, b + c). */
function firstSignedRange(bytes: Buffer): [number, number] {
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(bytes.toString('latin1'));
  if (!m) throw new Error('no /ByteRange');
  return [Number(m[2]), Number(m[3])];
}

beforeAll(async () => {
  const evidence = tempDir('sig-scan');
  const original = fs.readFileSync(path.join(REAL, SIGNED));
  fs.writeFileSync(path.join(evidence, 'original.pdf'), original);
  // One byte inside the first signed range (well before its /Contents gap), flipped.
  const tampered = Buffer.from(original);
  const [gapStart] = firstSignedRange(tampered);
  const at = Math.floor(gapStart / 2);
  tampered[at] = (tampered[at] ?? 0) ^ 0x01;
  fs.writeFileSync(path.join(evidence, 'tampered.pdf'), tampered);
  fs.writeFileSync(path.join(evidence, 'appended.pdf'), Buffer.concat([original, Buffer.from('\n% added after signing\n')]));
  ws = await makeWorkspace([evidence]);
  await scanWorkspace(ws, { ocr: false });
  for (const f of ['original.pdf', 'tampered.pdf', 'appended.pdf']) assignDocument(ws, path.join(evidence, f), '1.1');
  docs = new Map(listDocuments(ws).map((d) => [d.relPath, d]));
}, 120_000);

afterAll(() => ws?.close());

describe('digital signatures checked at indexing', () => {
  it('shows signer, organisation and time of a real signed document, every signature valid', () => {
    const d = docs.get('original.pdf');
    expect(d?.signatureChecks).toHaveLength(3);
    for (const s of d?.signatureChecks ?? []) {
      expect(s.status).toBe('valid');
      expect(s.modifiedAfterSigning).toBe(false);
      expect(s.chain).toBe('unknown-root');
      expect(s.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(d?.signatureChecks[0]).toMatchObject({ signer: 'Lê Minh Long', organisation: expect.stringMatching(/BỘ XÂY DỰNG/i) as unknown });
  });

  it('one byte changed inside the signed range: broken, and a problem on the criterion', () => {
    const d = docs.get('tampered.pdf');
    expect(d?.signatureChecks[0]?.status).toBe('broken');
    const problems = computeStatus(ws).criteria.find((c) => c.code === '1.1')?.problems ?? [];
    expect(problems.filter((p) => p.kind === 'signature-broken' && p.documentId === d?.id)).toHaveLength(1);
  });

  it('bytes appended after the last signature: modified after signing', () => {
    const d = docs.get('appended.pdf');
    const last = d?.signatureChecks.at(-1);
    expect(last).toMatchObject({ status: 'valid', coversWholeFile: false, modifiedAfterSigning: true });
    expect(last?.bytesAfterSigning).toBeGreaterThan(0);
    const problems = computeStatus(ws).criteria.find((c) => c.code === '1.1')?.problems ?? [];
    expect(problems.some((p) => p.kind === 'signature-broken' && p.documentId === d?.id && /added after/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.kind === 'signature-broken' && p.documentId === docs.get('original.pdf')?.id)).toBe(false);
  });
});
