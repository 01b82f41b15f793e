// The export bundle on real PDFs: unzip, Python's zipfile and 7-Zip all accept it and agree on
// its entries; SHA256SUMS and the manifest match the bytes; originals are byte-identical; the
// inclusion rules hold; verify catches tampering; bad destinations, vanished sources, cancel
// and a full disk leave no file behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPathProblems } from '../../shared/bundle-names.js';
import { exportBundle, verifyBundle, type BundleManifest } from '../../main/engine/bundle/index.js';
import { listDocuments } from '../../main/engine/query/documents.js';
import { assignDocument, reviewDocument, setScore } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const NOW = new Date('2026-11-20T03:00:00Z');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function pythonZip(zip: string): { names: string[]; testzip: string | null; utf8: boolean[]; methods: number[] } {
  const script = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"names": z.namelist(), "testzip": z.testzip(),
  "utf8": [bool(i.flag_bits & 0x800) for i in z.infolist()], "methods": [i.compress_type for i in z.infolist()]}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8', maxBuffer: 64 << 20 })) as ReturnType<typeof pythonZip>;
}

function extract(zip: string): string {
  const dir = tempDir('bundle-x');
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  return dir;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/'));
}

describe('export bundle', () => {
  let ws: Workspace;
  let root: string;
  let outDir: string;
  let zip: string;
  let manifest: BundleManifest;
  let extracted: string;
  const files = {
    plan: 'Kế hoạch/KH 78 tuyên truyền.pdf',
    rejected: 'kg-1942-KH-SYT.pdf',
    signed: 'moc-1074-QD-BXD-signed.pdf',
    encrypted: 'rb-encrypted-owner-only.pdf',
    plan2: 'Kế hoạch/plan-001.pdf',
  };

  beforeAll(async () => {
    root = tempDir('bundle-ev');
    fs.mkdirSync(path.join(root, 'Kế hoạch'));
    fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(root, files.plan));
    fs.copyFileSync(path.join(SEEDS, 'plan-001.pdf'), path.join(root, files.plan2));
    for (const f of [files.rejected, files.signed, files.encrypted]) fs.copyFileSync(path.join(REAL, f), path.join(root, f));
    ws = await makeWorkspace([root]);
    await scanWorkspace(ws, { ocr: false });
    const abs = (rel: string): string => path.join(root, rel);
    assignDocument(ws, abs(files.plan), '1.1');
    assignDocument(ws, abs(files.plan), '2.1');
    assignDocument(ws, abs(files.rejected), '1.1');
    reviewDocument(ws, abs(files.rejected), '1.1', 'rejected', 'không đúng năm');
    assignDocument(ws, abs(files.signed), '1.1');
    reviewDocument(ws, abs(files.signed), '1.1', 'accepted');
    assignDocument(ws, abs(files.encrypted), '1.1');
    assignDocument(ws, abs(files.plan2), '1.1');
    setScore(ws, '1.1', { points: 1.5, explanation: 'Đã ban hành kế hoạch CCHC đúng hạn.' });
    outDir = tempDir('bundle-out');
    zip = path.join(outDir, 'Hồ sơ CCHC 2023.zip');
    await exportBundle(ws, { out: zip, now: NOW });
    manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as BundleManifest;
    extracted = extract(zip);
  });
  afterAll(() => ws?.close());

  it('opens cleanly in unzip, Python zipfile and 7-Zip, and all three list the same entries', () => {
    const unzipT = run('unzip', ['-t', zip]);
    expect(unzipT.code, unzipT.out).toBe(0);
    expect(unzipT.out).toContain('No errors detected');
    const sevenT = run('7z', ['t', zip]);
    expect(sevenT.code, sevenT.out).toBe(0);
    expect(sevenT.out).toContain('Everything is Ok');
    const py = pythonZip(zip);
    expect(py.testzip).toBeNull();
    expect(py.utf8.every(Boolean)).toBe(true);

    const unzipNames = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const sevenNames = run('7z', ['l', '-slt', '-ba', zip]).out
      .split('\n')
      .filter((l) => l.startsWith('Path = '))
      .map((l) => l.slice('Path = '.length).split(path.sep).join('/'));
    expect(new Set(unzipNames)).toEqual(new Set(py.names));
    expect(new Set(sevenNames)).toEqual(new Set(py.names));
    expect(py.names).toContain('manifest.json');
    expect(py.names).toContain('SHA256SUMS');
    for (const r of ['00_DanhMuc_TLKC.pdf', '00_DanhMuc_TLKC.xlsx', '00_BangTuDanhGia.pdf', '00_BangTuDanhGia.xlsx']) expect(py.names).toContain(r);
    // PDFs stored, text deflated.
    py.names.forEach((n, i) => expect(py.methods[i], n).toBe(n.endsWith('.pdf') || n.endsWith('.xlsx') ? 0 : 8));
  });

  it('has Windows-safe names of at most 120 characters', () => {
    for (const n of pythonZip(zip).names) expect(entryPathProblems(n), n).toEqual([]);
  });

  it('SHA256SUMS and the manifest match the extracted bytes of every entry', () => {
    const all = listFiles(extracted);
    const sums = fs.readFileSync(path.join(extracted, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = new Map(sums.map((l) => [l.slice(66), l.slice(0, 64)]));
    expect(new Set(listed.keys())).toEqual(new Set(all.filter((f) => f !== 'SHA256SUMS')));
    for (const [file, hash] of listed) expect(sha(fs.readFileSync(path.join(extracted, file))), file).toBe(hash);
    // sha256sum itself agrees (the format is the coreutils one).
    const check = run('sh', ['-c', `cd "${extracted}" && sha256sum -c SHA256SUMS --quiet`]);
    expect(check.code, check.out).toBe(0);
    const inManifest = new Set(manifest.files.map((f) => f.path));
    expect(inManifest).toEqual(new Set(all.filter((f) => f !== 'SHA256SUMS' && f !== 'manifest.json')));
    for (const f of manifest.files) expect(fs.statSync(path.join(extracted, f.path)).size).toBe(f.size);
  });

  it('copies originals byte for byte, into every criterion folder they are linked to, except rejected links', () => {
    const docs = listDocuments(ws);
    for (const c of manifest.criteria) {
      for (const e of c.evidence) {
        const source = fs.readFileSync(path.join(root, e.sourceRelPath));
        expect(fs.readFileSync(path.join(extracted, e.path)).equals(source), e.path).toBe(true);
        expect(e.path.startsWith(`${c.code}/${c.code}_`)).toBe(true);
      }
    }
    const shaOf = (rel: string): string => docs.find((d) => d.relPath === rel)?.sha256 ?? 'missing';
    const in11 = manifest.criteria.find((c) => c.code === '1.1')?.evidence ?? [];
    const in21 = manifest.criteria.find((c) => c.code === '2.1')?.evidence ?? [];
    expect(in11.map((e) => e.sha256)).toContain(shaOf(files.plan));
    expect(in21.map((e) => e.sha256)).toContain(shaOf(files.plan));
    expect(in11.map((e) => e.sha256)).toContain(shaOf(files.encrypted));
    expect(in11.map((e) => e.sha256)).not.toContain(shaOf(files.rejected));
    // Every non-rejected link to a leaf criterion is exported, and nothing else.
    const expected = docs.flatMap((d) => d.criteria.filter((l) => l.status !== 'rejected' && l.code.includes('.')).map((l) => `${l.code} ${d.sha256}`));
    const actual = manifest.criteria.flatMap((c) => c.evidence.map((e) => `${c.code} ${e.sha256}`));
    expect(new Set(actual)).toEqual(new Set(expected));
    const signed = in11.find((e) => e.sha256 === shaOf(files.signed));
    expect(signed?.review.status).toBe('accepted');
    expect(signed?.signatures).toBeGreaterThan(0);
    expect(in11.find((e) => e.sha256 === shaOf(files.plan))?.path).toMatch(/^1\.1\/1\.1_\d\d_78-KH-SYT\.pdf$/);
  });

  it('writes unit, year, pack and scores into the manifest', () => {
    expect(manifest.format).toBe('kiemchung-bundle');
    expect(manifest.version).toBe(1);
    expect(manifest.unit).toBe('Sở Y tế tỉnh Trà Vinh');
    expect(manifest.year).toBe(2023);
    expect(manifest.pack.id).toBe('tra-vinh-so-y-te-2023');
    expect(manifest.since).toBeNull();
    expect(manifest.createdAt).toBe(NOW.toISOString());
    const c11 = manifest.criteria.find((c) => c.code === '1.1');
    expect(c11?.selfScore).toBe(1.5);
    expect(c11?.explanation).toBe('Đã ban hành kế hoạch CCHC đúng hạn.');
  });

  it('verify accepts the bundle and reports tampering', async () => {
    const ok = await verifyBundle(zip);
    expect(ok.problems).toEqual([]);
    expect(ok.ok).toBe(true);
    expect(ok.entries).toBe(pythonZip(zip).names.length);

    // Flip one byte inside a stored original: CRC, SHA256SUMS and manifest all disagree now.
    const bad = path.join(outDir, 'tampered.zip');
    const bytes = fs.readFileSync(zip);
    const target = manifest.criteria.find((c) => c.code === '1.1')?.evidence[0];
    const name = Buffer.from(target?.path ?? '', 'utf8');
    const at = bytes.indexOf(name) + name.length + 200;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    fs.writeFileSync(bad, bytes);
    const result = await verifyBundle(bad);
    expect(result.ok).toBe(false);
    const kinds = new Set(result.problems.filter((p) => p.path === target?.path).map((p) => p.kind));
    expect(kinds).toContain('crc');
    expect(kinds).toContain('checksum');
    expect(run('unzip', ['-t', bad]).code).not.toBe(0);

    // Not a zip at all.
    const junk = path.join(outDir, 'junk.zip');
    fs.writeFileSync(junk, 'not a zip file at all, just text');
    const j = await verifyBundle(junk);
    expect(j.ok).toBe(false);
    expect(j.problems[0]?.kind).toBe('zip');
  });

  it('verify flags names Windows cannot take and a missing UTF-8 flag (zip CLI without -UN)', async () => {
    const dir = tempDir('bundle-badnames');
    fs.writeFileSync(path.join(dir, 'a:b.txt'), 'x');
    const bad = path.join(dir, 'bad.zip');
    execFileSync('zip', ['-q', '-X', bad, 'a:b.txt'], { cwd: dir });
    const r = await verifyBundle(bad);
    expect(r.ok).toBe(false);
    const kinds = r.problems.map((p) => p.kind);
    expect(kinds).toContain('name');
    expect(kinds).toContain('flags');
    expect(kinds).toContain('missing'); // no manifest.json, no SHA256SUMS
  });

  it('refuses to write inside an evidence folder or onto a folder, and writes nothing there', async () => {
    const before = listFiles(root).sort();
    await expect(exportBundle(ws, { out: path.join(root, 'bundle.zip') })).rejects.toThrow(/evidence folder/);
    await expect(exportBundle(ws, { out: path.join(root, 'Kế hoạch', 'x.zip') })).rejects.toThrow(/evidence folder/);
    await expect(exportBundle(ws, { out: path.join(root, files.plan) })).rejects.toThrow(/evidence folder/);
    await expect(exportBundle(ws, { out: outDir })).rejects.toThrow(/is a folder/);
    await expect(exportBundle(ws, { out: path.join(outDir, 'no-such-folder', 'x.zip') })).rejects.toThrow(/does not exist/);
    expect(listFiles(root).sort()).toEqual(before);
  });

  it('a vanished or changed source ends with a clear message and no file at the destination', async () => {
    const dest = tempDir('bundle-vanish');
    const out = path.join(dest, 'b.zip');
    const src = path.join(root, files.plan2);
    const aside = path.join(tempDir('bundle-aside'), 'keep.pdf');
    fs.renameSync(src, aside);
    try {
      await expect(exportBundle(ws, { out })).rejects.toThrow(/vanished.*plan-001\.pdf/);
    } finally {
      fs.renameSync(aside, src);
    }
    expect(fs.readdirSync(dest)).toEqual([]);

    const original = fs.readFileSync(src);
    fs.appendFileSync(src, '\n% appended\n');
    try {
      await expect(exportBundle(ws, { out })).rejects.toThrow(/changed since the last scan/);
    } finally {
      fs.writeFileSync(src, original);
    }
    expect(fs.readdirSync(dest)).toEqual([]);
  });

  it('cancels on the abort signal, leaving no file', async () => {
    const dest = tempDir('bundle-cancel');
    const controller = new AbortController();
    const p = exportBundle(ws, {
      out: path.join(dest, 'b.zip'),
      signal: controller.signal,
      onProgress: (pr) => {
        if (pr.phase === 'originals' && pr.current === 1) controller.abort();
      },
    });
    await expect(p).rejects.toThrow(/cancelled/);
    expect(fs.readdirSync(dest)).toEqual([]);
  });

  it('replaces an existing bundle only when the new one is complete', async () => {
    const dest = tempDir('bundle-replace');
    const out = path.join(dest, 'b.zip');
    fs.writeFileSync(out, 'old bundle');
    const controller = new AbortController();
    await expect(
      exportBundle(ws, { out, signal: controller.signal, onProgress: (pr) => pr.phase === 'originals' && pr.current === 2 && controller.abort() }),
    ).rejects.toThrow(/cancelled/);
    expect(fs.readFileSync(out, 'utf8')).toBe('old bundle');
    expect(fs.readdirSync(dest)).toEqual(['b.zip']);
    await exportBundle(ws, { out });
    expect((await verifyBundle(out)).ok).toBe(true);
  });

  describe('on a full disk (tmpfs; needs root to mount, skipped otherwise)', () => {
    const mnt = tempDir('bundle-tmpfs');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mnt]).status === 0;
    afterAll(() => {
      if (mounted) spawnSync('umount', [mnt]);
    });

    it.skipIf(!mounted)('fails up front when the bundle cannot fit, writing nothing', async () => {
      const filler = path.join(mnt, 'filler');
      fs.writeFileSync(filler, Buffer.alloc(20 << 20));
      try {
        await expect(exportBundle(ws, { out: path.join(mnt, 'b.zip') })).rejects.toThrow(/not enough disk space/);
        expect(fs.readdirSync(mnt)).toEqual(['filler']);
      } finally {
        fs.rmSync(filler);
      }
    });

    it.skipIf(!mounted)('fails with a clear message when the disk fills during the export, writing nothing', async () => {
      // The up-front check passes; then the disk fills while the originals are being written.
      const filler = path.join(mnt, 'filler');
      let filled = false;
      try {
        await expect(
          exportBundle(ws, {
            out: path.join(mnt, 'b.zip'),
            onProgress: (pr) => {
              if (pr.phase === 'originals' && !filled) {
                filled = true;
                const fd = fs.openSync(filler, 'w');
                try {
                  for (;;) fs.writeSync(fd, Buffer.alloc(64 << 10));
                } catch {
                  // ENOSPC: the disk is full now
                } finally {
                  fs.closeSync(fd);
                }
              }
            },
          }),
        ).rejects.toThrow(/not enough disk space/);
        expect(fs.readdirSync(mnt)).toEqual(['filler']);
      } finally {
        fs.rmSync(filler, { force: true });
      }
    });
  });
});
