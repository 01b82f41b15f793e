// Paths as they are on disk, with real files and real processes: a Vietnamese name in NFC and the
// same visible name in NFD side by side are two documents, both exported (unzip, 7z and Python's
// zipfile list and read them) and both previewed with their own bytes; a name that is not valid
// UTF-8 is reported by its bytes, not as ENOENT; symbolic links are reported as skipped.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPathProblems } from '../../shared/bundle-names.js';
import type { DocumentJson } from '../../shared/types.js';
import { apiCall, startApp, type App } from '../e2e/harness.js';
import { REPO_ROOT, tempDir } from '../helpers/corpus.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
const home = tempDir('unicode-home');
const ENV = { ...process.env, KIEMCHUNG_HOME: home };

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(...args: string[]): T {
  const r = run(...args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const sha = (b: Buffer | Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function pdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14, font });
  return doc.save();
}

/** Every name (as bytes, hex) and content hash under `dir`, links as their target: to see nothing changed. */
function snapshot(dir: Buffer): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    const p = Buffer.concat([dir, Buffer.from('/'), e.name]);
    if (e.isSymbolicLink()) out.push(`${e.name.toString('hex')} -> ${fs.readlinkSync(p, { encoding: 'buffer' }).toString('hex')}`);
    else if (e.isDirectory()) out.push(...snapshot(p).map((s) => `${e.name.toString('hex')}/${s}`));
    else out.push(`${e.name.toString('hex')} ${sha(fs.readFileSync(p))}`);
  }
  return out.sort();
}

const NAME = 'Báo cáo kết quả cải cách hành chính.pdf';
const work = tempDir('unicode');
const evidence = path.join(work, 'evidence');
const folder = path.join(evidence, '1.1');
const nfcFile = path.join(folder, NAME.normalize('NFC'));
const nfdFile = path.join(folder, NAME.normalize('NFD'));
// "bao-cao-<FF FE>A.pdf": bytes no UTF-8 decoder accepts.
const badName = Buffer.concat([Buffer.from('bao-cao-'), Buffer.from([0xff, 0xfe]), Buffer.from('A.pdf')]);
const ws = path.join(work, 'ws');
let before: string[];
let docs: DocumentJson[];

beforeAll(async () => {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(nfcFile, await pdf('Tai lieu kiem chung: ban dung chuan NFC'));
  fs.writeFileSync(nfdFile, await pdf('Tai lieu kiem chung: ban to hop NFD, noi dung khac'));
  fs.writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), badName]), await pdf('Ten tep khong phai UTF-8'));
  fs.symlinkSync(nfcFile, path.join(folder, 'lien-ket.pdf'));
  fs.symlinkSync(folder, path.join(evidence, 'thu-muc-lien-ket'));
  expect(fs.readdirSync(folder).filter((n) => n.normalize('NFC') === NAME.normalize('NFC'))).toHaveLength(2);
  before = snapshot(Buffer.from(evidence));
  expect(run('init', ws, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023').code).toBe(0);
  expect(run('folder', 'add', ws, evidence).code).toBe(0);
}, 120_000);

