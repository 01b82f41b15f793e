// Documents as the contract's JSON (CONTRACTS.md §2).
import path from 'node:path';
import { documentTypeByCode } from '../../../shared/document-types.js';
import { compareCodes } from '../../../shared/criterion-code.js';
import type { ClassifyNoteJson, CriterionLink, DocumentFacet, DocumentJson, ErrorKind, HeaderFieldName, SignatureJson, TextQuality } from '../../../shared/types.js';
import { nfc } from '../../../shared/vietnamese.js';
import { UserError } from '../errors.js';
import type { DocumentView } from '../db/stores/documents.js';
import type { Suggestions } from '../db/stores/suggestions.js';
import type { Workspace } from '../workspace/workspace.js';
import { duplicatesOf, type Duplicates } from './duplicates.js';
import { kept } from './kept.js';

/** Links, notes and duplicates of every document, read once per query. */
class Relations {
  private readonly links = new Map<string, CriterionLink[]>();
  private readonly notes = new Map<string, ClassifyNoteJson[]>();
  readonly duplicates: Duplicates;
  private readonly offices = new Map<string, string | null>();
  /** The assessment year: the workspace's setting, else the pack's. */
  readonly year: number | null;
  readonly suggestions: Map<string, Suggestions>;

  /** `scope`: only the documents linked to a criterion or under it are shown (duplicates are still found among all). */
  constructor(ws: Workspace, scope: { criterion?: string } = {}) {
    for (const r of ws.reader.roots.list()) this.offices.set(r.path, r.office);
    this.year = ws.settings().year ?? ws.pack().year ?? null;
    this.suggestions = ws.reader.suggestions.all(scope);
    for (const l of ws.reader.links.withReviews(scope)) {
      push(this.links, l.document_id, { code: l.criterion_code, source: l.source, reason: l.reason, slot: l.slot_id, status: l.status ?? 'pending', note: l.note });
    }
    for (const n of ws.reader.notes.all(scope)) push(this.notes, n.document_id, { kind: n.kind, code: n.code, message: n.message });
    this.duplicates = duplicatesOf(ws);
  }

  linksOf(id: string): CriterionLink[] {
    return (this.links.get(id) ?? []).sort((a, b) => compareCodes(a.code, b.code));
  }

  notesOf(id: string): ClassifyNoteJson[] {
    return this.notes.get(id) ?? [];
  }

  officeOf(rootPath: string): string | null {
    return this.offices.get(rootPath) ?? null;
  }
}

