// The ONE contract between the callers (renderer over Electron IPC or the loopback bridge, and the
// CLI) and the engine's handlers (main/api/). Calls are `domain:verb` → zod schema of the
// arguments (parsed in main: every argument is `unknown` until it passes) and the result type.
// Push events flow the other way. Results cross as `{ok:true,value} | {ok:false,error}` where the
// error is `{kind, params, message}` (shared/api-errors.ts): the renderer words it from kind and
// params, the CLI prints the message.
//
// The schemas check types and sizes; the engine checks meaning (a code in the pack, a score under
// the maximum, a date that exists), so the app and the CLI are refused in the same words.
import { z } from 'zod';
import type { PlanDraft } from './plan-draft.js';
import { isIsoDate, type CriteriaPack, type PackSummary } from './pack.js';
import { SettingsPatchSchema } from './settings.js';
import type { ApiResult } from './api-errors.js';
import type { AppraisalDecideJson, AppraisalExportJson, AppraisalOpenJson, AppraisalRequestJson, AppraisalScoreJson, AppraisalStatusJson, DecisionsImportJson, SubmissionJson } from './appraisal.js';
import type { CallName, EventName, FunctionNameOf, ListenerNameOf } from './api-names.js';
import type { DashboardJson, DocumentCountsJson } from './dashboard.js';
import type { DocumentJson, SearchHit, StatusJson } from './types.js';
import type { TrustJson } from './trust.js';
import type {
  AppInfo,
  BundleProgress,
  ConfirmQueueJson,
  CriterionDetail,
  ExportResultJson,
  HistoryEntryJson,
  IndexChanged,
  IndexProgress,
  MissingJson,
  OfficesJson,
  PackImportJson,
  RemindResultJson,
  RemindersJson,
  RootJson,
  ScanResultJson,
  ScoreJson,
  SettingsJson,
  ShellError,
  VerifyJson,
  WatchStatus,
  WorkspaceInfo,
} from './api-values.js';

export { CALL_NAMES, EVENT_NAMES, functionNameOf, isCallName, listenerNameOf, type CallName, type EventName } from './api-names.js';
export * from './api-errors.js';
export * from './api-values.js';
export * from './appraisal.js';
export * from './trust.js';

// ---------------------------------------------------------------------------------------------
// Call schemas

