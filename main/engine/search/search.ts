// Full-text search, diacritic-insensitive (đ folded to d): FTS5 matches folded copies of the
// file name, number, title and body; the snippet is cut from the original text at the same
// offsets, so the user sees the words with their diacritics.
import type { SearchHit } from '../../../shared/types.js';
import { foldDiacritics, foldPreservingOffsets, nfc } from '../../../shared/vietnamese.js';
import type { Workspace } from '../workspace/workspace.js';

const SNIPPET_RADIUS = 80;

/** Words of the query, folded, as FTS5 string literals (no operator injection). */
export function toFtsQuery(query: string): string | null {
  const words = foldDiacritics(nfc(query))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' ');
}

export function search(ws: Workspace, query: string, limit = 50): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const rows = ws.reader.search.match(fts, limit);
  const terms = fts.split(' ').map((t) => t.slice(1, -1));
  return rows.map((r) => ({
    id: r.id,
    relPath: nfc(r.rel_path),
    snippet: snippet(r.full_text, terms) ?? snippet(r.title ?? '', terms) ?? nfc(r.rel_path),
    // bm25 is lower-is-better and negative; expose a positive, higher-is-better score.
    score: Number((-r.rank).toPrecision(6)),
  }));
}

/** A window of the original text around the first place where the most query terms meet. */
export function snippet(text: string, terms: readonly string[]): string | null {
  const original = nfc(text);
  const folded = foldPreservingOffsets(original).toLowerCase();
  let best = -1;
  let bestHits = 0;
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      const window = folded.slice(Math.max(0, at - SNIPPET_RADIUS), at + SNIPPET_RADIUS);
      const hits = terms.filter((t) => window.includes(t)).length;
      if (hits > bestHits) {
        best = at;
        bestHits = hits;
      }
      if (bestHits === terms.length) break;
      at = folded.indexOf(term, at + term.length);
    }
    if (bestHits === terms.length) break;
  }
  if (best < 0) return null;
  const start = Math.max(0, best - SNIPPET_RADIUS);
  const end = Math.min(original.length, best + SNIPPET_RADIUS);
  const body = original.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < original.length ? '…' : ''}`;
}
