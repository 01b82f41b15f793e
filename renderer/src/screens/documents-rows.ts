// The documents table's rows: text filter (diacritics optional), sort by column (Vietnamese
// collation, dates chronologically), and the review status shown per row. Filter membership
// (facets) comes from the engine; nothing here decides what a document is.
import type { DocumentFacet, DocumentJson, ReviewStatus } from '../../../shared/types.js';
import { foldForMatch, vietnameseCollator } from '../../../shared/vietnamese.js';

export type SortKey = 'file' | 'office' | 'number' | 'type' | 'date' | 'title' | 'criteria' | 'review';
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

/** The office of the document's evidence folder, else the folder's own name. */
export function officeLabel(d: DocumentJson): string {
  return d.office ?? d.root.split(/[\\/]/).filter(Boolean).pop() ?? d.root;
}

const REVIEW_ORDER: ReviewStatus[] = ['rejected', 'needs-supplement', 'pending', 'accepted'];

/** One status for the row: the least settled of its links (null when it has none). */
export function reviewOf(d: DocumentJson): ReviewStatus | null {
  let best: ReviewStatus | null = null;
  for (const c of d.criteria) if (best === null || REVIEW_ORDER.indexOf(c.status) < REVIEW_ORDER.indexOf(best)) best = c.status;
  return best;
}

function text(d: DocumentJson, key: SortKey): string {
  switch (key) {
    case 'file':
      return d.relPath;
    case 'office':
      return officeLabel(d);
    case 'number':
      return d.number ?? '';
    case 'type':
      return d.type ?? '';
    case 'date':
      return d.date ?? '';
    case 'title':
      return d.title ?? '';
    case 'criteria':
      return d.criteria.map((c) => c.code).join(' ');
    case 'review':
      return String(REVIEW_ORDER.indexOf(reviewOf(d) ?? 'accepted') + (d.criteria.length ? 0 : 9));
  }
}

/** Folded text a row is matched against: file, office, number, type, title, issuer, criteria. */
function haystack(d: DocumentJson): string {
  return foldForMatch([d.relPath, officeLabel(d), d.number, d.type, d.typeName, d.title, d.issuer, d.criteria.map((c) => c.code).join(' ')].filter(Boolean).join(' \u0001 '));
}

const folded = new WeakMap<DocumentJson, string>();

export function selectRows(docs: readonly DocumentJson[], facet: DocumentFacet | null, query: string, sort: Sort): DocumentJson[] {
  const words = foldForMatch(query).split(/\s+/).filter(Boolean);
  const rows = docs.filter((d) => {
    if (facet && !d.facets.includes(facet)) return false;
    if (words.length === 0) return true;
    let h = folded.get(d);
    if (h === undefined) {
      h = haystack(d);
      folded.set(d, h);
    }
    const hay = h;
    return words.every((w) => hay.includes(w));
  });
  const cmp = (a: DocumentJson, b: DocumentJson): number => {
    const ta = text(a, sort.key);
    const tb = text(b, sort.key);
    // Empty values last whatever the direction; dates are ISO (YYYY-MM-DD): compared as strings, chronologically.
    if (!ta !== !tb) return ta ? -1 : 1;
    const c = sort.key === 'date' || sort.key === 'review' ? (ta < tb ? -1 : ta > tb ? 1 : 0) : vietnameseCollator.compare(ta, tb);
    return c !== 0 ? c * sort.dir : vietnameseCollator.compare(a.relPath, b.relPath);
  };
  return rows.sort(cmp);
}

/** Facet counts over every document (the engine decides membership; this only counts). */
export function facetCounts(docs: readonly DocumentJson[]): Record<DocumentFacet, number> {
  const out: Record<DocumentFacet, number> = { unassigned: 0, errors: 0, scans: 0, outsideYear: 0, duplicates: 0 };
  for (const d of docs) for (const f of d.facets) out[f]++;
  return out;
}
