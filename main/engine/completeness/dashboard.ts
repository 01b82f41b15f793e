// The dashboard's projection of the completeness (`status:dashboard`): what the dashboard draws,
// computed from computeStatus so both always agree, without the per-document lists (shared/dashboard.ts).
import { DASHBOARD_PROBLEMS, type DashboardAreaJson, type DashboardCriterionJson, type DashboardJson } from '../../../shared/dashboard.js';
import type { CriterionStatusJson, StatusJson } from '../../../shared/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { computeStatus } from './status.js';

function criterionOf(c: CriterionStatusJson): DashboardCriterionJson {
  return {
    code: c.code,
    title: c.title,
    parent: c.parent,
    status: c.status,
    pendingConfirmation: c.pendingConfirmation,
    required: c.required,
    satisfied: c.satisfied,
    maxPoints: c.maxPoints,
    selfScore: c.selfScore,
    appraisedScore: c.appraisedScore,
    problemCount: c.problems.length,
    problems: c.problems.slice(0, DASHBOARD_PROBLEMS).map((p) => ({ kind: p.kind, documentId: p.documentId, params: p.params })),
    requests: c.requests.map((r) => ({ id: r.id, note: r.note })),
  };
}

/** Per area (a criterion without parent): its leaf criteria (under its code, without children) by status. */
export function areasOf(criteria: readonly CriterionStatusJson[]): DashboardAreaJson[] {
  const parents = new Set(criteria.map((c) => c.parent).filter((p): p is string => p !== null));
  const leaves = criteria.filter((c) => !parents.has(c.code));
  return criteria
    .filter((c) => c.parent === null)
    .map((a) => {
      const mine = leaves.filter((l) => l.code.startsWith(`${a.code}.`));
      const count = (s: CriterionStatusJson['status']): number => mine.filter((l) => l.status === s).length;
      return { code: a.code, title: a.title, leaves: mine.length, complete: count('complete'), partial: count('partial'), missing: count('missing'), notApplicable: count('not-applicable') };
    });
}

export function dashboardOf(status: StatusJson): DashboardJson {
  return { pack: status.pack, unit: status.unit, summary: status.summary, areas: areasOf(status.criteria), criteria: status.criteria.map(criterionOf) };
}

export function computeDashboard(ws: Workspace): DashboardJson {
  return dashboardOf(computeStatus(ws));
}
