// npm run bench:watch: `kiemchung watch` over 2,000 files (a real process, real chokidar, real
// SQLite): latency from the end of a write to its `indexed` event (files trickling in, and a burst),
// a folder rename, and the watcher's memory against the same process watching an empty folder.
//   BENCH_WATCH_FILES (2000), BENCH_TRICKLE (60 files, one every BENCH_TRICKLE_MS = 500 ms),
//   BENCH_BURST (200); folders of 100 files, one of them renamed. Stability window: the default (2 s).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { getPack } from '../main/engine/packs/library.js';
import { scanWorkspace } from '../main/engine/scan/reconcile.js';
import type { WatchEvent } from '../main/engine/watch/events.js';
import { RootWatcher } from '../main/engine/watch/root-watcher.js';
import { addRoot } from '../main/engine/workspace/roots.js';
import { Workspace } from '../main/engine/workspace/workspace.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const SEEDS = path.join(REPO, 'test', 'fixtures', 'corpus', 'seeds');
const BIN = path.join(REPO, 'bin', 'kiemchung.js');
const WORK = path.join(REPO, 'bench', '.work', 'watch');
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const FILES = env('BENCH_WATCH_FILES', 2000);
const TRICKLE = env('BENCH_TRICKLE', 60);
const TRICKLE_MS = env('BENCH_TRICKLE_MS', 500);
const BURST = env('BENCH_BURST', 200);
const RENAME = 100; // files per folder; one folder is renamed
const RENAMED = 'phòng 00';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.pdf')).sort().map((f) => fs.readFileSync(path.join(SEEDS, f)));

