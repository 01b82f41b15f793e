// Links documents to criteria, in order of trust: manual (assign/unassign), folder code, file-name
// code, content. Every link stores its source and a human reason. Manual decisions are keyed by
// sha256, so they hold for every copy and survive renames, moves and re-scans; a manual unassign
// removes the link whatever found it. Runs after every scan, over all documents or some.
import path from 'node:path';
import { findCriterion, isLeaf, type CriteriaPack } from '../../../shared/pack.js';
import { codeAncestors } from '../../../shared/criterion-code.js';
import type { LinkSource } from '../../../shared/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { ContentMatcher, type ContentInput } from './content-match.js';
import { codesInPath, type PathCode } from './path-codes.js';

export interface NewLink {
  code: string;
  source: LinkSource;
  reason: string;
  slotId: string | null;
}

export interface ClassifyNote {
  kind: 'unknown-code' | 'drift' | 'area-only';
  code: string | null;
  message: string;
}

export interface ClassifyReport {
  documents: number;
  linked: number;
  unassigned: number;
  links: number;
  notes: number;
}

interface DocRow {
  id: string;
  rel_path: string;
  root_path: string;
  sha256: string;
  type: string | null;
  title: string | null;
  text: string;
}

interface ManualRow {
  sha256: string;
  criterion_code: string;
  action: 'assign' | 'unassign';
}

/**
 * The text content matching reads: the page-1 header (the text layer when usable, else what OCR
 * read of it) and the start of the body (full_text holds the OCR text once every page is read).
 */
const DOC_SQL = `
  SELECT d.id, d.rel_path, r.path AS root_path, d.sha256, d.type, d.title,
         CASE WHEN c.text_quality = 'usable' THEN c.header_text ELSE c.ocr_header_text END
           || ' ' || substr(c.full_text, 1, 4000) AS text
  FROM documents d JOIN roots r ON r.id = d.root_id JOIN contents c ON c.sha256 = d.sha256`;

/** What one classification run needs to know about the pack, built once per run. */
export class Classifier {
  readonly matcher: ContentMatcher;
  private readonly known: Set<string>;

  constructor(readonly pack: CriteriaPack) {
    this.matcher = new ContentMatcher(pack);
    // Codes of the pack and their ancestors: a pack may list "1.7.2" without "1.7".
    this.known = new Set(pack.criteria.flatMap((c) => [c.code, ...codeAncestors(c.code)]));
  }

  classify(doc: DocRow, manual: ManualRow[]): { links: NewLink[]; notes: ClassifyNote[] } {
    const links = new Map<string, NewLink>();
    const notes: ClassifyNote[] = [];
    const input: ContentInput = { type: doc.type, title: doc.title, text: doc.text };
    const add = (l: NewLink): void => {
      if (!links.has(l.code)) links.set(l.code, l);
    };

    for (const m of manual) {
      const c = findCriterion(this.pack, m.criterion_code);
      if (m.action === 'assign' && c) add({ code: c.code, source: 'manual', reason: 'assigned by hand', slotId: this.matcher.bestSlot(c, input) });
    }

    const { folder, file } = codesInPath(doc.rel_path, path.basename(doc.root_path));
    for (const found of [folder, file]) {
      if (found) this.fromPathCode(found, input, add, notes);
    }

    // A code in the path means someone filed the document deliberately: content never overrides
    // that (an unknown code is reported, not guessed), it only raises a drift note.
    const filed = folder !== null || file !== null;
    const content = this.matcher.match(input);
    const best = content[0];
    if (!filed && best) {
      // Near-ties are kept: one document may serve several criteria.
      for (const m of content.filter((m) => m.score >= best.score * 0.9).slice(0, 3)) {
        add({ code: m.code, source: 'content', reason: m.reason, slotId: m.slotId });
      }
    }
    const pathCodes = [folder, file].filter((f): f is PathCode => f !== null).map((f) => f.code);
    if (filed && best && !content.some((m) => links.has(m.code))) {
      notes.push({
        kind: 'drift',
        code: best.code,
        message: `filed under ${pathCodes.join(', ')} but its content matches ${best.code} (${best.reason})`,
      });
    }

    for (const m of manual) if (m.action === 'unassign') links.delete(m.criterion_code);
    return { links: [...links.values()], notes };
  }

