// The ONE contract between the UI and the engine host (Electron IPC or the loopback web bridge).
// Calls are `domain:verb` → zod schema of the arguments (parsed in main: every renderer argument is
// `unknown` until it passes) and the result type. Push events flow the other way. Results cross as
// `{ok:true,value} | {ok:false,error:{kind,message}}`; the renderer maps each kind to words.
import { z } from 'zod';
import type { Criterion, PackSummary } from './pack.js';
import { SettingsPatchSchema, type WorkspaceSettingsJson } from './settings.js';
export { EVENT_NAMES, functionNameOf, listenerNameOf } from './api-names.js';
import type { CriterionStatusJson, DocumentJson, ErrorKind, ReviewStatus, SearchHit, StatusJson } from './types.js';

// ---------------------------------------------------------------------------------------------
// Results and errors

export type ApiErrorKind =
  | 'invalid-argument' // the arguments did not match the schema
  | 'unknown-call'
  | 'forbidden' // a path outside what the user chose, a write into an evidence folder
  | 'no-workspace' // the call needs an open workspace
  | 'not-found'
  | 'user' // a UserError from the engine: the message names the file or value
  | 'busy' // a scan or export is already running
  | 'unavailable' // the engine part is not built yet, or the shell cannot do it (dialogs on the web)
  | 'cancelled'
  | 'internal';

export interface ApiError {
  kind: ApiErrorKind;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ---------------------------------------------------------------------------------------------
// Values

export interface RecentWorkspace {
  dir: string;
  name: string;
  openedAt: string;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'web';
  appDataDir: string;
  platform: string;
  recent: RecentWorkspace[];
  /** Engine parts present in this build (others answer 'unavailable'). */
  features: { status: boolean; review: boolean; offices: boolean; bundle: boolean; watch: boolean };
}

export interface RootJson {
  id: number;
  path: string;
  office: string | null;
  polling: boolean;
  addedAt: string;
}

export type { BatchJson, WorkspaceSettingsJson } from './settings.js';

export interface WorkspaceInfo {
  dir: string;
  pack: { id: string; name: string; year: number | null };
  criteria: number;
  roots: RootJson[];
  settings: WorkspaceSettingsJson;
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
  problems: { path: string; message: string }[];
  durationMs: number;
  cancelled: boolean;
}

export interface CriterionDetail {
  criterion: Criterion;
  /** Children for a parent criterion (area); empty for a leaf. */
  children: Criterion[];
  status: CriterionStatusJson | null;
  documents: DocumentJson[];
}

export interface OfficeMissingJson {
  office: string;
  items: { code: string; title: string; missing: string[]; due: string | null }[];
}

export interface VerifyJson {
  ok: boolean;
  entries: number;
  problems: { path: string; kind: string; message: string }[];
}

export interface ExportResultJson {
  out: string;
  entries: number | null;
  bytes: number | null;
  durationMs: number;
  verify: VerifyJson | null;
}

export interface BundleProgress {
  phase: string;
  current: number;
  total: number;
}

export interface WatchEventJson {
  event: string;
  path?: string;
  [key: string]: unknown;
}

export interface ShellError {
  message: string;
  detail: string | null;
}

// ---------------------------------------------------------------------------------------------
// Call schemas

const absPath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'path contains a NUL character');
const code = z.string().min(1).max(32).regex(/^\d+(\.\d+)*$/, 'criterion code like 1.3 or 1.7.2');
const docRef = z.string().min(1).max(4096);
const empty = z.object({}).strict();

