// The text layer of a PDF as printed lines, each with its text pieces and their x positions, so a
// table can be rebuilt from where its cells sit (column x-bands) when the layout survived.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { nfc } from '../../../../shared/vietnamese.js';

export interface LinePiece {
  x: number;
  width: number;
  text: string;
}

export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page (grows downwards). */
  y: number;
  height: number;
  pieces: LinePiece[];
  text: string;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}


/** Pieces closer than this (in font heights) are one piece of text, not two cells. */
const JOIN_GAP = 0.6;

/**
 * Some plans were converted from HTML and print its tags ("<b>I</b>", "<ul style=…>", "<li>- …").
 * A tag can wrap across printed lines, so its halves at a line's ends go too.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?[a-z]+\b[^<>]*>/gi, ' ')
    .replace(/^[^<>]*?\bstyle="[^"]*">/i, ' ')
    .replace(/<[a-z]+\s*$/i, ' ')
    .replace(/^\s*[a-z-]+="[^"]*">/i, ' ');
}

export async function readPdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  const doc = await getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const lines: PdfLine[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) if ('str' in it && it.str.trim() !== '') items.push(it);
      // Same baseline (within a third of the font height) = same printed line.
      const rows: { y: number; height: number; items: Item[] }[] = [];
      for (const it of items) {
        const y = viewport.height - (it.transform[5] ?? 0);
        const h = Math.abs(it.height) || Math.abs(it.transform[3] ?? 10);
        const row = rows.find((r) => Math.abs(r.y - y) < Math.max(r.height, h) / 3);
        if (row) row.items.push(it);
        else rows.push({ y, height: h, items: [it] });
      }
      rows.sort((a, b) => a.y - b.y);
      for (const r of rows) {
        r.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
        const pieces: LinePiece[] = [];
        for (const it of r.items) {
          const x = it.transform[4] ?? 0;
          const last = pieces[pieces.length - 1];
          if (last && x - (last.x + last.width) < JOIN_GAP * r.height) {
            const gap = x - (last.x + last.width) > r.height * 0.15 ? ' ' : '';
            last.text = `${last.text}${gap}${it.str}`;
            last.width = x + it.width - last.x;
          } else {
            pieces.push({ x, width: it.width, text: it.str });
          }
        }
        for (const piece of pieces) piece.text = stripMarkup(nfc(piece.text)).replace(/\s+/g, ' ').trim();
        const kept = pieces.filter((piece) => piece.text !== '');
        if (kept.length === 0) continue;
        lines.push({ page: p, y: r.y, height: r.height, pieces: kept, text: kept.map((k) => k.text).join(' ') });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return lines;
}
