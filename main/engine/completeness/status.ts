// Completeness per slot, criterion, area and overall (CONTRACTS.md §3). Leaf criteria carry the
// evidence; a parent's status, documents and points roll up from its children.
import { childrenOf, compareCodes, leafCriteria, type Criterion, type EvidenceSlot } from '../../../shared/pack.js';
import type { CriterionProblem, CriterionStatus, CriterionStatusJson, ReviewStatus, SlotStatusJson, StatusJson } from '../../../shared/types.js';
import { allScores, type ScoreRow } from '../review/review.js';
import type { ContentRow } from '../scan/document-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { checkEvidence, vnDate, type EvidenceFacts } from './evidence-checks.js';

type LinkFacts = Pick<ContentRow, 'error_kind' | 'error_message' | 'kind' | 'text_quality' | 'ocr' | 'signatures'> & {
  document_id: string;
  criterion_code: string;
  slot_id: string | null;
  rel_path: string;
  date: string | null;
  status: Exclude<ReviewStatus, 'pending'> | null;
  note: string | null;
};

const LINKS_SQL = `
  SELECT l.document_id, l.criterion_code, l.slot_id, d.rel_path, d.date, c.error_kind, c.error_message, c.kind,
         c.text_quality, c.ocr, c.signatures, rv.status, rv.note
  FROM links l JOIN documents d ON d.id = l.document_id JOIN contents c ON c.sha256 = d.sha256
  LEFT JOIN reviews rv ON rv.sha256 = d.sha256 AND rv.criterion_code = l.criterion_code`;

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
    review: l.status ?? 'pending',
    note: l.note,
  };
}

function leafStatus(c: Criterion, links: LinkFacts[], year: number | null, score: ScoreRow | undefined): CriterionStatusJson {
  const problems: CriterionProblem[] = [];
  // A criterion without named slots expects one piece of evidence.
  const slots: EvidenceSlot[] = c.evidence.length > 0 ? c.evidence : [{ id: `${c.code}#`, label: c.title, types: [], keywords: [], minCount: 1, due: null }];
  const slotStatus: SlotStatusJson[] = slots.map((s) => ({ id: s.id, label: s.label, types: s.types, minCount: s.minCount, due: s.due ?? c.due, satisfied: false, valid: 0, documents: [] }));
  const counted = new Map<string, number>();
  for (const l of links) {
    const slot = slotStatus.find((s) => s.id === l.slot_id) ?? slotStatus[0];
    if (!slot) continue;
    slot.documents.push(l.document_id);
    const verdict = checkEvidence(facts(l), year, slot.due);
    problems.push(...verdict.problems);
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
      problems.push({ kind: 'no-evidence', documentId: null, message: `'${s.label}': ${what}${due}` });
    }
  }
  const documents = [...new Set(links.map((l) => l.document_id))];
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
  };
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

function rollUp(c: Criterion, children: CriterionStatusJson[], score: ScoreRow | undefined): CriterionStatusJson {
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
  };
}

export function computeStatus(ws: Workspace): StatusJson {
  const pack = ws.pack();
  const settings = ws.settings();
  const year = settings.year ?? pack.year;
  const scores = allScores(ws);
  const linksByCode = new Map<string, LinkFacts[]>();
  for (const l of ws.db.prepare(LINKS_SQL).all() as LinkFacts[]) {
    const list = linksByCode.get(l.criterion_code);
    if (list) list.push(l);
    else linksByCode.set(l.criterion_code, [l]);
  }

  const byCode = new Map<string, CriterionStatusJson>();
  const visit = (c: Criterion): CriterionStatusJson => {
    const kids = childrenOf(pack, c.code);
    const s = kids.length === 0 ? leafStatus(c, linksByCode.get(c.code) ?? [], year, scores.get(c.code)) : rollUp(c, kids.map(visit), scores.get(c.code));
    byCode.set(c.code, s);
    return s;
  };
  const roots = pack.criteria.filter((c) => c.parent === null || !pack.criteria.some((p) => p.code === c.parent));
  const top = roots.map(visit);
  const leaves = leafCriteria(pack).map((c) => byCode.get(c.code)).filter((s): s is CriterionStatusJson => s !== undefined);

  const counts = ws.db
    .prepare(
      `SELECT COUNT(*) AS documents,
              SUM(CASE WHEN c.error_kind IS NOT NULL THEN 1 ELSE 0 END) AS errors,
              SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id) THEN 1 ELSE 0 END) AS unassigned
       FROM documents d JOIN contents c ON c.sha256 = d.sha256`,
    )
    .get() as { documents: number; errors: number | null; unassigned: number | null };
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
      errors: counts.errors ?? 0,
      unassigned: counts.unassigned ?? 0,
      maxPoints: sumKnown(top.map((t) => t.maxPoints)) ?? 0,
      selfScore: sumKnown(top.map((t) => t.selfScore)) ?? 0,
      estimatedPoints: sumKnown(top.map((t) => t.estimatedPoints)) ?? 0,
      pointsAtRisk: sumKnown(top.map((t) => t.pointsAtRisk)) ?? 0,
    },
    criteria: [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code)),
    notes: notesOf(ws),
    duplicates: duplicateGroups(ws),
  };
}

function notesOf(ws: Workspace): StatusJson['notes'] {
  const rows = ws.db
    .prepare(
      `SELECT n.document_id, d.rel_path, n.kind, n.code, n.message FROM classify_notes n JOIN documents d ON d.id = n.document_id
       ORDER BY d.rel_path`,
    )
    .all() as { document_id: string; rel_path: string; kind: StatusJson['notes'][number]['kind']; code: string | null; message: string }[];
  return rows.map((r) => ({ documentId: r.document_id, relPath: r.rel_path, kind: r.kind, code: r.code, message: r.message }));
}

/** Same bytes in several places, and the same number + date in different files (another scan). */
function duplicateGroups(ws: Workspace): StatusJson['duplicates'] {
  const sameBytes = ws.db
    .prepare('SELECT sha256 AS key, group_concat(id) AS ids FROM documents GROUP BY sha256 HAVING COUNT(*) > 1')
    .all() as { key: string; ids: string }[];
  const sameDocument = ws.db
    .prepare(
      `SELECT number || ' ' || date AS key, group_concat(id) AS ids FROM documents
       WHERE number IS NOT NULL AND date IS NOT NULL
       GROUP BY lower(number), date HAVING COUNT(DISTINCT sha256) > 1`,
    )
    .all() as { key: string; ids: string }[];
  return [
    ...sameBytes.map((g) => ({ kind: 'same-bytes' as const, key: g.key, documents: g.ids.split(',') })),
    ...sameDocument.map((g) => ({ kind: 'same-document' as const, key: g.key, documents: g.ids.split(',') })),
  ];
}
