// ZIP64: a bundle with more than 65,535 entries and an entry past 4 GiB, written by the bundle
// writer and read back by unzip, Python's zipfile, 7-Zip and verify. Slow (~5 GiB written):
// skipped unless KIEMCHUNG_LARGE_BUNDLE=1, e.g.
//   KIEMCHUNG_LARGE_BUNDLE=1 npx vitest run test/integration/bundle-large.test.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../main/engine/bundle/verify.js';
import { BundleZipWriter } from '../../main/engine/bundle/zip-write.js';
import { tempDir } from '../helpers/corpus.js';

const LARGE = process.env['KIEMCHUNG_LARGE_BUNDLE'] === '1';
const ENTRIES = 70_000;
const BIG = 4 * 1024 ** 3 + 5 * 1024 ** 2; // 4 GiB + 5 MiB

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 << 20 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!LARGE)('ZIP64 bundle (> 65,535 entries, > 4 GiB)', () => {
  it('is written and read back by every tool', { timeout: 60 * 60_000 }, async () => {
    const dir = tempDir('bundle-large');
    const big = path.join(dir, 'big.pdf');
    // A sparse file: 4 GiB of zeros (cheap on disk) with a marker at the end.
    const fd = fs.openSync(big, 'w');
    fs.writeSync(fd, Buffer.from('%PDF-1.4 end marker'), 0, 19, BIG - 19);
    fs.closeSync(fd);
    const out = path.join(dir, 'large.zip');
    const w = await BundleZipWriter.open(out);
    try {
      const mtime = new Date();
      for (let i = 0; i < ENTRIES; i++) {
        const folder = `${Math.floor(i / 1000)}`;
        await w.addBuffer(Buffer.from(`tài liệu ${i}\n`), `${folder}/${folder}_${String(i).padStart(5, '0')}_tệp.txt`, { compress: true, mtime });
      }
      await w.addFile(big, '9.9/9.9_01_big.pdf', null, mtime);
      const sums = w.written.map((e) => `${e.sha256}  ${e.path}\n`).join('');
      await w.addBuffer(Buffer.from(sums), 'SHA256SUMS', { compress: true, mtime });
      await w.finish();
    } catch (e) {
      await w.abort();
      throw e;
    }
    expect(fs.statSync(out).size).toBeGreaterThan(4 * 1024 ** 3);

    const unzip = run('unzip', ['-tq', out]);
    expect(unzip.code, unzip.out.slice(-2000)).toBe(0);
    const seven = run('7z', ['t', out]);
    expect(seven.code, seven.out.slice(-2000)).toBe(0);
    const py = run('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); i=z.getinfo("9.9/9.9_01_big.pdf"); print(len(z.infolist()), i.file_size, all(x.flag_bits & 0x800 for x in z.infolist()))', out]);
    expect(py.code, py.out).toBe(0);
    expect(py.out.trim()).toBe(`${ENTRIES + 2} ${BIG} True`);

    const v = await verifyBundle(out);
    // No manifest.json in this synthetic bundle; everything else must be clean, and SHA256SUMS
    // (hashed by the writer from the source stream) matches what the independent reader inflates.
    expect(v.problems.filter((p) => p.path !== 'manifest.json')).toEqual([]);
    expect(v.entries).toBe(ENTRIES + 2);

    fs.rmSync(dir, { recursive: true, force: true });
  });
});
