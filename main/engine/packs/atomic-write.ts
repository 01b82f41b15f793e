// Write a file so that readers see the old content or the new, never half of it: write a
// temporary file in the same folder (same volume, so rename is atomic), then rename over.

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary name next to `file`, hidden and unique per call. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Run `write(tmp)` and rename the result to `file`; the temporary file is removed on failure. */
export async function replaceAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(file);
  try {
    await write(tmp);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomically(file, (tmp) => writeFile(tmp, data, { flag: 'wx' }));
}
