// Window hardening, per Electron's security checklist: isolated, sandboxed renderers without
// Node; only our own app:// pages; no navigation away, no new windows, no webviews, no permissions.
import { app, session, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://kiemchung';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self' kc-doc:; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function secureWebPreferences(preload: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** True only for our own pages (parsed, not a prefix test on the string). */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'app:' && u.host === 'kiemchung';
  } catch {
    return false;
  }
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    try {
      const u = new URL(url);
      if (u.protocol === 'https:') void shell.openExternal(u.toString());
    } catch {
      // not a URL: nothing to open
    }
    return { action: 'deny' };
  });
}

export function installSecurity(): void {
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  }, () => undefined);
}
