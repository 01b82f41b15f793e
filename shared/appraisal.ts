// The appraisal round trip by files (issue 15, CONTRACTS.md §7): the unit's submissions, the
// Sở Nội vụ's appraisal workspace and the decisions file that goes back to the unit.

/** An exported bundle as the unit submitted it (`kiemchung submissions WS --json`). */
export interface SubmissionJson {
  id: number;
  /** The đợt label: "Đợt 1", or what `export --batch` named it. */
  batch: string;
  createdAt: string;
  sha256: string;
  path: string;
  file: string;
  bytes: number;
  /** The bundle it supplements (`export --since`), null for a full bundle. */
  since: { id: number | null; sha256: string; batch: string | null } | null;
  criteria: number;
  documents: number;
  withdrawn: number;
  /** Appraisal requests this supplement answers. */
  answers: number;
}

export type RequestKind = 'explain' | 'supplement';
export type AppraisalDecision = 'accepted' | 'rejected';

/** A request of the appraiser (giải trình / bổ sung), as both sides show it. */
export interface AppraisalRequestJson {
  id: string;
  code: string;
  kind: RequestKind;
  note: string;
  /** ISO date, or null. */
  due: string | null;
  /** The round (1 = the first bundle) during which it was asked. */
  round: number;
  createdAt: string;
  status: 'open' | 'answered';
  /** The round whose supplement answered it. */
  answeredRound: number | null;
  /** Appraisal side: the supplement's entry paths that answer it. */
  answeredBy: string[];
}

export interface AppraisalEvidenceJson {
  round: number;
  path: string;
  sha256: string;
  number: string | null;
  type: string | null;
  date: string | null;
  title: string | null;
  issuer: string | null;
  pages: number | null;
  signatures: number;
  /** The unit's own review of it. */
  review: string | null;
  change: 'added' | 'changed' | null;
  /** Request ids this document answers (a supplement's manifest says so). */
  answers: string[];
  /** The round whose supplement withdrew it, or null. */
  withdrawnRound: number | null;
  decision: { decision: AppraisalDecision; note: string | null } | null;
}

export interface AppraisalCriterionJson {
  code: string;
  title: string;
  parent: string | null;
  maxPoints: number | null;
  selfScore: number | null;
  explanation: string | null;
  status: string | null;
  appraisedScore: number | null;
  note: string | null;
  evidence: AppraisalEvidenceJson[];
  requests: AppraisalRequestJson[];
}

export interface AppraisalRoundJson {
  round: number;
  file: string;
  path: string;
  sha256: string;
  createdAt: string | null;
  openedAt: string;
  since: string | null;
  batch: string | null;
  evidence: number;
  withdrawn: number;
  answered: string[];
}

/** `kiemchung appraisal status AWS --json`. */
export interface AppraisalStatusJson {
  kind: 'appraisal';
  dir: string;
  unit: string | null;
  year: number | null;
  pack: { id: string; name: string };
  rounds: AppraisalRoundJson[];
  summary: {
    criteria: number;
    scored: number;
    maxPoints: number | null;
    selfScore: number | null;
    appraisedScore: number | null;
    documents: number;
    accepted: number;
    rejected: number;
    undecided: number;
    requests: { open: number; answered: number };
  };
  criteria: AppraisalCriterionJson[];
}

/** `kiemchung appraisal open BUNDLE.zip AWS --json`. */
export interface AppraisalOpenJson {
  dir: string;
  round: number;
  sha256: string;
  file: string;
  supplement: boolean;
  criteria: number;
  evidence: number;
  withdrawn: number;
  /** Request ids the supplement answers. */
  answered: string[];
}

export interface AppraisalScoreJson {
  code: string;
  points: number;
  maxPoints: number | null;
  note: string | null;
}

export interface AppraisalDecideJson {
  code: string;
  path: string;
  sha256: string;
  decision: AppraisalDecision;
  note: string | null;
}

/** The decisions file (`appraisal export AWS --out DECISIONS.json`), format kiemchung-decisions. */
export interface DecisionsFile {
  format: 'kiemchung-decisions';
  version: 1;
  createdAt: string;
  app: { name: string; version: string };
  unit: string | null;
  year: number | null;
  pack: { id: string; name: string };
  /** The first bundle (round 1): what the whole appraisal is about. */
  bundle: { sha256: string; file: string; createdAt: string | null };
  rounds: { round: number; sha256: string; file: string; createdAt: string | null; since: string | null }[];
  scores: { code: string; title: string; maxPoints: number | null; selfScore: number | null; points: number; note: string | null }[];
  decisions: { code: string; path: string; sha256: string; sourceRelPath: string | null; decision: AppraisalDecision; note: string | null }[];
  requests: AppraisalRequestJson[];
  totals: { maxPoints: number | null; selfScore: number | null; appraisedScore: number | null };
}

export interface AppraisalExportJson {
  out: string;
  xlsx: string;
  sha256: string;
  rounds: number;
  scores: number;
  decisions: number;
  requests: { open: number; answered: number };
}

/** `kiemchung decisions import WS DECISIONS.json --json`. */
export interface DecisionsImportJson {
  file: string;
  bundle: string;
  rounds: number;
  scores: number;
  decisions: number;
  requests: { open: number; answered: number; new: number };
  /** Open requests per office (the pack's responsible cell; null when the criterion names none). */
  offices: { office: string | null; requests: string[] }[];
  /** Scores, decisions or requests for codes the workspace's pack lacks: skipped, each named. */
  warnings: string[];
}

/** Per criterion in `status --json` after a decisions import (open requests only). */
export interface OpenRequestJson {
  id: string;
  kind: RequestKind;
  note: string;
  due: string | null;
  round: number;
  office: string | null;
}
