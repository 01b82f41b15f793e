// Preload: exposes one named function per call of shared/api.ts and one named subscription per
// push event, never ipcRenderer itself. A sandboxed preload may require only 'electron', so this
// ESM source is bundled into dist/main/electron/preload.cjs (build-preload.mjs, esbuild): the call
// names come from shared/api-names.ts instead of a copy, and the object is checked against the
// renderer's type. test/e2e/electron-contract.test.ts loads the bundle and checks what it exposes.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KiemchungBridge } from '../../shared/api.js';
import { buildBridge } from '../../shared/bridge.js';

const api = buildBridge({
  invoke: (name, args) => ipcRenderer.invoke(name, args),
  subscribe: (name, listener) => {
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(name, handler);
    return () => ipcRenderer.off(name, handler);
  },
}) satisfies KiemchungBridge;

contextBridge.exposeInMainWorld('kiemchung', Object.freeze(api));
