// Reviewer actions: manual links, decisions per document and criterion, self-scores with their
// giải trình. Everything is keyed by the file's sha256 and the criterion code, so a decision holds
// for the same bytes wherever they are filed, and every action is appended to the history.
import os from 'node:os';
import { findCriterion, isLeaf } from '../../../shared/pack.js';
import type { DocumentJson, ReviewStatus } from '../../../shared/types.js';
import { classifyWorkspace, documentIdsWithSha } from '../classify/classify.js';
import { UserError } from '../errors.js';
import { findDocument } from '../query/documents.js';
import type { Workspace } from '../workspace/workspace.js';

export type Decision = Exclude<ReviewStatus, 'pending'>;

export interface ActorOption {
  /** Who acted; defaults to $KIEMCHUNG_USER or the operating-system user. */
  actor?: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  sha256: string | null;
  criterionCode: string | null;
  detail: Record<string, unknown>;
}

function defaultActor(): string {
  const fromEnv = process.env.KIEMCHUNG_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

function record(ws: Workspace, action: string, sha256: string | null, code: string | null, detail: Record<string, unknown>, opts: ActorOption): void {
  ws.db
    .prepare('INSERT INTO history(at, actor, action, sha256, criterion_code, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(new Date().toISOString(), opts.actor ?? defaultActor(), action, sha256, code, JSON.stringify(detail));
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
  ws.db.transaction(() => {
    ws.db
      .prepare(
        `INSERT INTO manual_links(sha256, criterion_code, action, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(sha256, criterion_code) DO UPDATE SET action = excluded.action, at = excluded.at`,
      )
      .run(doc.sha256, code, action, new Date().toISOString());
    record(ws, action, doc.sha256, code, { document: doc.id, relPath: doc.relPath }, opts);
    classifyWorkspace(ws, documentIdsWithSha(ws, doc.sha256));
  })();
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
  ws.db.transaction(() => {
    ws.db
      .prepare(
        `INSERT INTO reviews(sha256, criterion_code, status, note, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sha256, criterion_code) DO UPDATE SET status = excluded.status, note = excluded.note, at = excluded.at`,
      )
      .run(doc.sha256, canonical, decision, cleanNote, new Date().toISOString());
    record(ws, `review:${decision}`, doc.sha256, canonical, { document: doc.id, relPath: doc.relPath, note: cleanNote }, opts);
  })();
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

export interface ScoreRow {
  code: string;
  selfScore: number | null;
  explanation: string | null;
  notApplicable: boolean;
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
  ws.db.transaction(() => {
    ws.db
      .prepare(
        `INSERT INTO scores(criterion_code, self_score, explanation, not_applicable, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(criterion_code) DO UPDATE SET self_score = excluded.self_score, explanation = excluded.explanation,
           not_applicable = excluded.not_applicable, at = excluded.at`,
      )
      .run(canonical, next.selfScore, next.explanation, next.notApplicable ? 1 : 0, new Date().toISOString());
    record(ws, 'score', null, canonical, { selfScore: next.selfScore, explanation: next.explanation, notApplicable: next.notApplicable }, opts);
  })();
  return next;
}

export function scoreOf(ws: Workspace, code: string): ScoreRow {
  const row = ws.db.prepare('SELECT self_score, explanation, not_applicable FROM scores WHERE criterion_code = ?').get(code) as
    | { self_score: number | null; explanation: string | null; not_applicable: number }
    | undefined;
  return { code, selfScore: row?.self_score ?? null, explanation: row?.explanation ?? null, notApplicable: row?.not_applicable === 1 };
}

export function allScores(ws: Workspace): Map<string, ScoreRow> {
  const rows = ws.db.prepare('SELECT criterion_code, self_score, explanation, not_applicable FROM scores').all() as {
    criterion_code: string;
    self_score: number | null;
    explanation: string | null;
    not_applicable: number;
  }[];
  return new Map(
    rows.map((r) => [r.criterion_code, { code: r.criterion_code, selfScore: r.self_score, explanation: r.explanation, notApplicable: r.not_applicable === 1 }]),
  );
}

/** The append-only history, newest first. */
export function historyOf(ws: Workspace, filter: { code?: string; sha256?: string; limit?: number } = {}): HistoryEntry[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.code) {
    where.push('criterion_code = ?');
    params.push(filter.code);
  }
  if (filter.sha256) {
    where.push('sha256 = ?');
    params.push(filter.sha256);
  }
  params.push(filter.limit ?? 200);
  const rows = ws.db
    .prepare(`SELECT id, at, actor, action, sha256, criterion_code, detail FROM history ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...params) as { id: number; at: string; actor: string; action: string; sha256: string | null; criterion_code: string | null; detail: string }[];
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, sha256: r.sha256, criterionCode: r.criterion_code, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
