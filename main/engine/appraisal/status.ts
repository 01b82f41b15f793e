// kiemchung appraisal status AWS: the appraisal workspace as the appraiser sees it, per criterion
// the unit's self-score and evidence (every round), the appraised score, the decisions and the
// requests with what answered them.
import type { AppraisalCriterionJson, AppraisalEvidenceJson, AppraisalRequestJson, AppraisalStatusJson } from '../../../shared/appraisal.js';
import { compareCodes } from '../../../shared/pack.js';
import type { ManifestEvidence } from '../bundle/types.js';
import type { AppraisalRequestRow } from '../db/stores/appraisal-requests.js';
import type { AppraisalWorkspace } from './workspace.js';

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.round(known.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

/** "1.3.2" → "1.3" when the bundle has that criterion (manifests list criteria without parents). */
export function parentOf(code: string, codes: ReadonlySet<string>): string | null {
  const parts = code.split('.');
  while (parts.length > 1) {
    parts.pop();
    const p = parts.join('.');
    if (codes.has(p)) return p;
  }
  return null;
}

export function requestJson(r: AppraisalRequestRow): AppraisalRequestJson {
  const answer = r.answer ? (JSON.parse(r.answer) as { evidence?: string[] }) : null;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    note: r.note,
    due: r.due,
    round: r.round,
    createdAt: r.created_at,
    status: r.answered_round === null ? 'open' : 'answered',
    answeredRound: r.answered_round,
    answeredBy: answer?.evidence ?? [],
  };
}

export function appraisalStatus(aws: AppraisalWorkspace): AppraisalStatusJson {
  const rounds = aws.reader.rounds.all();
  const rows = aws.reader.criteria.all();
  const codes = new Set(rows.map((c) => c.code));
  const scores = aws.reader.scores.all();
  const decisions = new Map(aws.reader.decisions.all().map((d) => [`${d.sha256}\n${d.code}`, d]));
  const requests = aws.reader.requests.all();
  const evidenceByCode = new Map<string, AppraisalEvidenceJson[]>();
  for (const e of aws.reader.evidence.all()) {
    const m = JSON.parse(e.json) as Partial<ManifestEvidence>;
    const d = decisions.get(`${e.sha256}\n${e.code}`);
    const item: AppraisalEvidenceJson = {
      round: e.round,
      path: e.path,
      sha256: e.sha256,
      number: m.number ?? null,
      type: m.type ?? null,
      date: m.date ?? null,
      title: m.title ?? null,
      issuer: m.issuer ?? null,
      pages: m.pages ?? null,
      signatures: m.signatures ?? 0,
      review: m.review?.status ?? null,
      change: m.change ?? null,
      answers: JSON.parse(e.answers) as string[],
      withdrawnRound: e.withdrawn_round,
      decision: d ? { decision: d.decision, note: d.note } : null,
    };
    const list = evidenceByCode.get(e.code);
    if (list) list.push(item);
    else evidenceByCode.set(e.code, [item]);
  }
  const children = new Map<string, string[]>();
  for (const c of rows) {
    const p = parentOf(c.code, codes);
    if (p) children.set(p, [...(children.get(p) ?? []), c.code]);
  }
  const appraised = (code: string): number | null => {
    const own = scores.get(code)?.points;
    if (own !== undefined) return own;
    const kids = children.get(code) ?? [];
    return kids.length > 0 ? sumKnown(kids.map(appraised)) : null;
  };
  const criteria: AppraisalCriterionJson[] = rows
    .map((c) => ({
      code: c.code,
      title: c.title,
      parent: parentOf(c.code, codes),
      maxPoints: c.max_points,
      selfScore: c.self_score,
      explanation: c.explanation,
      status: c.status,
      appraisedScore: appraised(c.code),
      note: scores.get(c.code)?.note ?? null,
      evidence: (evidenceByCode.get(c.code) ?? []).sort((a, b) => a.round - b.round || (a.path < b.path ? -1 : 1)),
      requests: requests.filter((r) => r.code === c.code).map(requestJson),
    }))
    .sort((a, b) => compareCodes(a.code, b.code));
  const top = criteria.filter((c) => c.parent === null);
  const current = criteria.flatMap((c) => c.evidence.filter((e) => e.withdrawnRound === null));
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const evidenceRows = [...evidenceByCode.values()].flat();
  return {
    kind: 'appraisal',
    dir: aws.dir,
    unit: last?.unit ?? null,
    year: last?.year ?? null,
    pack: { id: first?.pack_id ?? '', name: first?.pack_name ?? '' },
    rounds: rounds.map((r) => ({
      round: r.round,
      file: r.file,
      path: r.path,
      sha256: r.sha256,
      createdAt: r.created_at,
      openedAt: r.opened_at,
      since: r.since_sha256,
      batch: r.batch,
      evidence: evidenceRows.filter((e) => e.round === r.round).length,
      withdrawn: evidenceRows.filter((e) => e.withdrawnRound === r.round).length,
      answered: requests.filter((q) => q.answered_round === r.round).map((q) => q.id),
    })),
    summary: {
      criteria: criteria.length,
      scored: scores.size,
      maxPoints: sumKnown(top.map((c) => c.maxPoints)),
      selfScore: sumKnown(top.map((c) => c.selfScore)),
      appraisedScore: sumKnown(top.map((c) => c.appraisedScore)),
      documents: current.length,
      accepted: current.filter((e) => e.decision?.decision === 'accepted').length,
      rejected: current.filter((e) => e.decision?.decision === 'rejected').length,
      undecided: current.filter((e) => e.decision === null).length,
      requests: { open: requests.filter((r) => r.answered_round === null).length, answered: requests.filter((r) => r.answered_round !== null).length },
    },
    criteria,
  };
}
