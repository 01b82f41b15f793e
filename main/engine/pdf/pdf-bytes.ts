// Byte-level probes that need no PDF parser: what the file really is, and how many digital
// signatures it carries.

export type SniffedFormat = 'pdf' | 'a ZIP archive (a Word/Excel file renamed to .pdf?)' | 'an image' | 'an old Word/Excel file' | 'not a recognised format';

/** PDF readers accept "%PDF-" anywhere in the first kilobyte; so do we. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK')) return 'a ZIP archive (a Word/Excel file renamed to .pdf?)';
  if (head.startsWith('\xff\xd8\xff') || head.startsWith('\x89PNG') || head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'an image';
  if (head.startsWith('\xd0\xcf\x11\xe0')) return 'an old Word/Excel file';
  return 'not a recognised format';
}

/**
 * Number of digital signatures: signature dictionaries carry a /ByteRange array naming the
 * signed bytes. Incremental saves may repeat an unchanged signature dictionary, so identical
 * ranges count once.
 */
export function countSignatures(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const ranges = new Set<string>();
  const re = /\/ByteRange\s*\[\s*([0-9\s]+?)\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const key = (m[1] ?? '').trim().split(/\s+/).join(' ');
    // A placeholder range (all zeros) is an unsigned field prepared for signing.
    if (!/^[0\s]+$/.test(key)) ranges.add(key);
  }
  return ranges.size;
}
