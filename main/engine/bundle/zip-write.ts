// Writes the bundle zip into a temporary file beside the destination and renames it into place
// only when complete. Any failure (cancel, a vanished or changed source, a full disk) removes the
// temporary file: the destination is either the old file, absent, or the complete new bundle.
//
// Why not yazl (used before): its chain of transform streams in 64 KB chunks, a JS CRC and a
// hashing stream cost ~3× `zip -0` on 1 GB. Here each original is read with positional reads
// into a few fixed 2 MiB buffers, SHA-256 and CRC-32 (native zlib.crc32) are computed over the
// same buffer, and the buffer is written with a positional write at an offset reserved in entry
// order. The first chunk of the next files is read ahead while the current one is hashed and
// written, so reads, hashing and writes overlap. Memory is the fixed buffers plus one small
// central-directory record per entry, whatever the bundle size.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { UserError } from '../errors.js';
import { hideOnWindows, partialPathFor, releasePartial, removeStalePartials } from './partial-files.js';
import { centralHeader, type CentralRecord, dosDateTime, endRecords, LOCAL_CRC_OFFSET, localHeader, type Method } from './zip-format.js';

const deflateRaw = promisify(zlib.deflateRaw);

/** Read/write unit: large enough that syscalls and async round trips are a small cost. */
const CHUNK = 2 << 20;
/** Files whose first chunk may be read ahead (each holds one CHUNK buffer). */
const READ_AHEAD = 6;

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

function diskMessage(e: NodeJS.ErrnoException, out: string): string {
  if (e.code === 'ENOSPC') return `not enough disk space to write ${out}; free some space or choose another folder. Nothing was written.`;
  if (e.code === 'EDQUOT') return `disk quota exceeded while writing ${out}. Nothing was written.`;
  return `could not write ${out}: ${e.message}. Nothing was written.`;
}

/** A fixed set of buffers; acquire waits for a free one, and fails once the writer has failed. */
class BufferPool {
  private readonly free: Buffer[] = [];
  private readonly waiters: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;
  constructor(count: number, size: number) {
    for (let i = 0; i < count; i++) this.free.push(Buffer.allocUnsafeSlow(size));
  }
  acquire(): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const b = this.free.pop();
    if (b) return Promise.resolve(b);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
  release(b: Buffer): void {
    const w = this.waiters.shift();
    if (w) w.resolve(b);
    else this.free.push(b);
  }
  failAll(e: Error): void {
    this.failure = e;
    for (const w of this.waiters.splice(0)) w.reject(e);
  }
}

