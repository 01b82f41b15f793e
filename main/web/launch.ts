// `npm start`: the desktop app where Electron's runtime is installed; otherwise the same UI served
// on loopback, with one line saying where. (Electron's binary is downloaded on first install and
// cannot be fetched on offline machines.)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.js';

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kiemchung') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the kiemchung package folder');
    dir = parent;
  }
}

/** The Electron executable when its runtime was downloaded, else null. */
export function electronBinary(root: string): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

/** Builds the renderer when its output is missing (a fresh clone has only compiled TypeScript). */
export function ensureRendererBuilt(root: string): string {
  const dist = path.join(root, 'renderer', 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    process.stderr.write('Building the user interface (first start)…\n');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the user interface failed (see above); run: npm run build');
  }
  return dist;
}

/**
 * The loopback session's token and port, kept across restarts in the app data dir
 * (web-session.json, mode 0600, the folder 0700), so that a page left open while `npm start` was
 * restarted regains access by itself: same origin, same token in its sessionStorage.
 *
 * Trade-off: a fresh token per start would limit a leaked token to one run; a stable one is valid
 * until the file is deleted. The file is readable only by the user, who can already read the
 * workspace and its evidence; any other local user gets 403 as before, and the Host/Origin checks
 * still apply. Deleting web-session.json (or KIEMCHUNG_NEW_TOKEN=1) issues a new token. When the
 * remembered port is taken, another one is used and the old page cannot follow (a new address is
 * printed).
 */
export function persistentAccess(dir: string): { token: string; port: number; save: (port: number) => void } {
  const file = path.join(dir, 'web-session.json');
  let token = '';
  let port = 0;
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: unknown; port?: unknown };
    if (typeof saved.token === 'string' && /^[\w-]{32,}$/.test(saved.token) && process.env.KIEMCHUNG_NEW_TOKEN !== '1') token = saved.token;
    if (typeof saved.port === 'number' && Number.isInteger(saved.port) && saved.port > 1024 && saved.port < 65536) port = saved.port;
  } catch {
    // first start, or unreadable: a new token
  }
  if (!token) token = randomBytes(24).toString('base64url');
  return {
    token,
    port,
    save: (actual) => {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ token, port: actual }), { mode: 0o600 });
      fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, file);
    },
  };
}

async function listenOnce(staticDir: string, port: number, token: string): Promise<Awaited<ReturnType<typeof startServer>>> {
  try {
    return await startServer({ staticDir, port, token });
  } catch (e) {
    // The remembered port is taken now: any free port (the open page cannot follow).
    if (port !== 0 && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') return startServer({ staticDir, port: 0, token });
    throw e;
  }
}

async function main(): Promise<void> {
  const root = repoRoot();
  const exe = process.env.KIEMCHUNG_WEB === '1' ? null : electronBinary(root);
  const electronMain = path.join(root, 'dist', 'main', 'electron', 'main.js');
  if (exe && fs.existsSync(electronMain)) {
    ensureRendererBuilt(root);
    // Started on the package folder so app.getAppPath() is the root (package.json "main" names the entry).
    const child = spawn(exe, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const staticDir = ensureRendererBuilt(root);
  const { appDataDir } = await import('../engine/packs/library.js');
  const access = persistentAccess(appDataDir());
  const port = process.env.KIEMCHUNG_PORT ? Number(process.env.KIEMCHUNG_PORT) : access.port;
  const server = await listenOnce(staticDir, port, access.token);
  access.save(Number(new URL(server.origin).port));
  console.log(`KiemChung is running at ${server.url} (Electron's runtime is not installed here; open this address in a browser. Ctrl+C stops.)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`kiemchung: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
