// "The same document", defined once: the same bytes (sha256) in several places, or the same
// number and date in files with different bytes (another scan of the same paper). The status's
// groups and each document's `duplicates` are both read from here, so they always agree.
import type { DuplicateJson, StatusJson } from '../../../shared/types.js';
import type { DuplicateKeys } from '../db/stores/documents.js';
import type { Workspace } from '../workspace/workspace.js';
import { kept } from './kept.js';

type Group = StatusJson['duplicates'][number];

export class Duplicates {
  private readonly bySha = new Map<string, string[]>();
  private readonly bySameDoc = new Map<string, DuplicateKeys[]>();

  /** `keys` in the documents' stored order. */
  constructor(keys: readonly DuplicateKeys[]) {
    for (const d of keys) {
      push(this.bySha, d.sha256, d.id);
      const k = sameDocumentKey(d);
      if (k) push(this.bySameDoc, k, d);
    }
  }

  /** Other documents with the same bytes, or the same number and date. */
  of(d: DuplicateKeys): DuplicateJson[] {
    const out: DuplicateJson[] = [];
    const sameBytes = this.bySha.get(d.sha256) ?? [];
    for (const other of sameBytes) if (other !== d.id) out.push({ id: other, kind: 'same-bytes' });
    const k = sameDocumentKey(d);
    const sameDoc = k ? (this.bySameDoc.get(k) ?? []) : [];
    // A Set only when both lists are long (one unit's copy of a province-wide document filed by 150 units).
    const seen = sameBytes.length > 8 ? new Set(sameBytes) : null;
    for (const other of sameDoc) {
      if (other.id === d.id) continue;
      if (seen ? seen.has(other.id) : sameBytes.includes(other.id)) continue;
      out.push({ id: other.id, kind: 'same-document' });
    }
    return out;
  }

  /** Every group of more than one document: same bytes by sha256, then same document by number and date. */
  groups(): Group[] {
    const sameBytes = [...this.bySha.entries()]
      .filter(([, ids]) => ids.length > 1)
      .sort(([a], [b]) => compare(a, b))
      .map(([key, ids]): Group => ({ kind: 'same-bytes', key, documents: ids }));
    const sameDocument = [...this.bySameDoc.entries()]
      .filter(([, docs]) => new Set(docs.map((d) => d.sha256)).size > 1)
      .sort(([a], [b]) => compare(a, b))
      .map(([, docs]): Group => {
        const last = docs[docs.length - 1] as DuplicateKeys;
        return { kind: 'same-document', key: `${last.number} ${last.date}`, documents: docs.map((d) => d.id) };
      });
    return [...sameBytes, ...sameDocument];
  }
}

/** The workspace's duplicates, read once per change of the database (kept.ts). */
export function duplicatesOf(ws: Workspace): Duplicates {
  return kept(ws, 'duplicates', () => new Duplicates(ws.reader.documents.duplicatedKeys()));
}

/** Number compared without case ("78/KH-SYT" = "78/kh-syt"), date as stored (YYYY-MM-DD). */
function sameDocumentKey(d: DuplicateKeys): string | null {
  return d.number && d.date ? `${d.number.toLowerCase()}\u0000${d.date}` : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
