// Word accuracy of OCR text against a hand transcription: the words of the transcription found
// in the OCR text in the same order (longest common subsequence), over the transcription's words.
// Words are compared in NFC, lower case, without the punctuation around them; line breaks and
// spacing do not count.
import fs from 'node:fs';
import path from 'node:path';

export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Words of `truth` read right in `ocr`, in order; and how many `truth` has. */
export function wordAccuracy(truth: string, ocr: string): { right: number; total: number; rate: number } {
  const a = words(truth);
  const b = words(ocr);
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    [prev, cur] = [cur, prev];
  }
  const right = prev[b.length] as number;
  return { right, total: a.length, rate: a.length ? right / a.length : 1 };
}

export interface Transcription {
  /** corpus-relative PDF ("real/kg-2082-SYT-NVY.pdf") and 1-based page. */
  file: string;
  page: number;
  text: string;
}

/**
 * test/fixtures/ocr-truth/*.txt: a header of `# key: value` lines (file, page, note), then the
 * page's text as printed.
 */
export function readTranscriptions(dir: string): Transcription[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
      const meta: Record<string, string> = {};
      while (lines[0]?.startsWith('#')) {
        const m = /^#\s*(\w+):\s*(.*)$/.exec(lines.shift() as string);
        if (m) meta[m[1] as string] = (m[2] as string).trim();
      }
      if (!meta['file'] || !meta['page']) throw new Error(`${f}: the header must name the file and the page (# file: …, # page: …)`);
      return { file: meta['file'], page: Number(meta['page']), text: lines.join('\n') };
    });
}