/** The documents screen's filters, decided here once (the renderer only reads them). */
function facetsOf(d: Omit<DocumentJson, 'facets'>, year: number | null): DocumentFacet[] {
  const out: DocumentFacet[] = [];
  if (d.criteria.length === 0) out.push('unassigned');
  if (d.error !== null) out.push('errors');
  if (d.ocr || (d.kind === 'pdf' && !d.error && d.textQuality !== 'usable')) out.push('scans');
  if (year !== null && d.date !== null && Number(d.date.slice(0, 4)) !== year) out.push('outsideYear');
  if (d.duplicates.length > 0) out.push('duplicates');
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function correctedOf(r: Pick<DocumentView, 'corrected_fields'>): HeaderFieldName[] {
  return (r.corrected_fields ?? '').split(',').filter(Boolean) as HeaderFieldName[];
}

/**
 * A document's field provenance with its corrections over it: every field corrected by hand reads
 * `manual` (confidence 1); a cleared one has no provenance. (`r` holds the corrected values.)
 */
export function fieldsWithCorrections(r: Pick<DocumentView, 'fields_json' | 'corrected_fields'> & Partial<Record<HeaderFieldName, string | null>>): DocumentJson['fields'] {
  const fields = JSON.parse(r.fields_json) as DocumentJson['fields'];
  for (const f of correctedOf(r)) {
    if ((r[f] ?? null) === null) delete fields[f];
    else fields[f] = { source: 'manual', confidence: 1 };
  }
  return fields;
}

/** Every field corrected by hand reads `manual` (fieldsWithCorrections) and has no suggestion. */
function toJson(r: DocumentView, rel: Relations): DocumentJson {
  const fields = fieldsWithCorrections(r);
  const suggestions = { ...(rel.suggestions.get(r.id) ?? {}) };
  for (const f of correctedOf(r)) delete suggestions[f];
  const doc: Omit<DocumentJson, 'facets'> = {
    id: r.id,
    path: nfc(path.join(r.root_path, ...r.rel_path.split('/'))),
    root: nfc(r.root_path),
    relPath: nfc(r.rel_path),
    sha256: r.sha256,
    size: r.size,
    mtime: new Date(r.mtime_ms).toISOString(),
    kind: r.kind,
    pages: r.pages,
    textLayer: r.text_layer === 1,
    textQuality: r.text_quality as TextQuality,
    ocr: r.ocr === 1,
    encrypted: r.encrypted === 1,
    signatures: r.signatures,
    signatureChecks: r.signatures_json === '[]' ? [] : (JSON.parse(r.signatures_json) as SignatureJson[]),
    error: r.error_kind ? { kind: r.error_kind as ErrorKind, message: r.error_message ?? '' } : null,
    number: r.number,
    type: r.type,
    typeName: r.type ? (documentTypeByCode(r.type)?.name ?? null) : null,
    issuer: r.issuer,
    place: r.place,
    date: r.date,
    title: r.title,
    fields,
    suggestions,
    criteria: rel.linksOf(r.id),
    notes: rel.notesOf(r.id),
    duplicates: rel.duplicates.of(r),
    office: rel.officeOf(r.root_path),
  };
  return { ...doc, facets: facetsOf(doc, rel.year) };
}

export interface DocumentFilter {
  errors?: boolean;
  unassigned?: boolean;
  criterion?: string;
}

/**
 * Every document, or those of a filter. A criterion's documents are kept until the database
 * changes (kept.ts: the app asks for them on every visit of the criterion); the value is shared,
 * callers must not change it.
 */
export function listDocuments(ws: Workspace, filter: DocumentFilter = {}): DocumentJson[] {
  if (filter.criterion) return kept(ws, `documents\u0000${filter.criterion}\u0000${filter.errors ? 1 : 0}${filter.unassigned ? 1 : 0}`, () => listDocumentsNow(ws, filter));
  return listDocumentsNow(ws, filter);
}

/** The documents read now from the database, never kept (tests, benchmarks). */
export function listDocumentsNow(ws: Workspace, filter: DocumentFilter): DocumentJson[] {
  // A criterion's documents are chosen in SQL (links_criterion): the others are never read.
  const scope = filter.criterion ? { criterion: filter.criterion } : {};
  const rel = new Relations(ws, scope);
  let docs = ws.reader.documents.views({ errors: filter.errors ?? false, ...scope }).map((r) => toJson(r, rel));
  if (filter.unassigned) docs = docs.filter((d) => d.criteria.length === 0);
  return docs;
}

/** DOC as users type it: an id, a sha256 prefix of at least 8 hex digits, or a path. */
export function findDocument(ws: Workspace, ref: string): DocumentJson {
  const rel = new Relations(ws);
  const byId = ws.reader.documents.viewById(ref);
  if (byId) return toJson(byId, rel);
  if (/^[0-9a-f-]{8,36}$/i.test(ref)) {
    // The short id `docs` and `criterion` print (the id's first 8 characters), when one id has it.
    const ids = ws.reader.documents.viewsByIdPrefix(ref.toLowerCase());
    if (ids.length === 1 && ids[0]) return toJson(ids[0], rel);
  }
  if (/^[0-9a-f]{8,64}$/i.test(ref)) {
    const rows = ws.reader.documents.viewsByShaPrefix(ref.toLowerCase());
    if (rows.length > 1) throw new UserError(`'${ref}' matches ${rows.length} documents (same content in several places); use the document id or path.`);
    if (rows[0]) return toJson(rows[0], rel);
  }
  const abs = nfc(path.resolve(ref));
  const match = listDocuments(ws).find((d) => d.path === abs || d.relPath === nfc(ref));
  if (match) return match;
  throw new UserError(`no document '${ref}' in this workspace (give an id, a sha256 prefix of 8+ characters, or a path).`);
}
