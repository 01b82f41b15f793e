// A fixed pool of worker threads for CPU work (hashing, PDF parsing, OCR), so the thread that
// serves requests never blocks. A job that exceeds its time limit, or a worker that dies (out
// of memory, native crash), fails only that job: the worker is replaced and the pool goes on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export class JobTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`gave up after ${Math.round(ms / 1000)} s`);
    this.name = 'JobTimeoutError';
  }
}

export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

interface Pending<Res> {
  id: number;
  req: unknown;
  timeoutMs: number;
  resolve: (value: Res) => void;
  reject: (error: Error) => void;
}

interface Slot<Res> {
  worker: Worker;
  job: Pending<Res> | null;
  timer: NodeJS.Timeout | null;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface WorkerPoolOptions {
  size?: number;
  resourceLimits?: ResourceLimits;
}

/**
 * Worker scripts run as compiled .js from dist/. When the engine itself runs from TypeScript
 * sources (vitest, tsx), the compiled twin in dist/ is used: Node 20 does not apply tsx's loader
 * inside worker threads. `npm test` builds first, and vitest's global setup builds too.
 */
export function workerScript(moduleUrl: string, baseName: string): URL {
  const url = new URL(`./${baseName}.js`, moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return url;
  const source = fileURLToPath(url);
  let root = path.dirname(source);
  while (!fs.existsSync(path.join(root, 'package.json'))) {
    const up = path.dirname(root);
    if (up === root) throw new Error(`cannot find the project root above ${source}`);
    root = up;
  }
  const compiled = path.join(root, 'dist', path.relative(root, source));
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
  return pathToFileURL(compiled);
}

export function defaultPoolSize(): number {
  return Math.max(1, os.availableParallelism());
}

export class WorkerPool<Req, Res> {
  private readonly slots: Slot<Res>[] = [];
  private readonly queue: Pending<Res>[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;

  constructor(
    private readonly script: URL,
    private readonly options: WorkerPoolOptions = {},
  ) {
    this.size = options.size ?? defaultPoolSize();
  }

  run(req: Req, timeoutMs: number): Promise<Res> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, req, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Pending<Res>;
      slot.job = job;
      slot.timer = setTimeout(() => this.fail(slot as Slot<Res>, new JobTimeoutError(job.timeoutMs)), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, req: job.req });
    }
  }

  private spawn(): Slot<Res> {
    const worker = new Worker(this.script, {
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    const slot: Slot<Res> = { worker, job: null, timer: null };
    worker.on('message', (msg: Reply) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      this.release(slot);
      if (msg.ok) job.resolve(msg.value as Res);
      else job.reject(new Error(msg.error ?? 'worker failed'));
      this.dispatch();
    });
    worker.on('error', (err) => this.fail(slot, new WorkerCrashError(describeCrash(err))));
    worker.on('exit', (code) => {
      if (slot.job) this.fail(slot, new WorkerCrashError(`worker stopped unexpectedly (exit code ${code})`));
      else this.remove(slot);
    });
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot<Res>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Fail the slot's job, throw the worker away, and carry on with a fresh one. */
  private fail(slot: Slot<Res>, error: Error): void {
    const job = slot.job;
    this.release(slot);
    this.remove(slot);
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot<Res>): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

function describeCrash(err: Error): string {
  if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'ran out of memory while reading the file';
  return `the reader crashed: ${err.message}`;
}
