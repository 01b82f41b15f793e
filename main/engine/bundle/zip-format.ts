// The byte layout of the zip records the bundle writer emits (APPNOTE 6.3.x): local headers,
// central directory headers and the end records, with ZIP64 fields exactly where a size, offset or
// count does not fit 16/32 bits. Every name is UTF-8 with flag bit 11 set. No data descriptors:
// sizes are known before an entry is written and the CRC is patched into its local header, so
// streaming readers see complete local headers too. verify.ts reads them back with zip-read.ts,
// which shares nothing with this file.

export const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_FLAG = 0x0800;
// Made by UNIX (3) so the external attributes carry a file mode; spec version 4.5 (ZIP64).
const VERSION_MADE_BY = (3 << 8) | 45;
const FILE_MODE = 0o100644;

export type Method = 0 | 8;

export interface CentralRecord {
  name: Buffer;
  method: Method;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
  unixTime: number;
}

/** MS-DOS date and time in local time, as zip tools show them; clamped to 1980..2107. */
export function dosDateTime(d: Date): { dosDate: number; dosTime: number; unixTime: number } {
  let year = d.getFullYear();
  let date = d;
  if (year < 1980) date = new Date(1980, 0, 1);
  if (year > 2107) date = new Date(2107, 11, 31, 23, 59, 58);
  year = date.getFullYear();
  const dosDate = ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  // The extended-timestamp field holds UTC seconds in 32 bits (unzip restores mtimes from it).
  const unixTime = Math.min(Math.max(Math.floor(d.getTime() / 1000), 0), MAX32);
  return { dosDate, dosTime, unixTime };
}

/** The "UT" extended timestamp extra field with the modification time only. */
function timestampExtra(unixTime: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(unixTime, 5);
  return b;
}

/**
 * The local header of an entry whose sizes are known. ZIP64 local headers carry both sizes in the
 * extra field (the spec requires both there). CRC-32 is at byte 14 of the header: the writer
 * fills it in before writing or patches it afterwards.
 */
export function localHeader(r: Omit<CentralRecord, 'offset'>): Buffer {
  const zip64 = r.size >= MAX32 || r.compressedSize >= MAX32;
  const extras = [timestampExtra(r.unixTime)];
  if (zip64) {
    const z = Buffer.alloc(20);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(16, 2);
    z.writeBigUInt64LE(BigInt(r.size), 4);
    z.writeBigUInt64LE(BigInt(r.compressedSize), 12);
    extras.unshift(z);
  }
  const extra = Buffer.concat(extras);
  const h = Buffer.alloc(30 + r.name.length + extra.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(UTF8_FLAG, 6);
  h.writeUInt16LE(r.method, 8);
  h.writeUInt16LE(r.dosTime, 10);
  h.writeUInt16LE(r.dosDate, 12);
  h.writeUInt32LE(r.crc32 >>> 0, 14);
  h.writeUInt32LE(zip64 ? MAX32 : r.compressedSize, 18);
  h.writeUInt32LE(zip64 ? MAX32 : r.size, 22);
  h.writeUInt16LE(r.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  r.name.copy(h, 30);
  extra.copy(h, 30 + r.name.length);
  return h;
}

export const LOCAL_CRC_OFFSET = 14;

export function centralHeader(r: CentralRecord): Buffer {
  // ZIP64 extended information: only the fields that overflow, in the order the spec gives.
  const big: number[] = [];
  if (r.size >= MAX32) big.push(r.size);
  if (r.compressedSize >= MAX32) big.push(r.compressedSize);
  if (r.offset >= MAX32) big.push(r.offset);
  const extras = [timestampExtra(r.unixTime)];
  if (big.length) {
    const z = Buffer.alloc(4 + 8 * big.length);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(8 * big.length, 2);
    big.forEach((v, i) => z.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
    extras.unshift(z);
  }
  const extra = Buffer.concat(extras);
  const h = Buffer.alloc(46 + r.name.length + extra.length);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(VERSION_MADE_BY, 4);
  h.writeUInt16LE(big.length ? 45 : 20, 6);
  h.writeUInt16LE(UTF8_FLAG, 8);
  h.writeUInt16LE(r.method, 10);
  h.writeUInt16LE(r.dosTime, 12);
  h.writeUInt16LE(r.dosDate, 14);
  h.writeUInt32LE(r.crc32 >>> 0, 16);
  h.writeUInt32LE(Math.min(r.compressedSize, MAX32), 20);
  h.writeUInt32LE(Math.min(r.size, MAX32), 24);
  h.writeUInt16LE(r.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32); // comment
  h.writeUInt16LE(0, 34); // disk
  h.writeUInt16LE(0, 36); // internal attributes
  h.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  h.writeUInt32LE(Math.min(r.offset, MAX32), 42);
  r.name.copy(h, 46);
  extra.copy(h, 46 + r.name.length);
  return h;
}

/** ZIP64 end record + locator when anything overflows, then the classic end record. */
export function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const parts: Buffer[] = [];
  const zip64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  if (zip64) {
    const recOffset = cdOffset + cdSize;
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4); // size of the rest of this record
    rec.writeUInt16LE(VERSION_MADE_BY, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeUInt32LE(0, 16); // this disk
    rec.writeUInt32LE(0, 20); // disk with the directory
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeUInt32LE(0, 4);
    loc.writeBigUInt64LE(BigInt(recOffset), 8);
    loc.writeUInt32LE(1, 16); // total disks
    parts.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
  end.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
  parts.push(end);
  return Buffer.concat(parts);
}
