// E2E harness: builds the renderer when stale, starts the real loopback bridge as `npm start`
// does (compiled dist, its own KIEMCHUNG_HOME), and drives Debian's Chromium with playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, tempDir } from '../helpers/corpus.js';

export const CHROMIUM = process.env.KIEMCHUNG_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ARTIFACTS = path.join(REPO_ROOT, 'test-results', 'e2e');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm run build` builds the renderer; a test run from a bare `vitest` rebuilds it when sources are newer. */
export function ensureRendererBuilt(): void {
  const index = path.join(REPO_ROOT, 'renderer', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'renderer', 'src')), newestMtime(path.join(REPO_ROOT, 'shared')), fs.statSync(path.join(REPO_ROOT, 'renderer', 'index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build of the renderer failed');
}

export interface App {
  url: string;
  origin: string;
  token: string;
  home: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/main/web/launch.js` (what `npm start` runs here) and reads its one line.
 * `home`: an app home of an earlier run (a restart: same token, same port when free, last workspace).
 */
export async function startApp(env: Record<string, string> = {}, options: { home?: string } = {}): Promise<App> {
  ensureRendererBuilt();
  const home = options.home ?? tempDir('e2e-home');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'main', 'web', 'launch.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, KIEMCHUNG_HOME: home, KIEMCHUNG_WEB: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`app did not print its address in 60 s; stderr: ${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`app exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    home,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Runs the CLI against the same workspace (SQLite WAL lets it read while the app has it open). */
export function cli<T>(...args: string[]): T {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kiemchung.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`kiemchung ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** One API call over the loopback bridge, as the page makes it (throws on a refused call). */
export async function apiCall<T>(app: App, name: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, { method: 'POST', body: JSON.stringify(args), headers: { 'X-Kiemchung-Token': app.token } });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
  if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/** A Trà Vinh 2023 workspace at `wsDir` over `evidence`, scanned without OCR, made with the CLI as a clerk would. */
export function scannedWorkspace(wsDir: string, evidence: string): void {
  cli('init', wsDir, '--pack', 'tra-vinh-so-y-te-2023', '--year', '2023', '--json');
  cli('folder', 'add', wsDir, evidence, '--json');
  cli('scan', wsDir, '--no-ocr', '--json');
}

/** Opens `wsDir` in the app and a 1366×768 page on it; the page's uncaught errors go into `pageErrors`. */
export async function openAppPage(app: App, wsDir: string, pageErrors: string[]): Promise<{ browser: Browser; page: Page }> {
  await apiCall(app, 'workspace:open', { dir: wsDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  return { browser, page };
}