const absPath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'path contains a NUL character');
// Not a regex: the engine resolves codes against the pack (and says which codes it knows).
const code = z.string().trim().min(1).max(32);
const docRef = z.string().min(1).max(4096);
const packId = z.string().min(1).max(200);
const empty = z.object({}).strict();
/** `docs:list {brief: true}`: how many of a document's duplicates it lists. */
export const BRIEF_DUPLICATES = 3;
const shortText = z.string().max(2000);
const officeName = z.string().trim().min(1).max(300);
/** `packs:updateCriterion`: the fields of a criterion the app edits (the engine checks meaning). */
const criterionPatch = z
  .object({
    title: z.string().min(1).max(2000).optional(),
    maxPoints: z.number().min(0).max(1000).nullable().optional(),
    responsible: shortText.nullable().optional(),
    collaborators: shortText.nullable().optional(),
    evidence: z
      .array(
        z
          .object({
            id: z.string().max(64).nullable().optional(),
            label: z.string().min(1).max(2000),
            types: z.array(z.string().max(16)).max(50),
            keywords: z.array(z.string().max(200)).max(200),
            minCount: z.number().int().min(0).max(1000),
            due: z.string().max(10).nullable(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict();

/** `packs:saveDraft`: a plan's draft rows as the user fixed them in the preview. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => isIsoDate(s), 'not a real date');
const draftText = z.string().trim().max(2000).nullable();
const draftRow = z
  .object({
    code,
    parent: code.nullable(),
    title: z.string().trim().min(1).max(2000),
    responsible: draftText,
    collaborators: draftText,
    expectedResult: draftText,
    deadline: draftText,
    due: isoDay.nullable(),
    maxPoints: z.number().min(0).max(1000).nullable(),
  })
  .strict();
const draftPack = z
  .object({
    id: packId.regex(/^[a-z0-9][a-z0-9-]*$/, 'small letters, digits and dashes'),
    name: z.string().trim().min(1).max(300),
    year: z.number().int().min(2000).max(2100).nullable(),
    level: z.enum(['so', 'huyen', 'xa']).nullable(),
    unit: z.string().max(300).nullable(),
    source: z.string().max(500).nullable(),
    batches: z
      .array(z.object({ label: z.string().trim().min(1).max(100), due: isoDay, yearly: z.boolean() }).strict())
      .max(12)
      .optional(),
  })
  .strict();

export const callSchemas = {
  'app:info': empty,
  'dialog:pickFolder': z.object({ title: z.string().max(200).optional() }).strict(),
  'dialog:pickSaveFile': z.object({ title: z.string().max(200).optional(), defaultName: z.string().max(255).optional() }).strict(),
  'packs:list': empty,
  'packs:show': z.object({ id: packId }).strict(),
  'packs:import': z.object({ file: absPath }).strict(),
  /** A plan or decision document (.pdf with a text layer, .docx) read into a draft pack; `save` keeps it. */
  'packs:importPlan': z.object({ file: absPath, save: z.boolean().optional() }).strict(),
  /** The preview's fixed draft (rows kept, cells edited) saved as a pack in the user's library. */
  'packs:saveDraft': z.object({ pack: draftPack, rows: z.array(draftRow).min(1).max(2000) }).strict(),
  'packs:export': z.object({ id: packId, out: absPath }).strict(),
  'packs:workspace': empty,
  'packs:updateCriterion': z.object({ code, patch: criterionPatch }).strict(),
  'packs:use': z.object({ id: packId }).strict(),
  'packs:exportWorkspace': z.object({ out: absPath }).strict(),
  'workspace:current': empty,
  'workspace:create': z
    .object({
      dir: absPath,
      /** A built-in or imported pack id… */
      packId: packId.optional(),
      /** …or a pack file (.json/.csv/.xlsx) read for this workspace only. */
      packFile: absPath.optional(),
      year: z.number().int().min(2000).max(2100).nullable().optional(),
      unit: z.string().max(300).nullable().optional(),
    })
    .strict()
    .refine((a) => (a.packId === undefined) !== (a.packFile === undefined), { message: 'give packId or packFile', path: ['packId'] }),
  'workspace:open': z.object({ dir: absPath }).strict(),
  'workspace:sample': z.object({ documents: z.number().int().min(1).max(5000).optional() }).strict(),
  'workspace:close': empty,
  'settings:get': empty,
  'settings:update': SettingsPatchSchema,
  'roots:list': empty,
  'roots:add': z.object({ dir: absPath, office: z.string().max(200).nullable().optional(), polling: z.boolean().optional() }).strict(),
  'roots:remove': z.object({ dir: absPath }).strict(),
  // Trusted root certificates (issue 14): a .cer/.crt/.pem/.der file to add, a SHA-256 (or 8+ hex digits of it) to remove.
  'trust:list': empty,
  'trust:add': z.object({ path: absPath }).strict(),
  'trust:remove': z.object({ sha256: z.string().trim().min(8).max(64) }).strict(),
  'index:scan': z.object({ ocr: z.boolean().optional() }).strict(),
  'index:cancel': empty,
  'index:progress': empty,
  // brief: each document's `duplicates` lists at most BRIEF_DUPLICATES of them (a table's rows; `docs:get` has all, the facet is exact).
  'docs:list': z.object({ unassigned: z.boolean().optional(), errors: z.boolean().optional(), criterion: code.optional(), brief: z.boolean().optional() }).strict(),
  'docs:get': z.object({ ref: docRef }).strict(),
  'docs:previewUrl': z.object({ id: z.string().min(1).max(128) }).strict(),
  // Values as typed (a date as dd/mm/yyyy): the engine parses them strictly and names what it refuses.
  'docs:fix': z
    .object({
      doc: docRef,
      number: z.string().max(200).optional(),
      date: z.string().max(40).optional(),
      type: z.string().max(20).optional(),
      issuer: z.string().max(500).optional(),
      place: z.string().max(200).optional(),
      title: z.string().max(2000).optional(),
      clear: z.array(z.enum(['number', 'date', 'type', 'issuer', 'place', 'title'])).max(6).optional(),
    })
    .strict(),
  'docs:queue': empty,
  'docs:counts': empty,
  'search:query': z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  'status:get': empty,
  'status:dashboard': empty,
  'criterion:get': z.object({ code }).strict(),
  'review:assign': z.object({ doc: docRef, code }).strict(),
  'review:unassign': z.object({ doc: docRef, code }).strict(),
  'review:decide': z
    .object({ doc: docRef, code, decision: z.enum(['accepted', 'rejected', 'needs-supplement']), note: z.string().max(2000).nullable().optional() })
    .strict(),
  'review:score': z
    .object({ code, points: z.number().nullable(), explanation: z.string().max(5000).nullable().optional(), notApplicable: z.boolean().optional() })
    .strict(),
  'review:history': z.object({ code: code.optional(), doc: docRef.optional(), limit: z.number().int().min(1).max(100_000).optional() }).strict(),
  'offices:missing': z.object({ office: z.string().max(200).optional() }).strict(),
  // offices registry/reminders (issue 15): names are matched folded (marks and case ignored).
  'offices:list': empty,
  'offices:add': z.object({ name: officeName, group: z.boolean().optional() }).strict(),
  'offices:rename': z.object({ office: officeName, name: officeName }).strict(),
  'offices:merge': z.object({ office: officeName, into: officeName }).strict(),
  'offices:alias': z.object({ office: officeName, alias: officeName, remove: z.boolean().optional() }).strict(),
  'offices:members': z.object({ group: officeName, members: z.array(officeName).max(200) }).strict(),
  'offices:remove': z.object({ office: officeName }).strict(),
  'offices:setFolderOffice': z.object({ dir: absPath, office: officeName.nullable() }).strict(),
  /** `batch`: its number (1, 2, …) or label; default the current batch (first not yet due). */
  'offices:reminders': z.object({ office: officeName.optional(), batch: z.string().max(100).optional() }).strict(),
  /** The format follows `out`'s extension: .docx/.pdf letters (one per office), .xlsx the list; `kind: 'list'` with .pdf prints the list. */
  'offices:remind': z.object({ out: absPath, office: officeName.optional(), batch: z.string().max(100).optional(), kind: z.enum(['letters', 'list']).optional() }).strict(),
  // since: a previous bundle file; sinceSubmission: a submission's id, đợt label or SHA-256 prefix instead (issue 15).
  'bundle:export': z
    .object({
      out: absPath,
      since: absPath.optional(),
      sinceSubmission: z.string().trim().min(1).max(200).optional(),
      batch: z.string().trim().min(1).max(200).optional(),
      mergedPdf: z.boolean().optional(),
      verify: z.boolean().optional(),
    })
    .strict()
    .refine((a) => a.since === undefined || a.sinceSubmission === undefined, { message: 'give since or sinceSubmission, not both', path: ['sinceSubmission'] }),
  'bundle:verify': z.object({ file: absPath }).strict(),
  'bundle:cancel': empty,
  'watch:status': empty,
  'watch:pause': empty,
  'watch:resume': empty,
  'submissions:list': empty,
  'decisions:import': z.object({ file: absPath }).strict(),
  // The appraisal workspace is named by its folder in every call (the session's workspace is the unit's).
  'appraisal:open': z.object({ bundle: absPath, dir: absPath }).strict(),
  'appraisal:status': z.object({ dir: absPath }).strict(),
  // Points as typed ("7,5" or 7.5): the engine parses them (shared/parse-input.ts) and checks the maximum.
  'appraisal:score': z.object({ dir: absPath, code, points: z.union([z.number(), z.string().max(20)]), note: z.string().max(2000).nullable().optional() }).strict(),
  'appraisal:decide': z.object({ dir: absPath, doc: docRef, code, decision: z.enum(['accepted', 'rejected']), note: z.string().max(2000).nullable().optional() }).strict(),
  'appraisal:request': z
    .object({ dir: absPath, code, kind: z.enum(['explain', 'supplement']), note: z.string().trim().min(1).max(2000), due: z.string().max(40).nullable().optional() })
    .strict(),
  'appraisal:export': z.object({ dir: absPath, out: absPath, place: z.string().max(200).nullable().optional() }).strict(),
} as const satisfies Record<CallName, z.ZodType>;

// `satisfies Record<CallName, …>` on a literal: a name without a schema and a schema without a
// name both fail to compile.

export type CallArgs<N extends CallName> = z.input<(typeof callSchemas)[N]>;
export type ParsedArgs<N extends CallName> = z.output<(typeof callSchemas)[N]>;

export interface CallResults {
  'app:info': AppInfo;
  'dialog:pickFolder': string | null;
  'dialog:pickSaveFile': string | null;
  'packs:list': PackSummary[];
  'packs:show': CriteriaPack;
  'packs:import': PackImportJson;
  'packs:importPlan': PlanDraft & { saved: { id: string; file: string } | null };
  'packs:saveDraft': { id: string; name: string; criteria: number; file: string; replaced: boolean; warnings: string[] };
  'packs:export': { out: string };
  'packs:workspace': CriteriaPack;
  'packs:updateCriterion': CriteriaPack;
  'packs:use': WorkspaceInfo;
  'packs:exportWorkspace': { out: string };
  'workspace:current': WorkspaceInfo | null;
  'workspace:create': WorkspaceInfo;
  'workspace:open': WorkspaceInfo;
  'workspace:sample': WorkspaceInfo;
  'workspace:close': null;
  'settings:get': SettingsJson;
  'settings:update': WorkspaceInfo;
  'roots:list': RootJson[];
  'roots:add': WorkspaceInfo;
  'roots:remove': WorkspaceInfo;
  'trust:list': TrustJson;
  'trust:add': TrustJson;
  'trust:remove': TrustJson;
  'index:scan': ScanResultJson;
  'index:cancel': null;
  'index:progress': IndexProgress;
  'docs:list': DocumentJson[];
  'docs:get': DocumentJson;
  'docs:previewUrl': string;
  'docs:fix': DocumentJson;
  'docs:queue': ConfirmQueueJson;
  'docs:counts': DocumentCountsJson;
  'search:query': SearchHit[];
  'status:get': StatusJson;
  'status:dashboard': DashboardJson;
  'criterion:get': CriterionDetail;
  'review:assign': DocumentJson;
  'review:unassign': DocumentJson;
  'review:decide': DocumentJson;
  'review:score': ScoreJson;
  'review:history': HistoryEntryJson[];
  'offices:missing': MissingJson;
  'offices:list': OfficesJson;
  'offices:add': OfficesJson;
  'offices:rename': OfficesJson;
  'offices:merge': OfficesJson;
  'offices:alias': OfficesJson;
  'offices:members': OfficesJson;
  'offices:remove': OfficesJson;
  'offices:setFolderOffice': OfficesJson;
  'offices:reminders': RemindersJson;
  'offices:remind': RemindResultJson;
  'bundle:export': ExportResultJson;
  'bundle:verify': VerifyJson;
  'bundle:cancel': null;
  'watch:status': WatchStatus;
  'watch:pause': WatchStatus;
  'watch:resume': WatchStatus;
  'submissions:list': SubmissionJson[];
  'decisions:import': DecisionsImportJson;
  'appraisal:open': AppraisalOpenJson;
  'appraisal:status': AppraisalStatusJson;
  'appraisal:score': AppraisalScoreJson;
  'appraisal:decide': AppraisalDecideJson;
  'appraisal:request': AppraisalRequestJson;
  'appraisal:export': AppraisalExportJson;
}

// ---------------------------------------------------------------------------------------------
// Push events (main → renderer)

export interface PushEvents {
  'index:progress': IndexProgress;
  'index:done': ScanResultJson;
  'bundle:progress': BundleProgress;
  'workspace:changed': WorkspaceInfo | null;
  'app:error': ShellError;
  /** Documents indexed, moved or removed, or OCR read, by the watcher (at most a few a second). */
  'index:changed': IndexChanged;
  'watch:status': WatchStatus;
}

// Every event name has a payload type and every payload type a name (compile-time check).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVENTS_MATCH_PAYLOADS: SameKeys<keyof PushEvents, EventName> = true;

// ---------------------------------------------------------------------------------------------
// The preload's object (window.kiemchung): one function per call, one subscription per event.

export type BridgeCalls = { [N in CallName as FunctionNameOf<N>]: (args: CallArgs<N>) => Promise<ApiResult<CallResults[N]>> };
export type BridgeEvents = { [E in EventName as ListenerNameOf<E>]: (listener: (payload: PushEvents[E]) => void) => () => void };
export type KiemchungBridge = BridgeCalls & BridgeEvents;
