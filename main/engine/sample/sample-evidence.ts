// "Try the sample": realistic Vietnamese evidence laid out the way offices file it, one folder per
// criterion ("1.3 Tuyên truyền CCHC") plus a few unfiled documents, so a new user sees every
// screen filled without touching real files. Written only into a folder the app owns.
import fs from 'node:fs';
import path from 'node:path';
import { leafCriteria, type CriteriaPack } from '../../../shared/pack.js';
import { generateDocument } from './generate-pdfs.js';

export interface SampleEvidence {
  dir: string;
  files: string[];
}

/** File-system safe, short folder label from a criterion title. */
function folderLabel(code: string, title: string): string {
  const words = title
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ');
  return `${code} ${words}`.trim().replace(/[. ]+$/, '');
}

/**
 * Writes `count` PDFs under `dir`: most in criterion folders (one to three per criterion, in
 * pack order), the rest in "Chưa phân loại" so the unassigned filter has something to show.
 */
export async function writeSampleEvidence(dir: string, pack: CriteriaPack, count = 30, onProgress?: (done: number, total: number) => void): Promise<SampleEvidence> {
  fs.mkdirSync(dir, { recursive: true });
  const leaves = leafCriteria(pack);
  const files: string[] = [];
  const unfiled = Math.max(1, Math.round(count / 10));
  for (let i = 0; i < count; i++) {
    const leaf = i < count - unfiled && leaves.length > 0 ? leaves[Math.floor(i / 2) % leaves.length] : undefined;
    const folder = leaf ? folderLabel(leaf.code, leaf.title) : 'Chưa phân loại';
    const { bytes, meta } = await generateDocument(1000 + i, 1 + (i % 3));
    const name = `${meta.type} ${meta.number.replace(/[/\\]/g, '-')}.pdf`;
    const rel = path.join(folder, name);
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), bytes);
    files.push(rel);
    onProgress?.(i + 1, count);
  }
  return { dir, files };
}
