// Documents as the contract's JSON (CONTRACTS.md §2).
import path from 'node:path';
import { documentTypeByCode } from '../../../shared/document-types.js';
import type { DocumentJson, ErrorKind, TextQuality } from '../../../shared/types.js';
import { nfc } from '../../../shared/vietnamese.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';

interface Row {
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
  kind: 'pdf' | 'other';
  pages: number | null;
  text_layer: number;
  text_quality: string;
  ocr: number;
  encrypted: number;
  signatures: number;
  error_kind: string | null;
  error_message: string | null;
}

const SELECT = `
  SELECT d.id, d.rel_path, r.path AS root_path, d.size, d.mtime_ms, d.sha256, d.number, d.type, d.issuer, d.place,
         d.date, d.title, d.fields_json, c.kind, c.pages, c.text_layer, c.text_quality, c.ocr, c.encrypted,
         c.signatures, c.error_kind, c.error_message
  FROM documents d JOIN roots r ON r.id = d.root_id JOIN contents c ON c.sha256 = d.sha256`;

function toJson(r: Row): DocumentJson {
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
    // Links to criteria arrive with classification (issue 4).
    criteria: [],
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
  let docs = (ws.db.prepare(sql).all() as Row[]).map(toJson);
  if (filter.unassigned) docs = docs.filter((d) => d.criteria.length === 0);
  if (filter.criterion) {
    const code = filter.criterion;
    docs = docs.filter((d) => d.criteria.some((c) => c.code === code || c.code.startsWith(`${code}.`)));
  }
  return docs;
}

/** DOC as users type it: an id, a sha256 prefix of at least 8 hex digits, or a path. */
export function findDocument(ws: Workspace, ref: string): DocumentJson {
  const byId = ws.db.prepare(`${SELECT} WHERE d.id = ?`).all(ref) as Row[];
  if (byId[0]) return toJson(byId[0]);
  if (/^[0-9a-f]{8,64}$/i.test(ref)) {
    const rows = ws.db.prepare(`${SELECT} WHERE d.sha256 LIKE ?`).all(`${ref.toLowerCase()}%`) as Row[];
    if (rows.length > 1) throw new UserError(`'${ref}' matches ${rows.length} documents (same content in several places); use the document id or path.`);
    if (rows[0]) return toJson(rows[0]);
  }
  const abs = nfc(path.resolve(ref));
  const match = listDocuments(ws).find((d) => d.path === abs || d.relPath === nfc(ref));
  if (match) return match;
  throw new UserError(`no document '${ref}' in this workspace (give an id, a sha256 prefix of 8+ characters, or a path).`);
}
