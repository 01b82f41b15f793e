// The values API calls return and push events carry. Each is also what the CLI prints with
// --json for the same command (CONTRACTS.md), so the shapes follow the engine's results.
import type { CriteriaPack, Criterion, PackSummary } from './pack.js';
import type { BatchJson, WorkspaceSettingsJson } from './settings.js';
import type { CriterionStatusJson, DocumentJson, ErrorKind, ReviewStatus } from './types.js';
import type { PackProblemJson, WriterKind } from './api-errors.js';

export type { BatchJson, WorkspaceSettingsJson } from './settings.js';
export type { CriteriaPack, PackSummary };

export interface RecentWorkspace {
  dir: string;
  name: string;
  openedAt: string;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'web' | 'cli';
  appDataDir: string;
  platform: string;
  recent: RecentWorkspace[];
}

export interface RootJson {
  id: number;
  path: string;
  office: string | null;
  polling: boolean;
  addedAt: string;
}

export interface WorkspaceInfo {
  dir: string;
  pack: { id: string; name: string; year: number | null };
  criteria: number;
  roots: RootJson[];
  settings: WorkspaceSettingsJson;
}

/** `settings:get`: the stored settings and the batches in force (the defaults when none are set). */
export interface SettingsJson {
  settings: WorkspaceSettingsJson;
  batches: BatchJson[];
}

export interface PackImportJson {
  id: string;
  name: string;
  criteria: number;
  /** Rows imported with a remark (the pack is saved; the CLI prints them on stderr). */
  warnings: PackProblemJson[];
}

/** Scan phases as the engine reports them ('ocr-header': reading scans' headers; 'ocr-pages': full text). */
export type IndexPhase = 'idle' | 'listing' | 'indexing' | 'ocr-header' | 'ocr-pages' | 'classifying' | 'done';

export interface IndexProgress {
  running: boolean;
  phase: IndexPhase;
  current: number;
  total: number;
  path: string | null;
}

export interface ScanResultJson {
  roots: number;
  files: number;
  unchanged: number;
  indexed: number;
  reused: number;
  moved: number;
  removed: number;
  errors: { path: string; kind: ErrorKind; message: string }[];
  /** `kind`: what was skipped on purpose (a symbolic link, a name that is not UTF-8); absent for other problems. */
  problems: { path: string; message: string; kind?: 'skipped-symlink' | 'name-not-utf8' }[];
  /** Links to criteria after this scan (null when the scan was cancelled). */
  classification: { documents: number; linked: number; unassigned: number; links: number; notes: number } | null;
  durationMs: number;
  /** What OCR read in this scan. */
  ocr?: { headers: number; documents: number; pages: number; failed: { path: string; message: string }[]; durationMs: number };
  cancelled: boolean;
}

export interface CriterionDetail {
  criterion: Criterion;
  /** Children for a parent criterion (area); empty for a leaf. */
  children: Criterion[];
  status: CriterionStatusJson | null;
  documents: DocumentJson[];
}

/** `review:score`: a criterion's self-score, giải trình and whether it applies to the unit. */
export interface ScoreJson {
  code: string;
  selfScore: number | null;
  explanation: string | null;
  notApplicable: boolean;
}

/** One entry of the append-only history (who decided what, when), newest first. */
export interface HistoryEntryJson {
  id: number;
  at: string;
  actor: string;
  action: string;
  sha256: string | null;
  criterionCode: string | null;
  detail: Record<string, unknown>;
}

export interface MissingSlotJson {
  id: string;
  label: string;
  due: string | null;
  batch: string | null;
  have: number;
  need: number;
}

export interface MissingCriterionJson {
  code: string;
  title: string;
  status: CriterionStatusJson['status'];
  due: string | null;
  batch: string | null;
  slots: MissingSlotJson[];
  problems: CriterionStatusJson['problems'];
}

/** `offices:missing` (and `kiemchung missing --json`): what each office still owes, by batch. */
export interface MissingJson {
  year: number | null;
  batches: BatchJson[];
  offices: { office: string; criteria: MissingCriterionJson[]; slots: number }[];
}

export type VerifyProblemKind = 'zip' | 'name' | 'flags' | 'compression' | 'crc' | 'size' | 'duplicate' | 'checksum' | 'manifest' | 'missing' | 'unlisted';

export interface VerifyJson {
  ok: boolean;
  entries: number;
  problems: { path: string; kind: VerifyProblemKind; message: string }[];
}

/** `bundle:export` (and `kiemchung export --json`, which leaves out `verify`). */
export interface ExportResultJson {
  out: string;
  bytes: number;
  entries: number;
  criteria: number;
  documents: number;
  /** Links a reviewer rejected: left out of the bundle entirely. */
  rejectedLinks: number;
  /** Links to codes that are not leaf criteria of the pack: not exported. */
  skippedLinks: { documentId: string; code: string; reason: string }[];
  withdrawn: number;
  merged: { code: string; path: string; pages: number; omitted: number }[];
  durationMs: number;
  /** The bundle's SHA-256 and the submission it was recorded as (issue 15). */
  sha256: string;
  submission: { id: number; batch: string };
  /** Appraisal requests this supplement answers (0 for a full bundle). */
  answers: number;
  /** The bundle read back by the independent reader; null when the caller asked not to. */
  verify: VerifyJson | null;
}

