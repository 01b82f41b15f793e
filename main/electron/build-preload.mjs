// Bundles the preload (main/electron/preload.ts and the shared name lists it imports) into one
// CommonJS file, dist/main/electron/preload.cjs: a sandboxed preload cannot load ES modules or
// any file but 'electron'. Run after `tsc -p main/electron/tsconfig.json` (npm run build), which
// type-checks the preload; its ESM output is removed so only the bundle sits beside main.js.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'dist', 'main', 'electron');

await build({
  entryPoints: [path.join(root, 'main', 'electron', 'preload.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'browser', // the sandboxed renderer's world: no Node built-ins
  target: 'chrome130',
  external: ['electron'],
  logLevel: 'warning',
});
for (const f of ['preload.js', 'preload.js.map']) fs.rmSync(path.join(outDir, f), { force: true });
