// An independent zip reader for verify and --since: it shares no code with the writer (zip-write.ts, zip-format.ts).
// It parses the end-of-central-directory record (and its ZIP64 form), the central directory and
// each local header with plain Buffer reads, and inflates with node:zlib, streaming, so memory
// stays flat for any entry size. Offsets are JS numbers: exact up to 2^53 bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface CentralEntry {
  /** Decoded name (UTF-8 when flag bit 11 is set, else CP437 is not decoded: raw latin1). */
  name: string;
  rawName: Buffer;
  nameValidUtf8: boolean;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  externalAttributes: number;
  zip64: boolean;
}

export interface ZipDirectory {
  entries: CentralEntry[];
  zip64: boolean;
  fileSize: number;
  centralDirectoryOffset: number;
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a ZIP64 size or offset is beyond 2^53 bytes');
  return Number(v);
}

async function readAt(fh: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError(`unexpected end of file at byte ${position + done}`);
    done += bytesRead;
  }
  return buf;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readDirectory(fh: fs.promises.FileHandle): Promise<ZipDirectory> {
  const fileSize = (await fh.stat()).size;
  if (fileSize < 22) throw new ZipFormatError(`the file is ${fileSize} bytes long: too short to be a zip`);
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fh, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record: not a zip file, or it was cut short');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  let zip64 = false;
  const eocdPos = fileSize - tailLength + eocd;
  if (eocdPos >= 20) {
    const loc = await readAt(fh, eocdPos - 20, 20);
    if (loc.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
      zip64 = true;
      const recPos = u64(loc, 8);
      const rec = await readAt(fh, recPos, 56);
      if (rec.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('the ZIP64 end-of-central-directory locator points at no ZIP64 record');
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
  }
  if (!zip64 && (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)) {
    throw new ZipFormatError('the directory needs ZIP64 but the ZIP64 records are missing');
  }
  if (cdOffset + cdSize > fileSize) throw new ZipFormatError('the central directory lies beyond the end of the file');
  const entries: CentralEntry[] = [];
  // Read the central directory in slices so a 100,000-entry directory does not need one buffer.
  const SLICE = 1 << 20;
  let buf: Buffer = Buffer.alloc(0);
  let bufStart = cdOffset;
  let pos = cdOffset;
  const need = async (n: number): Promise<void> => {
    if (pos + n <= bufStart + buf.length) return;
    const len = Math.min(Math.max(n, SLICE), cdOffset + cdSize - pos);
    if (len < n) throw new ZipFormatError('the central directory is cut short');
    buf = await readAt(fh, pos, len);
    bufStart = pos;
  };
  for (let i = 0; i < count; i++) {
    await need(46);
    let at = pos - bufStart;
    if (buf.readUInt32LE(at) !== CENTRAL_SIG) throw new ZipFormatError(`central directory record ${i + 1} has a bad signature`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    await need(46 + nameLen + extraLen + commentLen);
    at = pos - bufStart;
    const flags = buf.readUInt16LE(at + 8);
    const rawName = Buffer.from(buf.subarray(at + 46, at + 46 + nameLen));
    let name: string;
    let nameValidUtf8 = true;
    try {
      name = utf8.decode(rawName);
    } catch {
      nameValidUtf8 = false;
      name = rawName.toString('latin1');
    }
    const entry: CentralEntry = {
      name,
      rawName,
      nameValidUtf8,
      flags,
      method: buf.readUInt16LE(at + 10),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
      externalAttributes: buf.readUInt32LE(at + 38),
      zip64: false,
    };
    // ZIP64 extended information: only the fields whose 32-bit value is all ones, in this order.
    let e = at + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        entry.zip64 = true;
        let f = e + 4;
        const take = (): number => {
          if (f + 8 > e + 4 + size) throw new ZipFormatError(`entry '${name}': ZIP64 extra field too short`);
          const v = u64(buf, f);
          f += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      }
      e += 4 + size;
    }
    entries.push(entry);
    pos += 46 + nameLen + extraLen + commentLen;
  }
  if (pos !== cdOffset + cdSize) throw new ZipFormatError(`the central directory holds ${pos - cdOffset} bytes of records but declares ${cdSize}`);
  checkNoOverlap(entries, cdOffset);
  return { entries, zip64, fileSize, centralDirectoryOffset: cdOffset };
}

/**
 * Each entry's local header and data must lie before the next entry's and before the central
 * directory. Overlapping entries are how a small zip makes its reader inflate the same bytes
 * thousands of times (a zip bomb); no writer of real bundles produces them.
 */
function checkNoOverlap(entries: CentralEntry[], cdOffset: number): void {
  const files = entries.filter((e) => !e.name.endsWith('/') || e.compressedSize > 0);
  const byOffset = [...files].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i] as CentralEntry;
    const minEnd = e.localHeaderOffset + 30 + e.rawName.length + e.compressedSize;
    const next = byOffset[i + 1];
    const limit = next ? next.localHeaderOffset : cdOffset;
    if (minEnd > limit) {
      throw new ZipFormatError(
        next
          ? `entries '${e.name}' and '${next.name}' overlap (bytes ${next.localHeaderOffset}–${minEnd}): a zip bomb or a damaged zip`
          : `entry '${e.name}' runs into the central directory: a zip bomb or a damaged zip`,
      );
    }
  }
}