describe('paths as on disk', () => {
  it('scan: NFC and NFD spellings are two documents; a non-UTF-8 name is reported by its bytes; links are reported as skipped', () => {
    const report = json<{ files: number; indexed: number; errors: unknown[]; problems: { path: string; message: string; kind?: string }[] }>('scan', ws, '--no-ocr', '--json');
    expect(report.files).toBe(2);
    expect(report.indexed).toBe(2);
    expect(report.errors).toEqual([]);
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/ENOENT|no such file/);
    const bad = report.problems.find((p) => p.kind === 'name-not-utf8');
    expect(bad?.path).toBe(path.join(folder, 'bao-cao-\\xFF\\xFEA.pdf'));
    expect(bad?.message).toMatch(/62 61 6f 2d 63 61 6f 2d ff fe 41 2e 70 64 66/);
    const links = report.problems.filter((p) => p.kind === 'skipped-symlink').map((p) => p.path).sort();
    expect(links).toEqual([path.join(evidence, 'thu-muc-lien-ket'), path.join(folder, 'lien-ket.pdf')].sort());
    expect(report.problems).toHaveLength(3);

    docs = json<DocumentJson[]>('docs', ws, '--json');
    expect(docs).toHaveLength(2);
    // Shown in NFC (display, matching, search), both of them; each with the bytes of its own file.
    for (const d of docs) expect(d.relPath).toBe(`1.1/${NAME.normalize('NFC')}`);
    expect(docs.map((d) => d.sha256).sort()).toEqual([sha(fs.readFileSync(nfcFile)), sha(fs.readFileSync(nfdFile))].sort());
    expect(docs.every((d) => d.error === null)).toBe(true);
    // A rescan finds both unchanged: the stored names are the ones on disk.
    const again = json<{ unchanged: number; indexed: number; removed: number }>('scan', ws, '--no-ocr', '--json');
    expect(again).toMatchObject({ unchanged: 2, indexed: 0, removed: 0 });
  }, 120_000);

  it('export: both files are in the bundle under distinct Windows-safe names; verify, unzip, 7z and zipfile agree', () => {
    for (const d of docs) json('assign', ws, d.id, '1.1', '--json');
    const out = path.join(work, 'bundle.zip');
    const exported = run('export', ws, '--out', out, '--json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout + exported.stderr).not.toMatch(/vanished|changed since the last scan|ENOENT/);
    expect(json<{ ok: boolean; problems: unknown[] }>('verify', out, '--json')).toMatchObject({ ok: true, problems: [] });

    // What the bundle says: two evidence entries of 1.1, one per source file.
    const py = spawnSync(
      'python3',
      ['-c', 'import json,sys,zipfile,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))', out],
      { encoding: 'utf8' },
    );
    expect(py.status, py.stderr).toBe(0);
    const entries = JSON.parse(py.stdout) as Record<string, string>;
    const evidenceEntries = Object.keys(entries).filter((n) => n.startsWith('1.1/'));
    expect(evidenceEntries).toHaveLength(2);
    expect(new Set(evidenceEntries.map((n) => n.toLowerCase())).size).toBe(2);
    for (const n of evidenceEntries) expect(entryPathProblems(n), n).toEqual([]);
    expect(evidenceEntries.map((n) => entries[n]).sort()).toEqual([sha(fs.readFileSync(nfcFile)), sha(fs.readFileSync(nfdFile))].sort());

    const unzip = spawnSync('unzip', ['-l', out], { encoding: 'utf8' });
    expect(unzip.status).toBe(0);
    const seven = spawnSync('7z', ['l', '-slt', out], { encoding: 'utf8' });
    expect(seven.status).toBe(0);
    for (const n of evidenceEntries) {
      expect(unzip.stdout).toContain(n);
      expect(seven.stdout).toContain(`Path = ${n}`);
    }
    // Python's reader and 7-Zip see the same names (flagged UTF-8, not CP437 mojibake).
    const manifest = JSON.parse(spawnSync('unzip', ['-p', out, 'manifest.json'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout) as {
      criteria: { code: string; evidence: { path: string; sha256: string; sourceRelPath: string }[] }[];
    };
    const listed = manifest.criteria.find((c) => c.code === '1.1')?.evidence ?? [];
    expect(listed.map((e) => e.path).sort()).toEqual([...evidenceEntries].sort());
    for (const e of listed) expect(e.sourceRelPath).toBe(`1.1/${NAME.normalize('NFC')}`);
  }, 180_000);

  describe('preview', () => {
    let app: App;
    beforeAll(async () => {
      app = await startApp({}, { home });
      await apiCall(app, 'workspace:open', { dir: ws });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
    });

    it('each of the two documents previews with the bytes of its own file', async () => {
      const seen: string[] = [];
      for (const d of docs) {
        const url = await apiCall<string>(app, 'docs:previewUrl', { id: d.id });
        const res = await fetch(new URL(url, app.origin));
        expect(res.status).toBe(200);
        const body = Buffer.from(await res.arrayBuffer());
        expect(sha(body)).toBe(d.sha256);
        seen.push(d.sha256);
      }
      expect(new Set(seen).size).toBe(2);
    }, 60_000);
  });

  it('nothing in the evidence folder was written', () => {
    expect(snapshot(Buffer.from(evidence))).toEqual(before);
  });
});