  private fromPathCode(found: PathCode, input: ContentInput, add: (l: NewLink) => void, notes: ClassifyNote[]): void {
    const where = found.origin === 'folder' ? 'folder' : 'file name';
    if (!this.known.has(found.code)) {
      notes.push({ kind: 'unknown-code', code: found.code, message: `${where} '${found.segment}' names ${found.code}, which is not in the pack` });
      return;
    }
    const criterion = findCriterion(this.pack, found.code);
    if (criterion && isLeaf(this.pack, criterion.code)) {
      add({ code: criterion.code, source: found.origin, reason: `${where} '${found.segment}'`, slotId: this.matcher.bestSlot(criterion, input) });
      return;
    }
    // An area (or a parent criterion): pick the criterion under it that the content matches.
    const under = this.matcher.match(input, (code) => codeAncestors(code).includes(found.code));
    const best = under[0];
    if (best) {
      add({ code: best.code, source: found.origin, reason: `${where} '${found.segment}' + ${best.reason}`, slotId: best.slotId });
    } else {
      notes.push({ kind: 'area-only', code: found.code, message: `${where} '${found.segment}' names ${found.code}; no criterion under it matches the content: assign it by hand` });
    }
  }
}

/** Re-link every document (or only `documentIds`) and store links and notes. */
export function classifyWorkspace(ws: Workspace, documentIds?: readonly string[]): ClassifyReport {
  const classifier = new Classifier(ws.pack());
  const db = ws.db;
  const docs = documentIds
    ? documentIds.flatMap((id) => db.prepare(`${DOC_SQL} WHERE d.id = ?`).all(id) as DocRow[])
    : (db.prepare(DOC_SQL).all() as DocRow[]);
  const manualBySha = new Map<string, ManualRow[]>();
  for (const m of db.prepare('SELECT sha256, criterion_code, action FROM manual_links').all() as ManualRow[]) {
    manualBySha.set(m.sha256, [...(manualBySha.get(m.sha256) ?? []), m]);
  }
  const report: ClassifyReport = { documents: docs.length, linked: 0, unassigned: 0, links: 0, notes: 0 };
  const deleteLinks = db.prepare('DELETE FROM links WHERE document_id = ?');
  const deleteNotes = db.prepare('DELETE FROM classify_notes WHERE document_id = ?');
  const insertLink = db.prepare('INSERT INTO links(document_id, criterion_code, source, reason, slot_id) VALUES (?, ?, ?, ?, ?)');
  const insertNote = db.prepare('INSERT INTO classify_notes(document_id, kind, code, message) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    if (!documentIds) {
      db.prepare('DELETE FROM links').run();
      db.prepare('DELETE FROM classify_notes').run();
    }
    for (const doc of docs) {
      const { links, notes } = classifier.classify(doc, manualBySha.get(doc.sha256) ?? []);
      if (documentIds) {
        deleteLinks.run(doc.id);
        deleteNotes.run(doc.id);
      }
      for (const l of links) insertLink.run(doc.id, l.code, l.source, l.reason, l.slotId);
      for (const n of notes) insertNote.run(doc.id, n.kind, n.code, n.message);
      if (links.length > 0) report.linked++;
      else report.unassigned++;
      report.links += links.length;
      report.notes += notes.length;
    }
  })();
  return report;
}

/** Documents holding these bytes (every copy gets a manual decision). */
export function documentIdsWithSha(ws: Workspace, sha256: string): string[] {
  return (ws.db.prepare('SELECT id FROM documents WHERE sha256 = ?').all(sha256) as { id: string }[]).map((r) => r.id);
}