/** Reads up to `length` bytes at `position`, fewer only at the end of the file. */
async function readFull(fh: fs.promises.FileHandle, buf: Buffer, length: number, position: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

export class BundleZipWriter {
  private failure: Error | null = null;
  private readonly entries: WrittenEntry[] = [];
  private readonly central: CentralRecord[] = [];
  /** Next free byte of the zip: entries reserve their range here, in order. */
  private pos = 0;
  /** Entries run one after another in this chain (their writes may still be in flight). */
  private chain: Promise<void> = Promise.resolve();
  private readonly writes = new Set<Promise<void>>();
  private readonly readAhead = new BufferPool(READ_AHEAD, CHUNK);
  /** Two buffers for the rest of a file larger than one chunk (only the head of the chain uses them). */
  private readonly streamBuffers = [Buffer.allocUnsafeSlow(CHUNK), Buffer.allocUnsafeSlow(CHUNK)];
  private readonly onAbort = (): void => this.fail(new ExportCancelledError());
  private closed = false;

  private constructor(
    readonly out: string,
    readonly tmp: string,
    private readonly fh: fs.promises.FileHandle,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  static async open(out: string, signal?: AbortSignal): Promise<BundleZipWriter> {
    if (signal?.aborted) throw new ExportCancelledError();
    removeStalePartials(path.dirname(out));
    const tmp = partialPathFor(out);
    let fh: fs.promises.FileHandle;
    try {
      fh = await fs.promises.open(tmp, 'wx');
    } catch (e) {
      releasePartial(tmp);
      throw new UserError(diskMessage(e as NodeJS.ErrnoException, out));
    }
    hideOnWindows(tmp);
    return new BundleZipWriter(out, tmp, fh, signal);
  }

  get written(): readonly WrittenEntry[] {
    return this.entries;
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.readAhead.failAll(e);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Runs `job` after every entry queued before it (even after a failure, so it can clean up); a failure fails the writer. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job);
    run.catch((e: unknown) => this.fail(e as Error));
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Writes `parts` at `position` without waiting; finish() and abort() wait for it. */
  private write(parts: Buffer[], position: number): Promise<void> {
    const p = (async (): Promise<void> => {
      try {
        let at = position;
        let { bytesWritten } = await this.fh.writev(parts, at);
        // Short writes are rare on regular files; finish the rest piece by piece.
        for (const part of parts) {
          if (bytesWritten >= part.length) {
            bytesWritten -= part.length;
            at += part.length;
            continue;
          }
          let off = bytesWritten;
          bytesWritten = 0;
          at += off;
          while (off < part.length) {
            const r = await this.fh.write(part, off, part.length - off, at);
            off += r.bytesWritten;
            at += r.bytesWritten;
          }
        }
      } catch (e) {
        const err = new UserError(diskMessage(e as NodeJS.ErrnoException, this.out));
        this.fail(err);
        throw err;
      }
    })();
    this.writes.add(p);
    p.then(
      () => this.writes.delete(p),
      () => this.writes.delete(p),
    );
    return p;
  }

  private record(name: Buffer, method: Method, size: number, compressedSize: number, mtime: Date): { rec: CentralRecord; header: Buffer } {
    const rec: CentralRecord = { name, method, crc32: 0, compressedSize, size, offset: this.pos, ...dosDateTime(mtime) };
    const header = localHeader(rec);
    this.pos += header.length + compressedSize;
    this.central.push(rec);
    return { rec, header };
  }

  /** Generated content (reports, merged PDFs, manifest): deflated when `compress`. */
  async addBuffer(data: Buffer, entryPath: string, options: { compress: boolean; mtime: Date }): Promise<WrittenEntry> {
    this.check();
    const slot = this.entries.push({ path: entryPath, sha256: '', size: 0 }) - 1;
    return this.enqueue(async () => {
      this.check();
      const sha256 = createHash('sha256').update(data).digest('hex');
      const crc = zlib.crc32(data);
      const payload = options.compress ? await deflateRaw(data) : data;
      this.check();
      const { rec, header } = this.record(Buffer.from(entryPath, 'utf8'), options.compress ? 8 : 0, data.length, payload.length, options.mtime);
      rec.crc32 = crc;
      header.writeUInt32LE(crc >>> 0, LOCAL_CRC_OFFSET);
      // Awaited so the caller may drop a large buffer (a merged PDF) once this resolves.
      await this.write([header, payload], rec.offset);
      const entry = { path: entryPath, sha256, size: data.length };
      this.entries[slot] = entry;
      return entry;
    });
  }

  /**
   * A file copied byte for byte (stored, never recompressed), hashed on the way. `expect` is what
   * the index recorded; a different size or hash means the file changed since the last scan.
   * Exactly the `size` bytes seen at open are stored. Resolves once the file is open and its first
   * chunk is being read; `done` settles when its bytes are written, so callers keep a few files
   * in flight and hide per-file latency.
   */
  async queueFile(source: string, entryPath: string, expect: { sha256: string; size: number } | null, mtime: Date): Promise<{ done: Promise<WrittenEntry> }> {
    this.check();
    let src: fs.promises.FileHandle;
    try {
      src = await fs.promises.open(source, 'r');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') throw new UserError(`evidence file vanished during export: ${source}. Run kiemchung scan again, then export. Nothing was written.`);
      throw new UserError(`cannot read evidence file ${source}: ${err.message}. Nothing was written.`);
    }
    let first: Buffer;
    let size: number;
    try {
      size = (await src.stat()).size;
      if (expect && size !== expect.size) {
        throw new UserError(`evidence file changed since the last scan: ${source} (${expect.size} bytes then, ${size} now). Run kiemchung scan again, then export. Nothing was written.`);
      }
      first = await this.readAhead.acquire();
    } catch (e) {
      await src.close();
      throw e;
    }
    const readError = (e: Error): UserError => new UserError(`cannot read evidence file ${source}: ${e.message}. Nothing was written.`);
    const changed = (): UserError => new UserError(`evidence file changed since the last scan: ${source} (its content differs). Run kiemchung scan again, then export. Nothing was written.`);
    const firstRead = readFull(src, first, Math.min(size, CHUNK), 0);
    firstRead.catch(() => undefined); // awaited in the job below
    const slot = this.entries.push({ path: entryPath, sha256: '', size: 0 }) - 1;
    const done = this.enqueue(async () => {
      let released = false;
      const release = (): void => {
        if (!released) this.readAhead.release(first);
        released = true;
      };
      try {
        this.check();
        const n0 = await firstRead.catch((e: Error) => {
          throw readError(e);
        });
        if (n0 !== Math.min(size, CHUNK)) throw changed();
        const hash = createHash('sha256');
        const head = first.subarray(0, n0);
        hash.update(head);
        let crc = zlib.crc32(head);
        const { rec, header } = this.record(Buffer.from(entryPath, 'utf8'), 0, size, size, mtime);
        const dataAt = rec.offset + header.length;
        if (n0 === size) {
          // The whole file is in one buffer: check it, then write header and data in one call
          // and let the next entry proceed while the write is in flight.
          const sha256 = hash.digest('hex');
          if (expect && sha256 !== expect.sha256) throw changed();
          rec.crc32 = crc;
          header.writeUInt32LE(crc >>> 0, LOCAL_CRC_OFFSET);
          const w = this.write([header, head], rec.offset);
          released = true;
          await w.finally(() => this.readAhead.release(first));
          return (this.entries[slot] = { path: entryPath, sha256, size });
        }
        // Larger files: stream the rest through two buffers (reading one while the other is
        // written), then patch the CRC into the local header.
        const pending: (Promise<void> | null)[] = [null, null];
        const w0 = this.write([header, head], rec.offset);
        let offset = n0;
        for (let k = 0; offset < size; k++) {
          this.check();
          const i = k % 2;
          await pending[i];
          const buf = this.streamBuffers[i] as Buffer;
          const n = await readFull(src, buf, Math.min(size - offset, CHUNK), offset).catch((e: Error) => {
            throw readError(e);
          });
          if (n === 0) throw changed();
          const chunk = buf.subarray(0, n);
          hash.update(chunk);
          crc = zlib.crc32(chunk, crc);
          pending[i] = this.write([chunk], dataAt + offset);
          offset += n;
        }
        await w0;
        release();
        await Promise.all(pending);
        const sha256 = hash.digest('hex');
        if (expect && sha256 !== expect.sha256) throw changed();
        rec.crc32 = crc;
        const crcBytes = Buffer.alloc(4);
        crcBytes.writeUInt32LE(crc >>> 0);
        await this.write([crcBytes], rec.offset + LOCAL_CRC_OFFSET);
        return (this.entries[slot] = { path: entryPath, sha256, size });
      } finally {
        if (!released) {
          await firstRead.catch(() => undefined);
          release();
        }
        await src.close();
      }
    });
    done.catch(() => undefined); // the caller awaits it; a failure also fails every later call
    return { done };
  }

  /** One file, waiting until it is written (see queueFile). */
  async addFile(source: string, entryPath: string, expect: { sha256: string; size: number } | null, mtime: Date): Promise<WrittenEntry> {
    return (await this.queueFile(source, entryPath, expect, mtime)).done;
  }

  private async drain(): Promise<void> {
    await this.chain;
    while (this.writes.size) await Promise.allSettled([...this.writes]);
  }

  /** Writes the central directory, flushes the file to disk and renames it over `out`. */
  async finish(): Promise<number> {
    try {
      await this.drain();
      this.check();
      const cdOffset = this.pos;
      // In slices of ~1 MiB so a 70,000-entry directory is never one large buffer.
      let slice: Buffer[] = [];
      let sliceBytes = 0;
      let at = cdOffset;
      for (const rec of this.central) {
        const h = centralHeader(rec);
        slice.push(h);
        sliceBytes += h.length;
        if (sliceBytes >= 1 << 20) {
          await this.write(slice, at);
          at += sliceBytes;
          slice = [];
          sliceBytes = 0;
        }
      }
      slice.push(endRecords(this.central.length, cdOffset, at + sliceBytes - cdOffset));
      const tail = slice.reduce((s, b) => s + b.length, 0);
      await this.write(slice, at);
      const bytes = at + tail;
      // fsync before the rename so a power cut cannot leave a torn bundle under the final name.
      await this.fh.sync();
      await this.fh.close();
      this.closed = true;
      if (this.signal?.aborted) throw new ExportCancelledError();
      this.check();
      await fs.promises.rename(this.tmp, this.out);
      releasePartial(this.tmp);
      this.signal?.removeEventListener('abort', this.onAbort);
      return bytes;
    } catch (e) {
      await this.abort();
      throw e instanceof UserError ? e : new UserError(diskMessage(e as NodeJS.ErrnoException, this.out));
    }
  }

  /** Drops everything: the temporary file is removed, the destination is untouched. */
  async abort(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.fail(new ExportCancelledError());
    await this.drain();
    if (!this.closed) {
      this.closed = true;
      await this.fh.close().catch(() => undefined);
    }
    await fs.promises.rm(this.tmp, { force: true });
    releasePartial(this.tmp);
  }
}
