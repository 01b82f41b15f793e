// Bundles crafted to hurt their reader: a SHA256SUMS that inflates far past its declared size, an
// honest entry that inflates past the reader's cap, and thousands of directory records pointing at
// the same deflated bytes. Through the real CLI: each ends quickly with a named problem (never a
// crash, a hang or a false success), and the process stays under 512 MB of peak RSS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/corpus.js';
import { craftZip, deflatedZeros, overlappingBomb, storedEntry } from '../helpers/craft-zip.js';

const MiB = 1 << 20;
const dir = tempDir('hostile-bundles');

interface Run {
  code: number;
  json: { ok: boolean; problems: { path: string; kind: string; message: string }[] };
  stderr: string;
  peakRssMb: number;
  seconds: number;
}

/** `kiemchung verify --json` under /usr/bin/time, which reports the child's peak RSS. */
function verify(file: string): Run {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, path.join(REPO_ROOT, 'bin', 'kiemchung.js'), 'verify', file, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr);
  return {
    code: r.status ?? -1,
    json: JSON.parse(r.stdout) as Run['json'],
    stderr: r.stderr,
    peakRssMb: peak ? Number(peak[1]) / 1024 : Infinity,
    seconds: (Date.now() - t0) / 1000,
  };
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('verify on hostile bundles', () => {
  it('a SHA256SUMS declared as 100 bytes that inflates to 1 GiB is a named zip problem', async () => {
    const sums = await deflatedZeros('SHA256SUMS', 1024 * MiB, 100);
    const file = write('lying-size.zip', craftZip([storedEntry('manifest.json', Buffer.from('{}')), sums]));
    expect(fs.statSync(file).size).toBeLessThan(2 * MiB);
    const r = verify(file);
    console.log(`lying size: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    const problem = r.json.problems.find((p) => p.path === 'SHA256SUMS' && p.kind === 'zip');
    expect(problem?.message).toMatch(/more than the 100 bytes its directory declares/);
    expect(r.peakRssMb).toBeLessThan(512);
  }, 120_000);

  it('an entry that honestly declares 600 MiB stops at the reader cap for text entries', async () => {
    const sums = await deflatedZeros('SHA256SUMS', 600 * MiB);
    const r = verify(write('honest-huge.zip', craftZip([sums])));
    expect(r.code).toBe(1);
    expect(r.json.problems.find((p) => p.path === 'SHA256SUMS')?.message).toMatch(/more than 536870912 bytes/);
    expect(r.peakRssMb).toBeLessThan(512);
  }, 120_000);

  it('20,000 directory records over one deflated entry are refused as overlapping before any inflating', async () => {
    const payload = await deflatedZeros('x.txt', 64 * MiB);
    const file = write('overlap.zip', overlappingBomb(payload, 20_000));
    const r = verify(file);
    console.log(`overlap bomb: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
    expect(r.code).toBe(1);
    expect(r.json.problems).toEqual([expect.objectContaining({ kind: 'zip', message: expect.stringMatching(/overlap/) as unknown })]);
    // Inflating 20,000 × 64 MiB would take hours; refusing takes about a process start.
    expect(r.seconds).toBeLessThan(20);
    expect(r.peakRssMb).toBeLessThan(512);
  }, 120_000);
});
