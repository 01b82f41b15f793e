// Completeness per slot, criterion, area and overall (CONTRACTS.md §3). Leaf criteria carry the
// evidence; a parent's status, documents and points roll up from its children.
import { childrenOf, compareCodes, leafCriteria, type Criterion, type EvidenceSlot } from '../../../shared/pack.js';
import type { OpenRequestJson } from '../../../shared/appraisal.js';
import type { CriterionProblem, CriterionStatus, CriterionStatusJson, SlotStatusJson, StatusJson } from '../../../shared/types.js';
import type { LinkEvidence } from '../db/stores/links.js';
import type { ScoreRow } from '../db/stores/scores.js';
import { duplicatesOf } from '../query/duplicates.js';
import { kept } from '../query/kept.js';
import type { Workspace } from '../workspace/workspace.js';
import { appraisalRejections, rejectionKey, type AppraisalRejections } from './appraisal-rejections.js';
import { checkEvidence, vnDate, type EvidenceFacts } from './evidence-checks.js';

/** A link with its decision and the facts of the document it links. */
type LinkFacts = LinkEvidence;

/** Most documents carry no signature: their '[]' is not parsed 60,000 times. */
const NO_SIGNATURES: EvidenceFacts['signatureChecks'] = [];

function facts(l: LinkFacts): EvidenceFacts {
  return {
    id: l.document_id,
    relPath: l.rel_path,
    date: l.date,
    errorKind: l.error_kind,
    errorMessage: l.error_message,
    kind: l.kind,
    textQuality: l.text_quality,
    ocr: l.ocr === 1,
    signatures: l.signatures,
    signatureChecks: l.signatures_json === '[]' ? NO_SIGNATURES : (JSON.parse(l.signatures_json) as EvidenceFacts['signatureChecks']),
    review: l.status ?? 'pending',
    note: l.note,
  };
}

/** What came back from the appraisal (decisions import, issue 15), per criterion code. */
interface Appraisal {
  scores: Map<string, { points: number; note: string | null }>;
  requests: Map<string, OpenRequestJson[]>;
  documents: Map<string, CriterionStatusJson['appraisedDocuments']>;
  rejected: AppraisalRejections;
}

function appraisalOf(ws: Workspace, responsible: Map<string, string | null>): Appraisal {
  const requests = new Map<string, OpenRequestJson[]>();
  for (const t of ws.reader.appraisalTasks.open()) {
    const r: OpenRequestJson = { id: t.id, kind: t.kind, note: t.note, due: t.due, round: t.round, office: responsible.get(t.code) ?? null };
    requests.set(t.code, [...(requests.get(t.code) ?? []), r]);
  }
  const documents = new Map<string, CriterionStatusJson['appraisedDocuments']>();
  // The appraisal names documents by content: the first document holding it here, if any still does.
  for (const d of ws.reader.appraisedDocuments.all()) {
    const item = { documentId: ws.reader.documents.idsWithSha(d.sha256)[0] ?? null, path: d.path, decision: d.decision, note: d.note };
    documents.set(d.code, [...(documents.get(d.code) ?? []), item]);
  }
  return { scores: ws.reader.appraisedScores.all(), requests, documents, rejected: appraisalRejections(ws) };
}