/** A distinct valid PDF: a real seed plus a comment after its end, so every file is read. */
function pdf(tag: string): Buffer {
  return Buffer.concat([seeds[tag.length % seeds.length] as Buffer, Buffer.from(`\n% kiemchung watch bench ${tag}\n`)]);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function rssMb(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

class WatchProcess {
  readonly events: { at: number; e: WatchEvent }[] = [];
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly exited: Promise<number | null>;

  constructor(wsDir: string) {
    this.child = spawn(process.execPath, [BIN, 'watch', wsDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => this.events.push({ at: performance.now(), e: JSON.parse(line) as WatchEvent }));
    this.child.stderr.pipe(process.stderr);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  async waitFor(what: string, test: (e: WatchEvent) => boolean, from = 0, timeoutMs = 600_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.slice(from).find((x) => test(x.e));
      if (hit) return hit.at;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  indexedAt(relPath: string, from: number): number | undefined {
    return this.events.slice(from).find((x) => x.e.event === 'indexed' && x.e.relPath === relPath)?.at;
  }
}

/** A workspace over `root`, indexed once and kept in bench/.work as a template for later runs. */
async function workspaceFor(root: string): Promise<string> {
  const template = `${root}.ws`;
  if (!fs.existsSync(path.join(template, 'kiemchung.db'))) {
    fs.rmSync(template, { recursive: true, force: true });
    const ws = Workspace.create(template, { pack: await getPack('tra-vinh-so-y-te-2023'), year: 2023 });
    addRoot(ws, root);
    const started = performance.now();
    const report = await scanWorkspace(ws);
    ws.checkpoint();
    ws.close();
    console.log(`  indexed ${report.files} files of ${path.basename(root)} once (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiemchung-watch-bench-')), 'ws');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** The watched tree as generated: what an earlier run added or renamed is put back. */
function prepareRoot(root: string): void {
  const marker = path.join(WORK, `generated-${FILES}`);
  if (!fs.existsSync(marker)) {
    fs.rmSync(WORK, { recursive: true, force: true });
    for (let i = 0; i < FILES; i++) {
      const file = path.join(root, `phòng ${String(Math.floor(i / RENAME)).padStart(2, '0')}`, `văn bản ${i}.pdf`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, pdf(`base-${i}`));
    }
    fs.mkdirSync(path.join(WORK, 'empty'));
    fs.writeFileSync(marker, '');
    return;
  }
  fs.rmSync(path.join(root, 'incoming'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'burst'), { recursive: true, force: true });
  if (fs.existsSync(path.join(root, `${RENAMED} (đã duyệt)`))) fs.renameSync(path.join(root, `${RENAMED} (đã duyệt)`), path.join(root, RENAMED));
}

/** Write one file in three chunks, as a copy over the network would; returns when it is closed. */
async function writeSlowly(file: string, bytes: Buffer): Promise<number> {
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < 3; i++) {
    fs.writeSync(fd, bytes.subarray(Math.floor((i * bytes.length) / 3), Math.floor(((i + 1) * bytes.length) / 3)));
    if (i < 2) await sleep(50);
  }
  fs.closeSync(fd);
  return performance.now();
}

async function idleMemory(root: string): Promise<{ rss: number; hwm: number }> {
  const p = new WatchProcess(await workspaceFor(root));
  await p.waitFor('idle', (e) => e.event === 'idle');
  await sleep(1000);
  const mem = rssMb(p.child.pid as number);
  p.child.kill('SIGTERM');
  await p.exited;
  return mem;
}

/** chokidar alone over `root`, in this process: what watching costs per file, apart from indexing. */
async function chokidarMemory(root: string): Promise<{ rssMb: number; heapMb: number; readyMs: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const w = new RootWatcher({ id: 0, path: root, office: null, polling: false, addedAt: '' }, false, {
    changed: () => undefined,
    vanished: () => undefined,
    error: (e) => console.error(e),
  });
  await w.start();
  const readyMs = performance.now() - started;
  gc?.();
  const after = process.memoryUsage();
  await w.close();
  return { rssMb: (after.rss - before.rss) / 2 ** 20, heapMb: (after.heapUsed - before.heapUsed) / 2 ** 20, readyMs };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('this bench reads memory from /proc: run it on Linux');
  const root = path.join(WORK, 'root');
  console.log(`Watch bench: ${FILES} watched files, ${os.availableParallelism()} cores, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)}`);
  prepareRoot(root);
  const baseline = await idleMemory(path.join(WORK, 'empty'));
  const chokidar = await chokidarMemory(root);

  const p = new WatchProcess(await workspaceFor(root));
  const readyAt = performance.now();
  const firstIdle = await p.waitFor('idle after the start-up sweep', (e) => e.event === 'idle');
  await sleep(1000);
  const watching = rssMb(p.child.pid as number);
  const stability = 2000;

  // 1. Files trickling in while earlier ones are still settling.
  const incoming = path.join(root, 'incoming');
  fs.mkdirSync(incoming);
  await sleep(500);
  let from = p.events.length;
  const ends = new Map<string, number>();
  for (let i = 0; i < TRICKLE; i++) {
    const rel = `incoming/t${i}.pdf`;
    ends.set(rel, await writeSlowly(path.join(root, rel), pdf(`trickle-${i}`)));
    await sleep(Math.max(0, TRICKLE_MS - 100));
  }
  for (const rel of ends.keys()) await p.waitFor(rel, (e) => e.event === 'indexed' && e.relPath === rel, from);
  const trickle = [...ends].map(([rel, end]) => (p.indexedAt(rel, from) as number) - end);

  // 2. A burst: many files at once (a folder copied in).
  await p.waitFor('idle', (e) => e.event === 'idle', p.events.length - 1);
  from = p.events.length;
  const burstEnds = new Map<string, number>();
  fs.mkdirSync(path.join(root, 'burst'));
  for (let i = 0; i < BURST; i++) {
    const rel = `burst/b${i}.pdf`;
    fs.writeFileSync(path.join(root, rel), pdf(`burst-${i}`));
    burstEnds.set(rel, performance.now());
  }
  for (const rel of burstEnds.keys()) await p.waitFor(rel, (e) => e.event === 'indexed' && e.relPath === rel, from);
  const burst = [...burstEnds].map(([rel, end]) => (p.indexedAt(rel, from) as number) - end);

  // 3. A folder rename: every document moves, nothing is read again.
  await p.waitFor('idle', (e) => e.event === 'idle', from);
  from = p.events.length;
  const renameStart = performance.now();
  fs.renameSync(path.join(root, RENAMED), path.join(root, `${RENAMED} (đã duyệt)`));
  await p.waitFor('idle after rename', (e) => e.event === 'idle', from);
  const renameMs = performance.now() - renameStart;
  const after = p.events.slice(from).map((x) => x.e.event);
  const moved = after.filter((e) => e === 'moved').length;
  const reread = after.filter((e) => e === 'indexed').length;
  const peak = rssMb(p.child.pid as number);

  const stopAt = performance.now();
  p.child.kill('SIGTERM');
  const code = await p.exited;
  const stopMs = performance.now() - stopAt;

  const f = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  console.log(`
| measure | value | target |
|---|---|---|
| watched files | ${FILES} (+${TRICKLE + BURST} written during the run) | |
| start-up: ready → idle (unchanged sweep of ${FILES} files) | ${f(firstIdle - readyAt)} | |
| trickle (${TRICKLE} files, one every ${TRICKLE_MS} ms): end of write → \`indexed\`, p50 / p95 / max | ${f(percentile(trickle, 50))} / **${f(percentile(trickle, 95))}** / ${f(Math.max(...trickle))} | p95 ≤ ${f(stability + 1000)} |
| burst (${BURST} files at once): p50 / p95 / max | ${f(percentile(burst, 50))} / ${f(percentile(burst, 95))} / ${f(Math.max(...burst))} | |
| folder rename (${RENAME} files): moved / re-read / until idle | ${moved} / ${reread} / ${f(renameMs)} | ${RENAME} / 0 |
| watch process RSS, idle, ${FILES} files | **${watching.rss.toFixed(0)} MB** | |
| same process watching an empty folder | ${baseline.rss.toFixed(0)} MB | |
| watching ${FILES} files costs | ${(watching.rss - baseline.rss).toFixed(0)} MB (${(((watching.rss - baseline.rss) * 1024) / FILES).toFixed(1)} KB/file) | |
| chokidar alone over the ${FILES} files (in-process): RSS / heap / ready in | ${chokidar.rssMb.toFixed(0)} MB / ${chokidar.heapMb.toFixed(0)} MB (${((chokidar.heapMb * 1024) / FILES).toFixed(1)} KB/file) / ${f(chokidar.readyMs)} | |
| peak RSS of the watch process (workers included) | ${peak.hwm.toFixed(0)} MB | |
| SIGTERM → exit | ${f(stopMs)}, exit code ${code} | 0 |
| load average (1 min) at the end | ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores | |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
