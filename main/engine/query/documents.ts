// Documents as the contract's JSON (CONTRACTS.md §2).
import path from 'node:path';
import { documentTypeByCode } from '../../../shared/document-types.js';
import { compareCodes } from '../../../shared/criterion-code.js';
import type { ClassifyNoteJson, CriterionLink, DocumentJson, DuplicateJson, ErrorKind, LinkSource, ReviewStatus, TextQuality } from '../../../shared/types.js';
import { nfc } from '../../../shared/vietnamese.js';
import { UserError } from '../errors.js';
import type { ContentRow } from '../scan/document-store.js';
import type { Workspace } from '../workspace/workspace.js';

/** A document joined with its analysed content (the content columns as the store writes them). */
type Row = Pick<ContentRow, 'kind' | 'pages' | 'text_layer' | 'text_quality' | 'ocr' | 'encrypted' | 'signatures' | 'error_kind' | 'error_message'> & {
  id: string;
  rel_path: string;
  root_path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  fields_json: string;
};

const SELECT = `
  SELECT d.id, d.rel_path, r.path AS root_path, d.size, d.mtime_ms, d.sha256, d.number, d.type, d.issuer, d.place,
         d.date, d.title, d.fields_json, c.kind, c.pages, c.text_layer, c.text_quality, c.ocr, c.encrypted,
         c.signatures, c.error_kind, c.error_message
  FROM documents d JOIN roots r ON r.id = d.root_id JOIN contents c ON c.sha256 = d.sha256`;

interface LinkRow {
  document_id: string;
  criterion_code: string;
  source: LinkSource;
  reason: string;
  slot_id: string | null;
  status: Exclude<ReviewStatus, 'pending'> | null;
  note: string | null;
}

interface NoteRow {
  document_id: string;
  kind: ClassifyNoteJson['kind'];
  code: string | null;
  message: string;
}

/** Links, notes and duplicates of the documents in `ids` (all documents when undefined). */
class Relations {
  private readonly links = new Map<string, CriterionLink[]>();
  private readonly notes = new Map<string, ClassifyNoteJson[]>();
  private readonly bySha = new Map<string, string[]>();
  private readonly bySameDoc = new Map<string, string[]>();

  constructor(ws: Workspace) {
    const db = ws.db;
    const links = db
      .prepare(
        `SELECT l.document_id, l.criterion_code, l.source, l.reason, l.slot_id, rv.status, rv.note
         FROM links l JOIN documents d ON d.id = l.document_id
         LEFT JOIN reviews rv ON rv.sha256 = d.sha256 AND rv.criterion_code = l.criterion_code`,
      )
      .all() as LinkRow[];
    for (const l of links) {
      push(this.links, l.document_id, { code: l.criterion_code, source: l.source, reason: l.reason, slot: l.slot_id, status: l.status ?? 'pending', note: l.note });
    }
    for (const n of db.prepare('SELECT document_id, kind, code, message FROM classify_notes').all() as NoteRow[]) {
      push(this.notes, n.document_id, { kind: n.kind, code: n.code, message: n.message });
    }
    const docs = db.prepare('SELECT id, sha256, number, date FROM documents').all() as { id: string; sha256: string; number: string | null; date: string | null }[];
    for (const d of docs) {
      push(this.bySha, d.sha256, d.id);
      if (d.number && d.date) push(this.bySameDoc, `${d.number.toLowerCase()}|${d.date}`, d.id);
    }
  }

  linksOf(id: string): CriterionLink[] {
    return (this.links.get(id) ?? []).sort((a, b) => compareCodes(a.code, b.code));
  }

  notesOf(id: string): ClassifyNoteJson[] {
    return this.notes.get(id) ?? [];
  }

  /** Other documents with the same bytes, or the same number and date (another scan of it). */
  duplicatesOf(r: { id: string; sha256: string; number: string | null; date: string | null }): DuplicateJson[] {
    const out: DuplicateJson[] = [];
    for (const other of this.bySha.get(r.sha256) ?? []) if (other !== r.id) out.push({ id: other, kind: 'same-bytes' });
    if (r.number && r.date) {
      for (const other of this.bySameDoc.get(`${r.number.toLowerCase()}|${r.date}`) ?? []) {
        if (other !== r.id && !out.some((d) => d.id === other)) out.push({ id: other, kind: 'same-document' });
      }
    }
    return out;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toJson(r: Row, rel: Relations): DocumentJson {
  return {
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
    error: r.error_kind ? { kind: r.error_kind as ErrorKind, message: r.error_message ?? '' } : null,
    number: r.number,
    type: r.type,
    typeName: r.type ? (documentTypeByCode(r.type)?.name ?? null) : null,
    issuer: r.issuer,
    place: r.place,
    date: r.date,
    title: r.title,
    fields: JSON.parse(r.fields_json) as DocumentJson['fields'],
    criteria: rel.linksOf(r.id),
    notes: rel.notesOf(r.id),
    duplicates: rel.duplicatesOf(r),
  };
}

export interface DocumentFilter {
  errors?: boolean;
  unassigned?: boolean;
  criterion?: string;
}

export function listDocuments(ws: Workspace, filter: DocumentFilter = {}): DocumentJson[] {
  const where: string[] = [];
  if (filter.errors) where.push('c.error_kind IS NOT NULL');
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.path, d.rel_path`;
  const rel = new Relations(ws);
  let docs = (ws.db.prepare(sql).all() as Row[]).map((r) => toJson(r, rel));
  if (filter.unassigned) docs = docs.filter((d) => d.criteria.length === 0);
  if (filter.criterion) {
    const code = filter.criterion;
    docs = docs.filter((d) => d.criteria.some((c) => c.code === code || c.code.startsWith(`${code}.`)));
  }
  return docs;
}

/** DOC as users type it: an id, a sha256 prefix of at least 8 hex digits, or a path. */
export function findDocument(ws: Workspace, ref: string): DocumentJson {
  const rel = new Relations(ws);
  const byId = ws.db.prepare(`${SELECT} WHERE d.id = ?`).all(ref) as Row[];
  if (byId[0]) return toJson(byId[0], rel);
  if (/^[0-9a-f]{8,64}$/i.test(ref)) {
    const rows = ws.db.prepare(`${SELECT} WHERE d.sha256 LIKE ?`).all(`${ref.toLowerCase()}%`) as Row[];
    if (rows.length > 1) throw new UserError(`'${ref}' matches ${rows.length} documents (same content in several places); use the document id or path.`);
    if (rows[0]) return toJson(rows[0], rel);
  }
  const abs = nfc(path.resolve(ref));
  const match = listDocuments(ws).find((d) => d.path === abs || d.relPath === nfc(ref));
  if (match) return match;
  throw new UserError(`no document '${ref}' in this workspace (give an id, a sha256 prefix of 8+ characters, or a path).`);
}
