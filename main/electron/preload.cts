// Preload (sandboxed, CommonJS: a sandboxed preload may require only 'electron'). It exposes named
// functions for each call of shared/api.ts and a named subscription per push event, never
// ipcRenderer itself. The lists are spelled out because the sandbox cannot import the contract;
// test/e2e/electron-contract.test.ts checks they match it.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALLS = [
  'app:info',
  'dialog:pickFolder',
  'dialog:pickSaveFile',
  'packs:list',
  'workspace:current',
  'workspace:create',
  'workspace:open',
  'workspace:sample',
  'workspace:close',
  'settings:update',
  'roots:add',
  'roots:remove',
  'index:scan',
  'index:cancel',
  'index:progress',
  'docs:list',
  'docs:get',
  'docs:previewUrl',
  'search:query',
  'status:get',
  'criterion:get',
  'review:assign',
  'review:unassign',
  'review:decide',
  'review:score',
  'offices:missing',
  'bundle:export',
  'bundle:verify',
] as const;

const EVENTS = ['index:progress', 'index:done', 'bundle:progress', 'watch:event', 'workspace:changed', 'app:error'] as const;

function functionNameOf(name: string): string {
  const [domain = '', verb = ''] = name.split(':');
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}

const api: Record<string, unknown> = {};
for (const name of CALLS) {
  api[functionNameOf(name)] = (args: unknown) => ipcRenderer.invoke(name, args);
}
for (const name of EVENTS) {
  const fn = functionNameOf(name);
  api[`on${fn.charAt(0).toUpperCase()}${fn.slice(1)}`] = (listener: (payload: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(name, handler);
    return () => ipcRenderer.off(name, handler);
  };
}

contextBridge.exposeInMainWorld('kiemchung', Object.freeze(api));
