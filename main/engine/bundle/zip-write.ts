// Streams the bundle with yazl into a temporary file beside the destination and renames it into
// place only when complete. One entry is in flight at a time, with stream backpressure all the
// way to the disk, so memory stays flat whatever the bundle size. Any failure (cancel, a vanished
// or changed source, a full disk) removes the temporary file: the destination is either the old
// file, absent, or the complete new bundle.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { UserError } from '../errors.js';

// yazl computes CRC-32 with buffer-crc32, a byte-at-a-time JavaScript loop (~150 MB/s here),
// which alone made exporting 1 GB take longer than `zip`. Node's zlib.crc32 (native, ~1.7 GB/s)
// computes the same function; yazl looks `unsigned` up on its own copy of the module at every
// call, so replacing that one property switches it to native. The zip tests (unzip -t, 7z t,
// Python zipfile and verify all check every CRC) would catch any difference.
{
  const yazlRequire = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const crcModule = yazlRequire('buffer-crc32') as { unsigned: (buf: Buffer, previous?: number) => number };
  crcModule.unsigned = (buf, previous) => zlib.crc32(buf, typeof previous === 'number' ? previous : 0);
}

export class ExportCancelledError extends UserError {
  constructor() {
    super('export cancelled; nothing was written.');
    this.name = 'ExportCancelledError';
  }
}

export interface WrittenEntry {
  path: string;
  sha256: string;
  size: number;
}

/** Hashes what passes through and counts it. */
class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

function diskMessage(e: NodeJS.ErrnoException, out: string): string {
  if (e.code === 'ENOSPC') return `not enough disk space to write ${out}; free some space or choose another folder. Nothing was written.`;
  if (e.code === 'EDQUOT') return `disk quota exceeded while writing ${out}. Nothing was written.`;
  return `could not write ${out}: ${e.message}. Nothing was written.`;
}

export class BundleZipWriter {
  private readonly zip = new yazl.ZipFile();
  private failure: Error | null = null;
  private rejectFailed: (e: Error) => void = () => undefined;
  /** Settles (rejects) on the first failure; every wait races against it. */
  private readonly failed: Promise<never>;
  private readonly entries: WrittenEntry[] = [];
  private bytesWritten = 0;
  private readonly onAbort = (): void => this.fail(new ExportCancelledError());

