// Reviewer actions: manual links, decisions per document and criterion, self-scores with their
// giải trình. Everything is keyed by the file's sha256 and the criterion code, so a decision holds
// for the same bytes wherever they are filed, and every action is appended to the history.
import { findCriterion, isLeaf } from '../../../shared/pack.js';
import type { DocumentJson, ReviewStatus } from '../../../shared/types.js';
import { classifyWorkspace } from '../classify/classify.js';
import type { HistoryEntry, HistoryFilter } from '../db/stores/history.js';
import type { ScoreRow } from '../db/stores/scores.js';
import { UserError } from '../errors.js';
import { findDocument } from '../query/documents.js';
import { defaultActor } from '../workspace/actor.js';
import type { Workspace } from '../workspace/workspace.js';

export type Decision = Exclude<ReviewStatus, 'pending'>;

export interface ActorOption {
  /** Who acted; defaults to $KIEMCHUNG_USER or the operating-system user. */
  actor?: string;
}

export type { HistoryEntry, ScoreRow };

export { defaultActor };

function record(ws: Workspace, action: string, sha256: string | null, code: string | null, detail: Record<string, unknown>, opts: ActorOption): void {
  ws.writer.history.append({ actor: opts.actor ?? defaultActor(), action, sha256, code, detail });
}

/** The pack's criterion for a code as typed ("1.3.", "TC 1.3" is not accepted: give the code). */
function criterionCode(ws: Workspace, code: string, leafOnly: boolean): string {
  const pack = ws.pack();
  const c = findCriterion(pack, code.trim());
  if (!c) throw new UserError(`criterion '${code}' is not in the pack '${pack.name}'.`);
  if (leafOnly && !isLeaf(pack, c.code)) {
    const children = pack.criteria.filter((x) => x.parent === c.code).map((x) => x.code);
    throw new UserError(`'${c.code}' groups other criteria; choose one of them: ${children.join(', ')}.`);
  }
  return c.code;
}

function setManual(ws: Workspace, doc: DocumentJson, code: string, action: 'assign' | 'unassign', opts: ActorOption): void {
  ws.writer.transaction(() => {
    ws.writer.manualLinks.set(doc.sha256, code, action);
    record(ws, action, doc.sha256, code, { document: doc.id, relPath: doc.relPath }, opts);
    classifyWorkspace(ws, ws.reader.documents.idsWithSha(doc.sha256));
  });
}

/** Link a document to a criterion by hand; it stays linked whatever later scans find. */
export function assignDocument(ws: Workspace, docRef: string, code: string, opts: ActorOption = {}): DocumentJson {
  const doc = findDocument(ws, docRef);
  setManual(ws, doc, criterionCode(ws, code, true), 'assign', opts);
  return findDocument(ws, doc.id);
}

/** Remove a link, whatever made it; later scans never link this content to that criterion again. */
export function unassignDocument(ws: Workspace, docRef: string, code: string, opts: ActorOption = {}): DocumentJson {
  const doc = findDocument(ws, docRef);
  setManual(ws, doc, criterionCode(ws, code, false), 'unassign', opts);
  return findDocument(ws, doc.id);
}

/** Accept, reject or ask for a supplement of one document's evidence for one criterion. */
export function reviewDocument(ws: Workspace, docRef: string, code: string, decision: Decision, note: string | null = null, opts: ActorOption = {}): DocumentJson {
  const doc = findDocument(ws, docRef);
  const canonical = criterionCode(ws, code, false);
  if (!doc.criteria.some((l) => l.code === canonical)) {
    const linked = doc.criteria.map((l) => l.code);
    throw new UserError(
      `${doc.relPath} is not linked to ${canonical}${linked.length ? ` (it is linked to ${linked.join(', ')})` : ''}; link it first with: kiemchung assign WS ${doc.id} ${canonical}`,
    );
  }
  const cleanNote = note?.trim() ? note.trim() : null;
  ws.writer.transaction(() => {
    ws.writer.reviews.set(doc.sha256, canonical, decision, cleanNote);
    record(ws, `review:${decision}`, doc.sha256, canonical, { document: doc.id, relPath: doc.relPath, note: cleanNote }, opts);
  });
  return findDocument(ws, doc.id);
}

export interface ScoreInput {
  /** Self-score; null clears it. */
  points: number | null;
  /** Giải trình; undefined keeps the current one, null clears it. */
  explanation?: string | null;
  /** Mark the criterion not applicable to this unit (or applicable again). */
  notApplicable?: boolean;
}

/** Self-score and giải trình of one criterion. */
export function setScore(ws: Workspace, code: string, input: ScoreInput, opts: ActorOption = {}): ScoreRow {
  const canonical = criterionCode(ws, code, false);
  const criterion = findCriterion(ws.pack(), canonical);
  if (input.points !== null) {
    if (!Number.isFinite(input.points) || input.points < 0) throw new UserError(`score '${input.points}' is not a number of points ≥ 0.`);
    if (criterion?.maxPoints != null && input.points > criterion.maxPoints) {
      throw new UserError(`score ${input.points} is above the maximum of ${criterion.maxPoints} points for ${canonical}.`);
    }
  }
  const current = scoreOf(ws, canonical);
  const next: ScoreRow = {
    code: canonical,
    selfScore: input.points,
    explanation: input.explanation === undefined ? current.explanation : input.explanation?.trim() || null,
    notApplicable: input.notApplicable ?? current.notApplicable,
  };
  ws.writer.transaction(() => {
    ws.writer.scores.set(next);
    record(ws, 'score', null, canonical, { selfScore: next.selfScore, explanation: next.explanation, notApplicable: next.notApplicable }, opts);
  });
  return next;
}

export function scoreOf(ws: Workspace, code: string): ScoreRow {
  return ws.reader.scores.of(code);
}

export function allScores(ws: Workspace): Map<string, ScoreRow> {
  return ws.reader.scores.all();
}

/**
 * The append-only history, newest first; `doc` (an id, path or sha256 as other calls take it) narrows
 * it to what was decided about that document's content, wherever it is filed.
 */
export function historyOf(ws: Workspace, filter: Omit<HistoryFilter, 'sha256'> & { doc?: string } = {}): HistoryEntry[] {
  const { doc, ...rest } = filter;
  return ws.reader.history.list(doc ? { ...rest, sha256: findDocument(ws, doc).sha256 } : rest);
}
