// Electron cannot run here (its runtime is downloaded at first use), so the shell is checked
// statically: the sandboxed preload exposes exactly the calls and events of shared/api.ts, the
// compiled entry points exist, windows are created with the secure preferences, and
// electron-builder.yml packs what the app needs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES } from '../../shared/api.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const read = (rel: string): string => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');

function quotedList(source: string, name: string): string[] {
  const m = new RegExp(`const ${name} = \\[([\\s\\S]*?)\\] as const`).exec(source);
  if (!m?.[1]) throw new Error(`no ${name} list in the preload`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1] ?? '');
}

describe('Electron shell', () => {
  it('the preload exposes exactly the contract calls and events', () => {
    const preload = read('main/electron/preload.cts');
    expect(quotedList(preload, 'CALLS').sort()).toEqual([...CALL_NAMES].sort());
    expect(quotedList(preload, 'EVENTS').sort()).toEqual([...EVENT_NAMES].sort());
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/);
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
    for (const s of ['target: nsis', 'target: portable', 'AppImage', 'deb', 'x64', '"**/node_modules/better-sqlite3/**"', '"dist/main/engine/index/**"', 'renderer/dist/**', 'dist/**']) expect(yml).toContain(s);
  });
});
