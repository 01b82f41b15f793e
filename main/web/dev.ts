// `npm run dev`: the loopback API bridge plus Vite's dev server (hot reload) proxying /api and
// /files to it. Prints the address to open, token included.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './launch.js';
import { startServer } from './server.js';

const VITE_PORT = Number(process.env.KIEMCHUNG_DEV_PORT ?? 5173);

async function main(): Promise<void> {
  const root = repoRoot();
  const viteOrigin = `http://127.0.0.1:${VITE_PORT}`;
  const server = await startServer({ staticDir: path.join(root, 'renderer', 'dist'), allowOrigins: [viteOrigin, `http://localhost:${VITE_PORT}`] });
  const vite = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--port', String(VITE_PORT), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KIEMCHUNG_API_ORIGIN: server.origin },
  });
  console.log(`KiemChung dev: open ${viteOrigin}/?token=${server.token} (API bridge on ${server.origin}; edits reload live; Ctrl+C stops)`);
  const stop = (): void => {
    vite.kill();
    void server.close().then(() => process.exit(0));
  };
  vite.on('exit', (code) => {
    void server.close().then(() => process.exit(code ?? 0));
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`kiemchung dev: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
