// The API's names, without zod, so the renderer and the sandboxed preload (bundled from this file)
// use the one list instead of copies. shared/api.ts keys its schemas by these names and fails to
// compile when a call has no schema or a schema no name.

export const CALL_NAMES = [
  'app:info',
  'dialog:pickFolder',
  'dialog:pickSaveFile',
  'packs:list',
  'packs:show',
  'packs:import',
  'packs:importPlan',
  'packs:saveDraft',
  'packs:export',
  'packs:workspace',
  'packs:updateCriterion',
  'packs:use',
  'packs:exportWorkspace',
  'workspace:current',
  'workspace:create',
  'workspace:open',
  'workspace:sample',
  'workspace:close',
  'settings:get',
  'settings:update',
  'roots:list',
  'roots:add',
  'roots:remove',
  'trust:list',
  'trust:add',
  'trust:remove',
  'index:scan',
  'index:cancel',
  'index:progress',
  'docs:list',
  'docs:get',
  'docs:previewUrl',
  'docs:fix',
  'docs:queue',
  'docs:counts',
  'search:query',
  'status:get',
  'status:dashboard',
  'criterion:get',
  'review:assign',
  'review:unassign',
  'review:decide',
  'review:score',
  'review:history',
  'offices:missing',
  'offices:list',
  'offices:add',
  'offices:rename',
  'offices:merge',
  'offices:alias',
  'offices:members',
  'offices:remove',
  'offices:setFolderOffice',
  'offices:reminders',
  'offices:remind',
  'bundle:export',
  'bundle:verify',
  'bundle:cancel',
  'watch:status',
  'watch:pause',
  'watch:resume',
  // The appraisal round trip (issue 15): the unit's submissions and decisions, the Sở Nội vụ's appraisal workspace.
  'submissions:list',
  'decisions:import',
  'appraisal:open',
  'appraisal:status',
  'appraisal:score',
  'appraisal:decide',
  'appraisal:request',
  'appraisal:export',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

export const EVENT_NAMES = ['index:progress', 'index:done', 'bundle:progress', 'workspace:changed', 'app:error', 'index:changed', 'watch:status'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** `review:decide` → `reviewDecide` (as a type, so the preload's object is checked name by name). */
export type FunctionNameOf<N extends string> = N extends `${infer D}:${infer V}` ? `${D}${Capitalize<V>}` : never;

/** `index:progress` → `onIndexProgress`. */
export type ListenerNameOf<N extends string> = `on${Capitalize<FunctionNameOf<N>>}`;

/** `review:decide` → `reviewDecide`: the preload's named function for a call. */
export function functionNameOf<N extends string>(name: N): FunctionNameOf<N> {
  const [domain = '', verb = ''] = name.split(':');
  return (domain + verb.charAt(0).toUpperCase() + verb.slice(1)) as FunctionNameOf<N>;
}

/** `index:progress` → `onIndexProgress`: the preload's named subscription for an event. */
export function listenerNameOf<N extends string>(name: N): ListenerNameOf<N> {
  const fn = functionNameOf(name);
  return `on${fn.charAt(0).toUpperCase()}${fn.slice(1)}` as ListenerNameOf<N>;
}

export function isCallName(name: string): name is CallName {
  return (CALL_NAMES as readonly string[]).includes(name);
}

/** The API domain of a call: `review:decide` → `review` (one handler file per domain). */
export type DomainOf<N extends string> = N extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<CallName>;