  private constructor(
    readonly out: string,
    readonly tmp: string,
    private readonly sink: fs.WriteStream,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.rejectFailed = reject;
    });
    // Nobody may be waiting at the moment of failure; the rejection is observed by the next wait.
    this.failed.catch(() => undefined);
    sink.on('error', (e: NodeJS.ErrnoException) => this.fail(new UserError(diskMessage(e, out))));
    this.zip.on('error', (e: Error) => this.fail(e));
    this.zip.outputStream.on('data', (chunk: Buffer) => (this.bytesWritten += chunk.length));
    this.zip.outputStream.pipe(sink);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  static async open(out: string, signal?: AbortSignal): Promise<BundleZipWriter> {
    if (signal?.aborted) throw new ExportCancelledError();
    const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
    const sink = fs.createWriteStream(tmp, { flags: 'wx' });
    try {
      await new Promise<void>((resolve, reject) => {
        sink.once('open', () => resolve());
        sink.once('error', reject);
      });
    } catch (e) {
      throw new UserError(diskMessage(e as NodeJS.ErrnoException, out));
    }
    return new BundleZipWriter(out, tmp, sink, signal);
  }

  get written(): readonly WrittenEntry[] {
    return this.entries;
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.rejectFailed(e);
  }

  private async guard<T>(p: Promise<T>): Promise<T> {
    if (this.failure) throw this.failure;
    return Promise.race([p, this.failed]);
  }

  /** Generated content (reports, merged PDFs, manifest): deflated when `compress`. */
  async addBuffer(data: Buffer, entryPath: string, options: { compress: boolean; mtime: Date }): Promise<WrittenEntry> {
    if (this.failure) throw this.failure;
    // Fed as a stream and awaited like a file, so a large merged PDF is released once written.
    const hasher = new HashingStream({ highWaterMark: 1 << 20 });
    const done = new Promise<void>((resolve) => hasher.on('end', resolve));
    this.zip.addReadStream(hasher, entryPath, { compress: options.compress, size: data.length, mtime: options.mtime });
    hasher.end(data);
    await this.guard(done);
    const entry = { path: entryPath, sha256: hasher.digest(), size: hasher.bytes };
    this.entries.push(entry);
    return entry;
  }

  /**
   * A file copied byte for byte (stored, never recompressed), hashed on the way. `expect` is what
   * the index recorded; a different size or hash means the file changed since the last scan.
   * Resolves once the file is queued (opened and handed to yazl); `done` settles when its bytes
   * have passed through, so callers can keep a few files in flight and hide per-file latency.
   */
  async queueFile(source: string, entryPath: string, expect: { sha256: string; size: number } | null, mtime: Date): Promise<{ done: Promise<WrittenEntry> }> {
    if (this.failure) throw this.failure;
    let fh: fs.promises.FileHandle;
    try {
      fh = await fs.promises.open(source, 'r');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') throw new UserError(`evidence file vanished during export: ${source}. Run kiemchung scan again, then export. Nothing was written.`);
      throw new UserError(`cannot read evidence file ${source}: ${err.message}. Nothing was written.`);
    }
    const size = (await fh.stat()).size;
    if (expect && size !== expect.size) {
      await fh.close();
      throw new UserError(`evidence file changed since the last scan: ${source} (${expect.size} bytes then, ${size} now). Run kiemchung scan again, then export. Nothing was written.`);
    }
    const input = fh.createReadStream({ highWaterMark: 1 << 20 });
    const hasher = new HashingStream({ highWaterMark: 1 << 20 });
    const passed = new Promise<void>((resolve, reject) => {
      input.on('error', (e) => reject(new UserError(`cannot read evidence file ${source}: ${e.message}. Nothing was written.`)));
      hasher.on('end', resolve);
    });
    input.pipe(hasher);
    const slot = this.entries.length;
    this.entries.push({ path: entryPath, sha256: '', size: 0 });
    this.zip.addReadStream(hasher, entryPath, { compress: false, size, mtime });
    const done = (async (): Promise<WrittenEntry> => {
      try {
        await this.guard(passed);
      } catch (e) {
        input.destroy();
        this.fail(e as Error);
        throw e;
      }
      const sha256 = hasher.digest();
      if (expect && sha256 !== expect.sha256) {
        const e = new UserError(`evidence file changed since the last scan: ${source} (its content differs). Run kiemchung scan again, then export. Nothing was written.`);
        this.fail(e);
        throw e;
      }
      const entry = { path: entryPath, sha256, size: hasher.bytes };
      this.entries[slot] = entry;
      return entry;
    })();
    done.catch(() => undefined); // the caller awaits it; a failure also reaches every later wait
    return { done };
  }

  /** One file, waiting until it is written (see queueFile). */
  async addFile(source: string, entryPath: string, expect: { sha256: string; size: number } | null, mtime: Date): Promise<WrittenEntry> {
    return (await this.queueFile(source, entryPath, expect, mtime)).done;
  }

  /** Finishes the zip, flushes it to disk and renames it over `out`. */
  async finish(): Promise<number> {
    if (this.failure) throw this.failure;
    // The stream closes its descriptor after the last write; 'close' means every byte is handed
    // to the OS. fsync through a second descriptor so a power cut cannot leave a torn bundle.
    const closed = new Promise<void>((resolve) => this.sink.once('close', resolve));
    this.zip.end();
    await this.guard(closed);
    try {
      const fh = await fs.promises.open(this.tmp, 'r+');
      try {
        await this.guard(fh.sync());
      } finally {
        await fh.close();
      }
      if (this.signal?.aborted) throw new ExportCancelledError();
      await fs.promises.rename(this.tmp, this.out);
    } catch (e) {
      await this.abort();
      throw e instanceof UserError ? e : new UserError(diskMessage(e as NodeJS.ErrnoException, this.out));
    }
    this.signal?.removeEventListener('abort', this.onAbort);
    return this.bytesWritten;
  }

  /** Drops everything: the temporary file is removed, the destination is untouched. */
  async abort(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.zip.outputStream.unpipe(this.sink);
    this.sink.destroy();
    await new Promise<void>((resolve) => (this.sink.closed ? resolve() : this.sink.once('close', () => resolve())));
    await fs.promises.rm(this.tmp, { force: true });
  }
}