function leafStatus(c: Criterion, links: LinkFacts[], year: number | null, score: ScoreRow | undefined, appraisal: Appraisal): CriterionStatusJson {
  const problems: CriterionProblem[] = [];
  // A criterion without named slots expects one piece of evidence.
  const slots: EvidenceSlot[] = c.evidence.length > 0 ? c.evidence : [{ id: `${c.code}#`, label: c.title, types: [], keywords: [], minCount: 1, due: null }];
  const slotStatus: SlotStatusJson[] = slots.map((s) => ({ id: s.id, label: s.label, types: s.types, minCount: s.minCount, due: s.due ?? c.due, satisfied: false, valid: 0, documents: [] }));
  const counted = new Map<string, number>();
  const slotById = new Map(slotStatus.map((s) => [s.id, s]));
  const rejected = appraisal.rejected.size > 0 ? appraisal.rejected : null;
  for (const l of links) {
    const slot = (l.slot_id !== null ? slotById.get(l.slot_id) : undefined) ?? slotStatus[0];
    if (!slot) continue;
    slot.documents.push(l.document_id);
    const verdict = checkEvidence(facts(l), year, slot.due, rejected?.get(rejectionKey(c.code, l.document_id)) ?? null);
    for (const p of verdict.problems) problems.push(p);
    if (verdict.counts) counted.set(slot.id, (counted.get(slot.id) ?? 0) + 1);
  }
  let required = 0;
  let satisfied = 0;
  for (const s of slotStatus) {
    s.valid = counted.get(s.id) ?? 0;
    s.satisfied = s.valid >= s.minCount;
    if (s.minCount === 0) continue;
    required++;
    if (s.satisfied) satisfied++;
    else {
      const due = s.due ? ` (due ${vnDate(s.due)})` : '';
      const what = s.valid > 0 ? `${s.valid} of ${s.minCount} valid document(s)` : 'no valid evidence';
      problems.push({ kind: 'no-evidence', documentId: null, message: `'${s.label}': ${what}${due}`, params: { label: s.label, valid: s.valid, minCount: s.minCount, ...(s.due ? { due: s.due } : {}) } });
    }
  }
  const documents = [...new Set(links.map((l) => l.document_id))];
  const undated = new Set<string | null>();
  for (const p of problems) if (p.kind === 'undated') undated.add(p.documentId);
  const pendingConfirmation = undated.size;
  let status: CriterionStatus;
  if (score?.notApplicable) status = 'not-applicable';
  else if (satisfied >= required) status = 'complete';
  else if (satisfied > 0 || documents.length > 0) status = 'partial';
  else status = 'missing';
  const estimated = c.maxPoints === null || status === 'not-applicable' ? null : required === 0 ? c.maxPoints : (c.maxPoints * satisfied) / required;
  return {
    code: c.code,
    title: c.title,
    parent: c.parent,
    maxPoints: c.maxPoints,
    selfScore: score?.selfScore ?? null,
    explanation: score?.explanation ?? null,
    status,
    required,
    satisfied,
    documents,
    problems,
    responsible: c.responsible,
    slots: slotStatus,
    estimatedPoints: estimated,
    pointsAtRisk: estimated === null || c.maxPoints === null ? null : c.maxPoints - estimated,
    pendingConfirmation,
    appraisedScore: appraisal.scores.get(c.code)?.points ?? null,
    appraisalNote: appraisal.scores.get(c.code)?.note ?? null,
    requests: appraisal.requests.get(c.code) ?? [],
    appraisedDocuments: appraisal.documents.get(c.code) ?? [],
  };
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

function rollUp(c: Criterion, children: CriterionStatusJson[], score: ScoreRow | undefined, appraisal: Appraisal): CriterionStatusJson {
  const active = children.filter((k) => k.status !== 'not-applicable');
  let status: CriterionStatus;
  if (score?.notApplicable || (children.length > 0 && active.length === 0)) status = 'not-applicable';
  else if (active.every((k) => k.status === 'complete')) status = 'complete';
  else if (active.every((k) => k.status === 'missing')) status = 'missing';
  else status = 'partial';
  const maxPoints = c.maxPoints ?? sumKnown(children.map((k) => k.maxPoints));
  const estimated = sumKnown(active.map((k) => k.estimatedPoints));
  return {
    code: c.code,
    title: c.title,
    parent: c.parent,
    maxPoints,
    selfScore: score?.selfScore ?? sumKnown(children.map((k) => k.selfScore)),
    explanation: score?.explanation ?? null,
    status,
    required: active.reduce((n, k) => n + k.required, 0),
    satisfied: active.reduce((n, k) => n + k.satisfied, 0),
    documents: [...new Set(children.flatMap((k) => k.documents))],
    problems: [],
    responsible: c.responsible,
    slots: [],
    estimatedPoints: estimated,
    pointsAtRisk: sumKnown(active.map((k) => k.pointsAtRisk)),
    pendingConfirmation: active.reduce((n, k) => n + k.pendingConfirmation, 0),
    appraisedScore: appraisal.scores.get(c.code)?.points ?? sumKnown(children.map((k) => k.appraisedScore)),
    appraisalNote: appraisal.scores.get(c.code)?.note ?? null,
    requests: appraisal.requests.get(c.code) ?? [],
    appraisedDocuments: appraisal.documents.get(c.code) ?? [],
  };
}

/**
 * The workspace's status, computed once per change of the database (query/kept.ts): the same
 * value until the next write, shared by every caller (who must not change it).
 */
export function computeStatus(ws: Workspace): StatusJson {
  return kept(ws, 'status', () => computeStatusNow(ws));
}

/** The status computed now from the database, never kept (benchmarks, tests). */
export function computeStatusNow(ws: Workspace): StatusJson {
  const pack = ws.pack();
  const settings = ws.settings();
  const year = settings.year ?? pack.year;
  const scores = ws.reader.scores.all();
  // One read of every link with its document's facts (not every document's whole row).
  const linksByCode = new Map<string, LinkFacts[]>();
  for (const l of ws.reader.links.evidence()) {
    const list = linksByCode.get(l.criterion_code);
    if (list) list.push(l);
    else linksByCode.set(l.criterion_code, [l]);
  }

  const appraisal = appraisalOf(ws, new Map(pack.criteria.map((c) => [c.code, c.responsible])));
  const byCode = new Map<string, CriterionStatusJson>();
  const visit = (c: Criterion): CriterionStatusJson => {
    const kids = childrenOf(pack, c.code);
    const s = kids.length === 0 ? leafStatus(c, linksByCode.get(c.code) ?? [], year, scores.get(c.code), appraisal) : rollUp(c, kids.map(visit), scores.get(c.code), appraisal);
    byCode.set(c.code, s);
    return s;
  };
  const roots = pack.criteria.filter((c) => c.parent === null || !pack.criteria.some((p) => p.code === c.parent));
  const top = roots.map(visit);
  const leaves = leafCriteria(pack).map((c) => byCode.get(c.code)).filter((s): s is CriterionStatusJson => s !== undefined);

  const counts = ws.reader.documents.counts();
  const count = (s: CriterionStatus): number => leaves.filter((l) => l.status === s).length;

  return {
    pack: { id: pack.id, name: pack.name, year },
    unit: settings.unit,
    summary: {
      criteria: leaves.length,
      complete: count('complete'),
      partial: count('partial'),
      missing: count('missing'),
      notApplicable: count('not-applicable'),
      documents: counts.documents,
      errors: counts.errors,
      unassigned: counts.unassigned,
      maxPoints: sumKnown(top.map((t) => t.maxPoints)) ?? 0,
      selfScore: sumKnown(top.map((t) => t.selfScore)) ?? 0,
      estimatedPoints: sumKnown(top.map((t) => t.estimatedPoints)) ?? 0,
      pointsAtRisk: sumKnown(top.map((t) => t.pointsAtRisk)) ?? 0,
      appraisedScore: sumKnown(top.map((t) => t.appraisedScore)),
      openRequests: [...appraisal.requests.values()].reduce((n, r) => n + r.length, 0),
    },
    criteria: [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code)),
    notes: notesOf(ws),
    duplicates: duplicatesOf(ws).groups(),
  };
}

function notesOf(ws: Workspace): StatusJson['notes'] {
  return ws.reader.notes.withPaths().map((r) => ({ documentId: r.document_id, relPath: r.rel_path, kind: r.kind, code: r.code, message: r.message }));
}
