// `npm start`: the desktop app where Electron's runtime is installed; otherwise the same UI served
// on loopback, with one line saying where. (Electron's binary is downloaded on first install and
// cannot be fetched on offline machines; ENGINEERING.md.)
import { spawn, spawnSync } from 'node:child_process';
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
  const port = process.env.KIEMCHUNG_PORT ? Number(process.env.KIEMCHUNG_PORT) : 0;
  const server = await startServer({ staticDir, port });
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
