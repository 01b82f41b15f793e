// Links documents to criteria, in order of trust: manual (assign/unassign), folder code, file-name
// code, content. Every link stores its source and a human reason. Manual decisions are keyed by
// sha256, so they hold for every copy and survive renames, moves and re-scans; a manual unassign
// removes the link whatever found it. Runs after every scan, over all documents or some.
import path from 'node:path';
import { findCriterion, isLeaf, type CriteriaPack } from '../../../shared/pack.js';
import { codeAncestors } from '../../../shared/criterion-code.js';
import type { ClassifyInput } from '../db/stores/documents.js';
import type { NewLink } from '../db/stores/links.js';
import type { ManualLink } from '../db/stores/manual-links.js';
import type { ClassifyNote } from '../db/stores/notes.js';
import type { Workspace } from '../workspace/workspace.js';
import { ContentMatcher, type ContentInput } from './content-match.js';
import { codesInPath, type PathCode } from './path-codes.js';

export type { ClassifyNote, NewLink };

export interface ClassifyReport {
  documents: number;
  linked: number;
  unassigned: number;
  links: number;
  notes: number;
}

/** What one classification run needs to know about the pack, built once per run. */
export class Classifier {
  readonly matcher: ContentMatcher;
  private readonly known: Set<string>;

  constructor(readonly pack: CriteriaPack) {
    this.matcher = new ContentMatcher(pack);
    // Codes of the pack and their ancestors: a pack may list "1.7.2" without "1.7".
    this.known = new Set(pack.criteria.flatMap((c) => [c.code, ...codeAncestors(c.code)]));
  }

  classify(doc: ClassifyInput, manual: readonly ManualLink[]): { links: NewLink[]; notes: ClassifyNote[] } {
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

/**
 * Bump when classification rules change (this file, content-match.ts, path-codes.ts, reasons):
 * a workspace last classified by an older version is re-linked entirely, once (state.ts).
 */
export const CLASSIFIER_VERSION = 1;

/** Re-link every document (or only `documentIds`), store links and notes, mark them clean. */
export function classifyWorkspace(ws: Workspace, documentIds?: readonly string[]): ClassifyReport {
  const classifier = new Classifier(ws.pack());
  const report: ClassifyReport = { documents: 0, linked: 0, unassigned: 0, links: 0, notes: 0 };
  const w = ws.writer;
  // Read and written in one transaction: a document written meanwhile stays dirty (state.ts).
  w.transaction(() => {
    const docs = ws.reader.documents.classifyInputs(documentIds);
    const manualBySha = new Map<string, ManualLink[]>();
    for (const m of ws.reader.manualLinks.all()) manualBySha.set(m.sha256, [...(manualBySha.get(m.sha256) ?? []), m]);
    report.documents = docs.length;
    if (!documentIds) {
      w.links.clear();
      w.notes.clear();
    }
    for (const doc of docs) {
      const { links, notes } = classifier.classify(doc, manualBySha.get(doc.sha256) ?? []);
      w.links.replace(doc.id, links);
      w.notes.replace(doc.id, notes);
      if (links.length > 0) report.linked++;
      else report.unassigned++;
      report.links += links.length;
      report.notes += notes.length;
    }
    if (documentIds) w.classifyState.markClean(documentIds);
    else w.classifyState.markAllClean(CLASSIFIER_VERSION);
  });
  return report;
}
