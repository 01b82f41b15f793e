// Child process entry for the bench: generate documents [start, end) of a corpus into DIR.
import fs from 'node:fs';
import path from 'node:path';
import { generateDocument } from './generate-pdfs.js';

const [dir, startText, endText, pagesText] = process.argv.slice(2);
if (!dir || !startText || !endText || !pagesText) {
  console.error('usage: generate-cli DIR START END PAGES');
  process.exit(2);
}
const out: Record<string, unknown>[] = [];
for (let i = Number(startText); i < Number(endText); i++) {
  const { bytes, meta } = await generateDocument(i + 1, Number(pagesText));
  const file = `${String(Math.floor(i / 100)).padStart(2, '0')}/TLKC ${String(i).padStart(5, '0')}.pdf`;
  fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), bytes);
  out.push({ file, ...meta });
}
process.stdout.write(JSON.stringify(out));
