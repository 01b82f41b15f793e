// Generates realistic multi-page Vietnamese official documents with pdf-lib + Be Vietnam Pro:
// issuer block, national motto, "Số: 78/KH-SYT", place and date, type heading, trích yếu, body.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
// One loader for Be Vietnam Pro: read and parsed once per process, word shaping cached.
import { cachingFontkit, fontBytes } from '../bundle/pdf-fonts.js';
import { ISSUERS, SENTENCES, TYPES, pick, rng } from './sample-text.js';

export interface GeneratedDoc {
  file: string;
  number: string;
  type: string;
  date: string;
  place: string;
}

function centered(page: PDFPage, text: string, font: PDFFont, size: number, cx: number, y: number): void {
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font });
}

const wrapped = new Map<string, string[]>();

/** Line breaks depend only on the text (one font, one size): computed once per sentence. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const cached = wrapped.get(text);
  if (cached) return cached;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  wrapped.set(text, lines);
  return lines;
}

export async function generateDocument(seed: number, pages: number): Promise<{ bytes: Uint8Array; meta: Omit<GeneratedDoc, 'file'> }> {
  const r = rng(seed);
  const issuer = pick(ISSUERS, r);
  const type = pick(TYPES, r);
  const year = 2022 + Math.floor(r() * 3);
  const day = 1 + Math.floor(r() * 28);
  const month = 1 + Math.floor(r() * 12);
  const no = 1 + Math.floor(r() * 3000);
  const number = type.code === 'CV' ? `${no}/${issuer.code}-VP` : `${no}/${type.code}-${issuer.code}`;

  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(fontBytes('400Regular'), { subset: true });
  const bold = await doc.embedFont(fontBytes('700Bold'), { subset: true });
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 790;
    if (p === 0) {
      if (issuer.parent) centered(page, issuer.parent, regular, 12, 150, y);
      centered(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 12, 400, y);
      y -= 16;
      centered(page, issuer.name, bold, 12, 150, y);
      centered(page, 'Độc lập - Tự do - Hạnh phúc', bold, 13, 400, y);
      y -= 30;
      centered(page, `Số: ${number}`, regular, 13, 150, y);
      page.drawText(`${issuer.place}, ngày ${String(day).padStart(2, '0')} tháng ${month} năm ${year}`, { x: 300, y, size: 13, font: regular });
      if (type.heading) {
        y -= 40;
        centered(page, type.heading, bold, 14, 297, y);
        y -= 18;
        centered(page, `${type.subject} ${year}`, bold, 13, 297, y);
      } else {
        // Công văn: the subject (V/v …) sits under the number, in the left column.
        for (const line of wrap(`${type.subject} ${year}`, regular, 11, 230)) {
          y -= 14;
          centered(page, line, regular, 11, 150, y);
        }
      }
      y -= 40;
    }
    while (y > 80) {
      for (const line of wrap(pick(SENTENCES, r), regular, 13, 475)) {
        page.drawText(line, { x: 60, y, size: 13, font: regular });
        y -= 19;
      }
    }
  }
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { bytes: await doc.save(), meta: { number, type: type.code, date, place: issuer.place } };
}

/** Writes `count` documents into `dir` (skipped when a complete set is already there). */
export async function generateCorpus(dir: string, count: number, pages: number, onProgress?: (n: number) => void): Promise<GeneratedDoc[]> {
  const manifest = path.join(dir, 'generated.json');
  if (fs.existsSync(manifest)) {
    const docs = JSON.parse(fs.readFileSync(manifest, 'utf8')) as GeneratedDoc[];
    if (docs.length === count) return docs;
  }
  fs.mkdirSync(dir, { recursive: true });
  const docs: GeneratedDoc[] = [];
  for (let i = 0; i < count; i++) {
    const { bytes, meta } = await generateDocument(i + 1, pages);
    const file = `${String(Math.floor(i / 100)).padStart(2, '0')}/TLKC ${String(i).padStart(5, '0')}.pdf`;
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
    docs.push({ file, ...meta });
    onProgress?.(i + 1);
  }
  fs.writeFileSync(manifest, JSON.stringify(docs));
  return docs;
}
