// Electron cannot run here (its runtime is downloaded at first use), so the shell is checked
// without it: the built, sandboxed preload is run in a vm with a fake contextBridge and
// ipcRenderer and must expose exactly the calls and events of shared/api.ts (and route them);
// the compiled entry points exist, windows are created with the secure preferences, and
// electron-builder.yml packs what the app needs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES, functionNameOf, listenerNameOf } from '../../shared/api.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const read = (rel: string): string => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const PRELOAD = path.join(REPO_ROOT, 'dist', 'main', 'electron', 'preload.cjs');

interface Loaded {
  exposed: Map<string, unknown>;
  invoked: { channel: string; args: unknown }[];
  listeners: Map<string, Set<(e: unknown, payload: unknown) => void>>;
  required: string[];
}

/** Runs the built preload as Electron's sandbox would: `require` knows only 'electron'. */
function loadPreload(): Loaded {
  const loaded: Loaded = { exposed: new Map(), invoked: [], listeners: new Map(), required: [] };
  const ipcRenderer = {
    invoke: (channel: string, args: unknown) => {
      loaded.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, fn: (e: unknown, payload: unknown) => void) => {
      const set = loaded.listeners.get(channel) ?? new Set();
      set.add(fn);
      loaded.listeners.set(channel, set);
    },
    off: (channel: string, fn: (e: unknown, payload: unknown) => void) => loaded.listeners.get(channel)?.delete(fn),
  };
  const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => loaded.exposed.set(key, value) };
  const module = { exports: {} };
  const sandboxRequire = (id: string): unknown => {
    loaded.required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require '${id}'`);
  };
  vm.runInNewContext(fs.readFileSync(PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports }, { filename: PRELOAD });
  return loaded;
}

describe('Electron shell', () => {
  beforeAll(() => {
    // `npm run build` bundles the preload; build it here when the test runs alone.
    if (!fs.existsSync(PRELOAD)) {
      spawnSync('npx', ['tsc', '-p', 'main/electron/tsconfig.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
      spawnSync(process.execPath, ['main/electron/build-preload.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
  });

  it('the built preload exposes exactly the contract calls and events, frozen, and only under window.kiemchung', () => {
    const { exposed, required } = loadPreload();
    expect([...exposed.keys()]).toEqual(['kiemchung']);
    expect(required).toEqual(['electron']);
    const api = exposed.get('kiemchung') as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    const expected = [...CALL_NAMES.map(functionNameOf), ...EVENT_NAMES.map(listenerNameOf)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('each preload function invokes its own channel; each subscription listens to its event and unsubscribes', async () => {
    const { exposed, invoked, listeners } = loadPreload();
    const api = exposed.get('kiemchung') as Record<string, (arg: unknown) => unknown>;
    for (const name of CALL_NAMES) {
      const fn = api[functionNameOf(name)];
      await expect(fn?.({ probe: name })).resolves.toEqual({ ok: true, value: name });
    }
    expect(invoked).toEqual(CALL_NAMES.map((name) => ({ channel: name, args: { probe: name } })));
    for (const name of EVENT_NAMES) {
      const got: unknown[] = [];
      const off = api[listenerNameOf(name)]?.((p: unknown) => got.push(p)) as () => void;
      for (const l of listeners.get(name) ?? []) l({ sender: null }, { event: name });
      expect(got).toEqual([{ event: name }]);
      off();
      expect(listeners.get(name)?.size).toBe(0);
    }
  });

  it('windows are isolated, sandboxed and without Node; navigation and new windows are blocked', () => {
    const security = read('main/electron/security.ts');
    for (const line of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webviewTag: false', "will-navigate", "action: 'deny'", "script-src 'self'"]) expect(security).toContain(line);
    const main = read('main/electron/main.ts');
    for (const line of ['requestSingleInstanceLock', 'utilityProcess.fork', 'showOpenDialog', 'showSaveDialog', 'render-process-gone', 'uncaughtException', 'setApplicationMenu']) expect(main).toContain(line);
  });

  it('package.json main points at the compiled Electron entry, next to the preload and engine host', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string };
    const dir = path.dirname(path.join(REPO_ROOT, pkg.main));
    if (!fs.existsSync(path.join(REPO_ROOT, pkg.main))) return expect.fail(`${pkg.main} is not built: run npm run build`);
    for (const f of ['preload.cjs', 'engine-host.js']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
  });

  it('electron-builder.yml builds NSIS x64 + portable and AppImage + deb, with native modules unpacked', () => {
    const yml = read('electron-builder.yml');
    for (const s of ['target: nsis', 'target: portable', 'AppImage', 'deb', 'x64', '"**/node_modules/better-sqlite3/**"', '"dist/main/engine/**"', '"dist/shared/**"', 'renderer/dist/**', 'dist/**']) expect(yml).toContain(s);
  });
});
