// Electron main: single instance, app data dir, the engine in a utility process, one secure
// window loading the built renderer from app://kiemchung/, IPC for exactly the calls of
// shared/api.ts, native dialogs, menus, and fatal errors shown with a readable message and an action.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, utilityProcess, type UtilityProcess } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiError, CALL_NAMES, EVENT_NAMES, type ApiResult } from '../../shared/api.js';
import { buildMenu } from './menus.js';
import { APP_ORIGIN, CSP, installSecurity, isAppUrl, secureWebPreferences } from './security.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(app.getAppPath(), 'renderer', 'dist');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  // Fetched by pdf.js in the renderer (the preview), so it needs the fetch API and CORS.
  { scheme: 'kc-doc', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } },
]);

// The engine reads KIEMCHUNG_HOME for the pack library and recent list: keep it in userData.
process.env.KIEMCHUNG_HOME ??= app.getPath('userData');

let win: BrowserWindow | null = null;
let host: UtilityProcess | null = null;
let nextId = 1;
let quitting = false;
const pending = new Map<number, (r: ApiResult<unknown>) => void>();

function fatal(message: string, detail: string, action: { label: string; run: () => void }): void {
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'KiemChung',
    message,
    detail: `${detail}\n\nDữ liệu của bạn vẫn an toàn: tài liệu kiểm chứng không bao giờ bị sửa.`,
    buttons: [action.label, 'Thoát'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice === 0) action.run();
  else app.quit();
}

function startEngine(): void {
  host = utilityProcess.fork(path.join(here, 'engine-host.js'), [], { serviceName: 'KiemChung engine', env: { ...process.env } });
  host.on('message', (msg: { id?: number; result?: ApiResult<unknown>; event?: string; payload?: unknown }) => {
    if (msg.id !== undefined && msg.result) {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else if (msg.event && (EVENT_NAMES as readonly string[]).includes(msg.event)) {
      win?.webContents.send(msg.event, msg.payload);
    }
  });
  host.on('exit', (code) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: apiError('internal', { call: null }, `The engine stopped (exit code ${code}).`) });
    pending.clear();
    host = null;
    if (code !== 0 && !quitting) {
      fatal('Bộ máy xử lý của KiemChung đã dừng đột ngột.', `Mã thoát: ${code}. Khởi động lại sẽ mở lại bộ hồ sơ từ bộ nhớ đĩa.`, {
        label: 'Khởi động lại',
        run: () => {
          startEngine();
          win?.reload();
        },
      });
    }
  });
}

function engineCall(message: Record<string, unknown>): Promise<ApiResult<unknown>> {
  if (!host) return Promise.resolve({ ok: false, error: apiError('internal', { call: null }, 'The engine is not running.') });
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    host?.postMessage({ id, ...message });
  });
}

function registerIpc(): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, args: unknown): Promise<ApiResult<unknown>> => {
      // Only our own page may call the engine (not a frame showing a PDF, not anything navigated to).
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { ok: false, error: apiError('forbidden', { reason: 'sender', path: null, root: null }, 'not allowed from this page') };
      if (name === 'dialog:pickFolder' || name === 'dialog:pickSaveFile') return pickPath(name, args);
      return engineCall({ name, args });
    });
  }
}

async function pickPath(name: 'dialog:pickFolder' | 'dialog:pickSaveFile', args: unknown): Promise<ApiResult<string | null>> {
  const a = (typeof args === 'object' && args !== null ? args : {}) as { title?: unknown; defaultName?: unknown };
  const title = typeof a.title === 'string' ? a.title.slice(0, 200) : undefined;
  if (!win) return { ok: true, value: null };
  if (name === 'dialog:pickFolder') {
    const r = await dialog.showOpenDialog(win, { ...(title ? { title } : {}), properties: ['openDirectory', 'createDirectory'] });
    return { ok: true, value: r.canceled ? null : (r.filePaths[0] ?? null) };
  }
  const defaultName = typeof a.defaultName === 'string' ? path.basename(a.defaultName) : 'TLKC.zip';
  // The filter follows what is saved: a bundle (.zip), a reminder letter (.docx/.pdf), a list (.xlsx).
  const ext = path.extname(defaultName).slice(1).toLowerCase() || 'zip';
  const r = await dialog.showSaveDialog(win, { ...(title ? { title } : {}), defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] });
  return { ok: true, value: r.canceled ? null : (r.filePath ?? null) };
}

function registerProtocols(): void {
  // The renderer's files, with the CSP as a header; nothing outside renderer/dist is served.
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${rel}`);
    const inside = path.relative(rendererDir, file);
    if (inside.startsWith('..') || path.isAbsolute(inside) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
  // PDF preview: the engine resolves the id to a file inside an evidence folder (or refuses).
  protocol.handle('kc-doc', async (request) => {
    const id = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''));
    const r = await engineCall({ resolveDocument: id });
    if (!r.ok || typeof r.value !== 'string') return new Response(r.ok ? 'not found' : r.error.message, { status: 404 });
    const res = await net.fetch(pathToFileURL(r.value).toString());
    // pdf.js in the app: page fetches it: the one origin allowed to read it.
    return new Response(res.body, { status: 200, headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': APP_ORIGIN } });
  });
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: 'KiemChung',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  win.webContents.on('render-process-gone', (_e, details) => {
    fatal('Cửa sổ KiemChung đã gặp sự cố.', `Lý do: ${details.reason}.`, { label: 'Tải lại', run: () => win?.reload() });
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  process.on('uncaughtException', (err) => {
    fatal('KiemChung gặp lỗi ngoài dự kiến.', `${err.message}\n\n${err.stack ?? ''}`.slice(0, 2000), { label: 'Tiếp tục', run: () => undefined });
  });
  installSecurity();
  app.on('before-quit', () => {
    quitting = true;
    host?.kill();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      registerProtocols();
      registerIpc();
      startEngine();
      buildMenuFor();
      createWindow();
    })
    .catch((err: unknown) => {
      dialog.showErrorBox('KiemChung không khởi động được', err instanceof Error ? err.message : String(err));
      app.quit();
    });
}

function buildMenuFor(): void {
  const menu = buildMenu(() => win, {
    dataDir: process.env.KIEMCHUNG_HOME ?? app.getPath('userData'),
    openWorkspace: () => {
      void (async () => {
        const picked = await pickPath('dialog:pickFolder', { title: 'Mở bộ hồ sơ' });
        if (picked.ok && picked.value) {
          const r = await engineCall({ name: 'workspace:open', args: { dir: picked.value } });
          if (!r.ok) win?.webContents.send('app:error', { message: r.error.message, detail: picked.value });
        }
      })();
    },
    closeWorkspace: () => void engineCall({ name: 'workspace:close', args: {} }),
  });
  Menu.setApplicationMenu(menu);
}

main();