/** Where the entry's data starts, after checking its local header agrees with the central one. */
export async function dataOffset(fh: fs.promises.FileHandle, entry: CentralEntry): Promise<number> {
  const h = await readAt(fh, entry.localHeaderOffset, 30);
  if (h.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError(`entry '${entry.name}': no local header at offset ${entry.localHeaderOffset}`);
  const nameLen = h.readUInt16LE(26);
  const extraLen = h.readUInt16LE(28);
  const localName = await readAt(fh, entry.localHeaderOffset + 30, nameLen);
  if (!localName.equals(entry.rawName)) throw new ZipFormatError(`entry '${entry.name}': the local header names '${localName.toString('utf8')}'`);
  if ((h.readUInt16LE(6) & 0x0800) !== (entry.flags & 0x0800)) throw new ZipFormatError(`entry '${entry.name}': local and central UTF-8 flags differ`);
  if (h.readUInt16LE(8) !== entry.method) throw new ZipFormatError(`entry '${entry.name}': local and central compression methods differ`);
  return entry.localHeaderOffset + 30 + nameLen + extraLen;
}

export interface EntryDigest {
  sha256: string;
  crc32: number;
  size: number;
}

/**
 * Deflated entries of a bundle are its text files (manifest, SHA256SUMS): none comes near this.
 * The cap is counted while inflating, never taken from the declared size, which a bomb lies about.
 */
export const MAX_INFLATED_BYTES = 512 << 20;

/**
 * Streams one entry's uncompressed bytes to `onChunk` (if given) and returns its hash, CRC and
 * size. Inflating stops, with an error, as soon as the output passes the entry's declared size or
 * `maxBytes`: the work is bounded by what the directory admits, not by what the data expands to.
 */
export async function digestEntry(fh: fs.promises.FileHandle, entry: CentralEntry, onChunk?: (b: Buffer) => void, maxBytes = MAX_INFLATED_BYTES): Promise<EntryDigest> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`entry '${entry.name}': compression method ${entry.method} is not stored or deflate`);
  if (entry.flags & 0x0001) throw new ZipFormatError(`entry '${entry.name}' is encrypted`);
  const start = await dataOffset(fh, entry);
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  if (entry.compressedSize === 0) {
    if (entry.method === 8) throw new ZipFormatError(`entry '${entry.name}': deflated data is empty`);
    return { sha256: hash.digest('hex'), crc32: 0, size: 0 };
  }
  // Reads through the FileHandle, not a ReadStream on its descriptor: destroying a ReadStream
  // closes the descriptor (whatever autoClose says), and the caller still needs it.
  const raw = Readable.from(readRange(fh, start, entry.compressedSize));
  const inflate = entry.method === 8 ? zlib.createInflateRaw() : null;
  const source: AsyncIterable<Buffer> = inflate ? raw.pipe(inflate) : raw;
  // Stored data is bounded by the file; inflated data by the declared size (one byte more is
  // enough to report the lie) and by maxBytes.
  const cap = inflate ? Math.min(maxBytes, entry.uncompressedSize + 1) : Infinity;
  try {
    for await (const chunk of source) {
      if (size + chunk.length > cap) {
        raw.destroy();
        inflate?.destroy();
        throw new ZipFormatError(
          cap > entry.uncompressedSize
            ? `entry '${entry.name}' inflates to more than the ${entry.uncompressedSize} bytes its directory declares: a zip bomb or a damaged zip`
            : `entry '${entry.name}' inflates to more than ${maxBytes} bytes (the limit for a bundle's text files)`,
        );
      }
      hash.update(chunk);
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      onChunk?.(chunk);
    }
  } catch (e) {
    raw.destroy();
    if (e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`entry '${entry.name}': ${(e as Error).message}`);
  }
  return { sha256: hash.digest('hex'), crc32: crc >>> 0, size };
}

/** The bytes [start, start + length) in 1 MiB reads. */
async function* readRange(fh: fs.promises.FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  const end = start + length;
  for (let pos = start; pos < end; ) {
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, end - pos));
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) throw new ZipFormatError(`unexpected end of file at byte ${pos}`);
    pos += bytesRead;
    yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
  }
}

/** The whole content of a (small) entry, e.g. manifest.json. */
export async function readEntry(fh: fs.promises.FileHandle, entry: CentralEntry, limit = 64 << 20): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new ZipFormatError(`entry '${entry.name}' is too large to read (${entry.uncompressedSize} bytes)`);
  const parts: Buffer[] = [];
  await digestEntry(fh, entry, (b) => parts.push(b), limit);
  return Buffer.concat(parts);
}
