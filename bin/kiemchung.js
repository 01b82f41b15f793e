#!/usr/bin/env node
// Entry point of the `kiemchung` command: runs the compiled CLI from dist/ (built by `npm ci`
// through the package's `prepare` script, or by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/main/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('kiemchung: the CLI is not built yet; run `npm run build` in the project folder.\n');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
