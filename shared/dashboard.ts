// What the dashboard shows and nothing more (`status:dashboard`, `kiemchung status WS --dashboard
// --json`): the summary, one bar per area and the criteria tree, without the documents, slots,
// notes and duplicate groups of `status:get` (megabytes at 5,000 documents). Every count is exact;
// only the problems' detail (a tooltip) is cut to the first DASHBOARD_PROBLEMS of each criterion.
import type { CriterionProblem, CriterionStatusJson, StatusJson } from './types.js';

/** Problems worded in a criterion's tooltip; `problemCount` counts them all. */
export const DASHBOARD_PROBLEMS = 5;

export interface DashboardCriterionJson {
  code: string;
  title: string;
  parent: string | null;
  status: CriterionStatusJson['status'];
  pendingConfirmation: number;
  required: number;
  satisfied: number;
  maxPoints: number | null;
  selfScore: number | null;
  appraisedScore: number | null;
  /** Every problem of the criterion, counted. */
  problemCount: number;
  /** The first DASHBOARD_PROBLEMS of them, without the English message (the renderer words kind and params). */
  problems: Pick<CriterionProblem, 'kind' | 'documentId' | 'params'>[];
  /** The appraiser's open requests: id and note (the tooltip). */
  requests: { id: string; note: string }[];
}

/** One area (a top-level criterion): how many of its leaf criteria are in each status. */
export interface DashboardAreaJson {
  code: string;
  title: string;
  leaves: number;
  complete: number;
  partial: number;
  missing: number;
  notApplicable: number;
}

export interface DashboardJson {
  pack: StatusJson['pack'];
  unit: string | null;
  summary: StatusJson['summary'];
  areas: DashboardAreaJson[];
  /** In the order of `status:get` (the renderer sorts the tree by code). */
  criteria: DashboardCriterionJson[];
}

/** `docs:counts` (`kiemchung docs WS --counts --json`): the nav badge and the status bar, without the rows. */
export interface DocumentCountsJson {
  /** Every indexed document. */
  total: number;
  /** Documents that could not be read (an error kind: damaged, encrypted, …). */
  unreadable: number;
  /** Documents linked to no criterion. */
  unassigned: number;
  /** Items of the confirmation queue (`docs:queue`): documents whose number or date a person must confirm. */
  queue: number;
}