export const callSchemas = {
  'app:info': empty,
  'dialog:pickFolder': z.object({ title: z.string().max(200).optional() }).strict(),
  'dialog:pickSaveFile': z.object({ title: z.string().max(200).optional(), defaultName: z.string().max(255).optional() }).strict(),
  'packs:list': empty,
  'workspace:current': empty,
  'workspace:create': z
    .object({ dir: absPath, packId: z.string().min(1).max(200), year: z.number().int().min(2000).max(2100).nullable().optional(), unit: z.string().max(300).nullable().optional() })
    .strict(),
  'workspace:open': z.object({ dir: absPath }).strict(),
  'workspace:sample': z.object({ documents: z.number().int().min(1).max(5000).optional() }).strict(),
  'workspace:close': empty,
  'settings:update': SettingsPatchSchema,
  'roots:add': z.object({ dir: absPath, office: z.string().max(200).nullable().optional(), polling: z.boolean().optional() }).strict(),
  'roots:remove': z.object({ dir: absPath }).strict(),
  'index:scan': z.object({ ocr: z.boolean().optional() }).strict(),
  'index:cancel': empty,
  'index:progress': empty,
  'docs:list': z.object({ unassigned: z.boolean().optional(), errors: z.boolean().optional(), criterion: code.optional() }).strict(),
  'docs:get': z.object({ ref: docRef }).strict(),
  'docs:previewUrl': z.object({ id: z.string().min(1).max(128) }).strict(),
  'search:query': z.object({ query: z.string().min(1).max(500), limit: z.number().int().min(1).max(500).optional() }).strict(),
  'status:get': empty,
  'criterion:get': z.object({ code }).strict(),
  'review:assign': z.object({ doc: docRef, code }).strict(),
  'review:unassign': z.object({ doc: docRef, code }).strict(),
  'review:decide': z
    .object({ doc: docRef, code, decision: z.enum(['accepted', 'rejected', 'needs-supplement']), note: z.string().max(2000).nullable().optional() })
    .strict(),
  'review:score': z.object({ code, points: z.number().min(0).max(1000).nullable(), explanation: z.string().max(5000).nullable().optional() }).strict(),
  'offices:missing': z.object({ office: z.string().max(200).optional() }).strict(),
  'bundle:export': z.object({ out: absPath, since: absPath.optional(), mergedPdf: z.boolean().optional() }).strict(),
  'bundle:verify': z.object({ file: absPath }).strict(),
} as const;

export type CallName = keyof typeof callSchemas;
export type CallArgs<N extends CallName> = z.input<(typeof callSchemas)[N]>;

export interface CallResults {
  'app:info': AppInfo;
  'dialog:pickFolder': string | null;
  'dialog:pickSaveFile': string | null;
  'packs:list': PackSummary[];
  'workspace:current': WorkspaceInfo | null;
  'workspace:create': WorkspaceInfo;
  'workspace:open': WorkspaceInfo;
  'workspace:sample': WorkspaceInfo;
  'workspace:close': null;
  'settings:update': WorkspaceInfo;
  'roots:add': WorkspaceInfo;
  'roots:remove': WorkspaceInfo;
  'index:scan': ScanResultJson;
  'index:cancel': null;
  'index:progress': IndexProgress;
  'docs:list': DocumentJson[];
  'docs:get': DocumentJson;
  'docs:previewUrl': string;
  'search:query': SearchHit[];
  'status:get': StatusJson;
  'criterion:get': CriterionDetail;
  'review:assign': DocumentJson;
  'review:unassign': DocumentJson;
  'review:decide': DocumentJson;
  'review:score': CriterionStatusJson | null;
  'offices:missing': OfficeMissingJson[];
  'bundle:export': ExportResultJson;
  'bundle:verify': VerifyJson;
}

export const CALL_NAMES = Object.keys(callSchemas) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(callSchemas, name);
}

// ---------------------------------------------------------------------------------------------
// Push events (main → renderer)

export interface PushEvents {
  'index:progress': IndexProgress;
  'index:done': ScanResultJson;
  'bundle:progress': BundleProgress;
  'watch:event': WatchEventJson;
  'workspace:changed': WorkspaceInfo | null;
  'app:error': ShellError;
}

export type EventName = keyof PushEvents;

export type ReviewDecision = Exclude<ReviewStatus, 'pending'>;
