// Header fields corrected by hand (`kiemchung fix`, docs:fix, the document card, the queue). A
// correction is keyed by the file's sha256 and the field, so it holds for the same bytes wherever
// they are filed and whatever a rescan or an OCR upgrade reads; it is appended to the history and
// the documents holding those bytes are classified again at once (completeness reads the stores).
import type { ConfirmReason } from '../../../shared/api-values.js';
import { DOCUMENT_TYPES, documentTypeByCode } from '../../../shared/document-types.js';
import type { DocumentJson, HeaderFieldName } from '../../../shared/types.js';
import { parseVnDate } from '../../../shared/vn-date.js';
import { classifyWorkspace } from '../classify/classify.js';
import { UserError } from '../errors.js';
import { findDocument } from '../query/documents.js';
import type { Workspace } from '../workspace/workspace.js';
import { defaultActor, type ActorOption } from './review.js';

export const CORRECTABLE_FIELDS: readonly HeaderFieldName[] = ['number', 'date', 'type', 'issuer', 'place', 'title'];

/** What a person typed: a value per field to set (a date as dd/mm/yyyy), fields to clear. */
export interface FixInput {
  number?: string;
  date?: string;
  type?: string;
  issuer?: string;
  place?: string;
  title?: string;
  clear?: readonly string[];
}

function isField(f: string): f is HeaderFieldName {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(f);
}

/** The typed values checked and normalised (a date to YYYY-MM-DD, a type to its code); null = clear. */
export function parseFix(input: FixInput): Map<HeaderFieldName, string | null> {
  const out = new Map<HeaderFieldName, string | null>();
  for (const f of CORRECTABLE_FIELDS) {
    const raw = input[f as keyof FixInput];
    if (typeof raw !== 'string') continue;
    const v = raw.trim().replace(/\s+/g, ' ');
    if (v === '') throw new UserError(`--${f} is empty; to clear the field use --clear ${f}.`);
    if (f === 'date') {
      const d = parseVnDate(v);
      if (!d.ok) throw new UserError(`${d.message}.`, { kind: 'bad-date', params: { value: v } });
      out.set(f, d.iso);
    } else if (f === 'type') {
      const t = documentTypeByCode(v) ?? DOCUMENT_TYPES.find((x) => x.code.toLowerCase() === v.toLowerCase());
      if (!t) throw new UserError(`'${v}' is not a document type code; use one of ${DOCUMENT_TYPES.map((x) => x.code).join(', ')}.`);
      out.set(f, t.code);
    } else out.set(f, v);
  }
  for (const f of input.clear ?? []) {
    if (!isField(f)) throw new UserError(`cannot clear '${f}': the fields are ${CORRECTABLE_FIELDS.join(', ')}.`);
    if (out.has(f)) throw new UserError(`'${f}' is both set and cleared; give one of them.`);
    out.set(f, null);
  }
  if (out.size === 0) throw new UserError(`nothing to correct: give at least one of ${CORRECTABLE_FIELDS.map((f) => `--${f}`).join(', ')} or --clear FIELD.`);
  return out;
}

/** Correct a document's header by hand; returns the document as it reads now. */
export function fixDocument(ws: Workspace, docRef: string, input: FixInput, opts: ActorOption = {}): DocumentJson {
  const doc = findDocument(ws, docRef);
  const changes = parseFix(input);
  const actor = opts.actor ?? defaultActor();
  const detail: Record<string, { from: string | null; to: string | null }> = {};
  for (const [f, v] of changes) detail[f] = { from: doc[f], to: v };
  ws.writer.transaction(() => {
    for (const [f, v] of changes) ws.writer.corrections.set(doc.sha256, f, v, actor);
    ws.writer.search.refreshContent(doc.sha256);
    ws.writer.history.append({ actor, action: 'fix', sha256: doc.sha256, code: null, detail: { document: doc.id, relPath: doc.relPath, fields: detail } });
    classifyWorkspace(ws, ws.reader.documents.idsWithSha(doc.sha256));
  });
  return findDocument(ws, doc.id);
}

/** A field below this confidence waits for a person even though recognition filled it. */
export const CONFIRM_BELOW = 0.8;

export type QueueReason = ConfirmReason;

export interface QueueItem {
  document: DocumentJson;
  reasons: QueueReason[];
}

/** What the queue decides on: a document's number and date and their provenance (DocumentJson has them). */
export type QueueFields = Pick<DocumentJson, 'number' | 'date' | 'fields'>;

/** Why a linked document waits for confirmation (none when it does not). */
export function queueReasons(d: QueueFields, year: number | null): QueueReason[] {
  const reasons: QueueReason[] = [];
  for (const f of ['number', 'date'] as const) {
    const p = d.fields[f];
    if (p?.source === 'manual') continue;
    if (d[f] === null) {
      // A field cleared by hand is known to be blank: it has no provenance and no suggestion, but a correction.
      reasons.push(`${f}-blank`);
    } else if (!p || p.confidence < CONFIRM_BELOW) reasons.push(`${f}-low`);
  }
  if (d.date && year !== null && d.fields.date?.source !== 'manual' && Number(d.date.slice(0, 4)) !== year) reasons.push('outside-year');
  return reasons;
}

/** The confirmation queue: every linked document whose number or date is blank, doubtful or outside the year. */
export function confirmQueue(ws: Workspace, docs: readonly DocumentJson[]): QueueItem[] {
  const year = ws.settings().year ?? ws.pack().year;
  const cleared = new Set<string>();
  const items: QueueItem[] = [];
  for (const d of docs) {
    if (d.criteria.length === 0 || d.error) continue;
    const reasons = confirmReasons(ws, d.sha256, d, year, cleared);
    if (reasons.length > 0) items.push({ document: d, reasons });
  }
  return items;
}

/**
 * A linked, readable document's reasons to wait in the queue: queueReasons without the fields a
 * person cleared on purpose (`cleared` remembers the contents already looked up).
 */
export function confirmReasons(ws: Workspace, sha256: string, d: QueueFields, year: number | null, cleared: Set<string>): QueueReason[] {
  let reasons = queueReasons(d, year);
  if (reasons.some((r) => r.endsWith('-blank'))) {
    for (const c of ws.reader.corrections.of(sha256)) if (c.value === null) cleared.add(`${sha256}:${c.field}`);
    reasons = reasons.filter((r) => !(r.endsWith('-blank') && cleared.has(`${sha256}:${r.slice(0, -6)}`)));
  }
  return reasons;
}
