// Builds zips byte by byte for hostile-input tests: entries whose central directory may lie about
// sizes, or point many names at the same local data (the overlapping-entry bomb). Nothing here is
// used by the product; the product's writer is main/engine/bundle/zip-write.ts.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface CraftEntry {
  name: string;
  /** Bytes as stored in the zip (already deflated when method is 8). */
  data: Buffer;
  method: 0 | 8;
  crc32: number;
  /** What the directory declares; a bomb lies here. */
  declaredSize: number;
}

export function storedEntry(name: string, content: Buffer): CraftEntry {
  return { name, data: content, method: 0, crc32: zlib.crc32(content) >>> 0, declaredSize: content.length };
}

/** Deflates `size` zero bytes streamed in 1 MiB steps (the test never holds the inflated content). */
export async function deflatedZeros(name: string, size: number, declaredSize = size): Promise<CraftEntry> {
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  function* zeros(): Generator<Buffer> {
    for (let done = 0; done < size; done += chunk.length) {
      const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
      crc = zlib.crc32(piece, crc);
      yield piece;
    }
  }
  const parts: Buffer[] = [];
  const deflate = zlib.createDeflateRaw({ level: 9 });
  deflate.on('data', (b: Buffer) => parts.push(b));
  await pipeline(Readable.from(zeros()), deflate);
  return { name, data: Buffer.concat(parts), method: 8, crc32: crc >>> 0, declaredSize };
}

function localHeader(e: CraftEntry, name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc32, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralRecord(e: CraftEntry, name: Buffer, offset: number): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(0x0800, 8);
  c.writeUInt16LE(e.method, 10);
  c.writeUInt32LE(e.crc32, 16);
  c.writeUInt32LE(e.data.length, 20);
  c.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 24);
  c.writeUInt16LE(name.length, 28);
  c.writeUInt32LE(offset, 42);
  return Buffer.concat([c, name]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return end;
}

/** A plain zip of the given entries (sizes in the directory as the entries declare them). */
export function craftZip(entries: CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.concat([localHeader(e, name), e.data]);
    centrals.push(centralRecord(e, name, offset));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  return Buffer.concat([...locals, cd, endRecord(entries.length, cd.length, offset)]);
}

/**
 * One local entry and `copies` central records that all point at it under different names: a
 * reader that trusts the directory inflates the same bytes `copies` times.
 */
export function overlappingBomb(entry: CraftEntry, copies: number): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const local = Buffer.concat([localHeader(entry, name), entry.data]);
  // Every record names the local header's name, so a reader checking names still follows them all.
  const centrals = Array.from({ length: copies }, () => centralRecord(entry, name, 0));
  const cd = Buffer.concat(centrals);
  return Buffer.concat([local, cd, endRecord(Math.min(copies, 0xffff), cd.length, local.length)]);
}