/** Export phases: the engine's, then 'verifying' while the bundle is read back. */
export type BundlePhase = 'preparing' | 'reports' | 'merging' | 'originals' | 'finishing' | 'verifying';

export interface BundleProgress {
  phase: BundlePhase;
  current: number;
  total: number;
}

export interface ShellError {
  message: string;
  detail: string | null;
}

export type ReviewDecision = Exclude<ReviewStatus, 'pending'>;

/** The session's writer lock: who writes the database now and who waits (in order). */
export interface WriterState {
  running: WriterKind | null;
  waiting: WriterKind[];
}

/** Live watching of the open workspace's evidence folders (`watch:status`, call and event). */
export interface WatchStatus {
  /** off: no workspace (or watching failed to start); paused: by the user (remembered per session). */
  state: 'off' | 'starting' | 'watching' | 'paused';
  /** Folders watched, of which by polling; folders listed but missing right now. */
  folders: number;
  polling: number;
  missing: number;
  /** What the watcher does right now: applying a batch, reading scans (OCR), or nothing. */
  busy: 'batch' | 'ocr' | null;
  writers: WriterState;
  /** The last watch failure, if any (the watcher keeps going). */
  lastError: string | null;
}

/** Indexed data changed without a full scan (watch batch, OCR): views reload. */
export interface IndexChanged {
  indexed: number;
  moved: number;
  removed: number;
  ocr: number;
}

/** Why a document waits in the confirmation queue. */
export type ConfirmReason = 'number-blank' | 'number-low' | 'date-blank' | 'date-low' | 'outside-year';

/** `docs:queue` ("Cần xác nhận"): linked documents whose number or date a person should confirm. */
export interface ConfirmQueueJson {
  year: number | null;
  items: { document: DocumentJson; reasons: ConfirmReason[] }[];
}

// --- offices registry/reminders (issue 15) ----------------------------------------------------

/** One office (phòng ban) or group of offices ("Các phòng chuyên môn") of the registry. */
export interface OfficeJson {
  id: number;
  name: string;
  kind: 'office' | 'group';
  /** Other spellings that mean this office ("Văn phòng" for "Văn phòng Sở"). */
  aliases: string[];
  /** A group's offices (what it expands to); empty for an office. */
  members: string[];
  /** Evidence folders that belong to it. */
  folders: string[];
  /** Criteria it is responsible for (chủ trì). */
  criteria: number;
}

/** A merge that looks right but is not made without a person saying so. */
export interface OfficeProposalJson {
  office: string;
  into: string;
  reason: 'abbreviation' | 'contains';
}

/** `offices:list` and every registry edit. */
export interface OfficesJson {
  offices: OfficeJson[];
  proposals: OfficeProposalJson[];
}

/**
 * One thing an office still owes for a batch: evidence missing, a document rejected / to supplement
 * (by a reviewer here, or rejected by the appraiser), or an open appraisal request (giải trình /
 * bổ sung, with the appraiser's note and deadline).
 */
export interface ReminderItemJson {
  code: string;
  title: string;
  kind: 'missing' | 'rejected' | 'needs-supplement' | 'appraisal-rejected' | 'appraisal-request';
  /** The evidence slot's label (null for a criterion without slots). */
  slot: string | null;
  have: number | null;
  need: number | null;
  due: string | null;
  batch: string | null;
  /** Due before the reminder's date. */
  overdue: boolean;
  /** An appraisal request: what the appraiser asks for (giải trình or bổ sung). */
  request?: 'explain' | 'supplement';
  /** The document rejected or to supplement (relative path in its folder); null for a request. */
  document: string | null;
  note: string | null;
}

/** `offices:reminders`: per office, what is owed up to and including the chosen batch. */
export interface RemindersJson {
  unit: string | null;
  year: number | null;
  pack: string;
  province: string | null;
  /** The reminder's date (ISO, local). */
  asOf: string;
  batches: BatchJson[];
  /** The batch reminded (1-based number); null when the workspace has no batches. */
  batch: { number: number; label: string; due: string } | null;
  offices: { office: string; items: ReminderItemJson[] }[];
}

/** `offices:remind`: the file written (letters as .docx/.pdf, the list as .xlsx/.pdf). */
export interface RemindResultJson {
  out: string;
  format: 'docx' | 'pdf' | 'xlsx';
  kind: 'letters' | 'list';
  bytes: number;
  batch: RemindersJson['batch'];
  offices: number;
  items: number;
}
