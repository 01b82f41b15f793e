// Trusted roots per workspace (trust:*): a chain to a root the user added reads "trusted" in
// `docs --json`, and removing the root returns it to "unknown-root" (chưa xác minh được nguồn);
// a file signed under another root stays unknown; a scan after the root was added reads the new
// file as trusted from the start. Certificates and signed PDFs are made by openssl in the test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustJson } from '../../shared/trust.js';
import type { DocumentJson } from '../../shared/types.js';
import { REPO_ROOT, tempDir } from '../helpers/corpus.js';
import { Signing } from '../helpers/signing.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('trust-home');
const ENV = { ...process.env, KIEMCHUNG_HOME: home, KIEMCHUNG_USER: 'thu.ky' };

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json<T>(...args: string[]): T {
  const r = run(...args);
  if (r.code !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
const chains = (ws: string): Record<string, (string | null)[]> =>
  Object.fromEntries(json<DocumentJson[]>('docs', ws, '--json').map((d) => [d.relPath, d.signatureChecks.map((s) => s.chain)]));

let certs = '';
let evidence = '';
let ws = '';
let signing: Signing;

beforeAll(() => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main/cli/main.js'))) throw new Error('run npm run build first: the CLI runs from dist/');
  certs = tempDir('trust-certs');
  signing = new Signing(certs);
  signing.makeCa('root', '/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=KiemChung Test Root CA');
  signing.makeCa('sub', '/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=KiemChung Test Sub CA', 'root');
  signing.makeCa('other', '/C=VN/O=Someone Else/CN=Other Root CA');
  signing.makeLeaf('leaf', '/C=VN/O=SỞ Y TẾ TỈNH TRÀ VINH/CN=Nguyễn Văn A', 'sub', ['ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
  signing.makeLeaf('stranger', '/C=VN/O=Elsewhere/CN=Trần Thị B', 'other', ['ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
  signing.ssl('x509', '-in', 'root.pem', '-outform', 'DER', '-out', 'root.cer');
  evidence = tempDir('trust-evidence');
  fs.writeFileSync(path.join(evidence, 'ours.pdf'), signing.signedPdf({ leaf: 'leaf', chain: 'sub.pem' }));
  fs.writeFileSync(path.join(evidence, 'theirs.pdf'), signing.signedPdf({ leaf: 'stranger', chain: 'other.pem' }));
  ws = path.join(tempDir('trust-ws'), 'ws');
  expect(run('init', ws, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023').code).toBe(0);
  expect(run('folder', 'add', ws, evidence).code).toBe(0);
  expect(run('scan', ws, '--no-ocr', '--json').code).toBe(0);
}, 240_000);

afterAll(() => {
  for (const d of [certs, evidence, path.dirname(ws), home]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('trusted roots per workspace', () => {
  it('starts with no roots: every chain reads unknown-root', () => {
    expect(json<TrustJson>('trust', ws, 'list', '--json')).toEqual({ roots: [], changedRoots: [], recheck: null });
    expect(chains(ws)).toEqual({ 'ours.pdf': ['unknown-root'], 'theirs.pdf': ['unknown-root'] });
    expect(run('trust', ws, 'list').stdout).toContain('chưa xác minh được nguồn');
  });

  it('adding the root (DER .cer) re-checks the signed documents: the chain to it reads trusted', () => {
    const before = fs.readFileSync(path.join(evidence, 'ours.pdf'));
    const r = json<TrustJson>('trust', ws, 'add', path.join(certs, 'root.cer'), '--json');
    expect(r.roots).toHaveLength(1);
    expect(r.roots[0]).toMatchObject({ commonName: 'KiemChung Test Root CA', organisation: 'Ban Cơ yếu Chính phủ (thử)', selfSigned: true });
    expect(r.roots[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.changedRoots).toEqual([r.roots[0]?.sha256]);
    expect(r.recheck).toEqual({ contents: 2, changed: 1, unreadable: 0, trustedSignatures: 1 });
    expect(chains(ws)).toEqual({ 'ours.pdf': ['trusted'], 'theirs.pdf': ['unknown-root'] });
    // The evidence is read, never written.
    expect(fs.readFileSync(path.join(evidence, 'ours.pdf')).equals(before)).toBe(true);
  });

  it('the same root again as PEM adds nothing', () => {
    const r = json<TrustJson>('trust', ws, 'add', path.join(certs, 'root.pem'), '--json');
    expect(r).toMatchObject({ changedRoots: [], recheck: null });
    expect(r.roots).toHaveLength(1);
  });

  it('a file added after the root is read as trusted by the scan itself', () => {
    fs.writeFileSync(path.join(evidence, 'later.pdf'), signing.signedPdf({ leaf: 'leaf', chain: 'sub.pem', inline: true }));
    expect(run('scan', ws, '--no-ocr', '--json').code).toBe(0);
    expect(chains(ws)['later.pdf']).toEqual(['trusted']);
  });

  it('removing the root (by a prefix of its SHA-256) returns the chains to unknown-root', () => {
    const [root] = json<TrustJson>('trust', ws, 'list', '--json').roots;
    const r = json<TrustJson>('trust', ws, 'remove', (root?.sha256 ?? '').slice(0, 12), '--json');
    expect(r).toMatchObject({ roots: [], changedRoots: [root?.sha256], recheck: { contents: 3, changed: 2, unreadable: 0, trustedSignatures: 0 } });
    expect(chains(ws)).toEqual({ 'later.pdf': ['unknown-root'], 'ours.pdf': ['unknown-root'], 'theirs.pdf': ['unknown-root'] });
  });

  it('refuses what is not a certificate, and an unknown SHA-256, by name', () => {
    const key = run('trust', ws, 'add', path.join(certs, 'root.key'));
    expect(key.code).toBe(1);
    expect(key.stderr).toContain('a PEM file without a certificate');
    const junk = path.join(certs, 'junk.cer');
    fs.writeFileSync(junk, Buffer.from('not a certificate at all'));
    expect(run('trust', ws, 'add', junk).stderr).toContain('not an X.509 certificate');
    const missing = run('trust', ws, 'remove', 'deadbeefdeadbeef');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no trusted root has SHA-256 deadbeefdeadbeef');
    expect(json<TrustJson>('trust', ws, 'list', '--json').roots).toEqual([]);
  });
});
