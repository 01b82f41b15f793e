// The product's version, from package.json, whether running from sources (tsx) or from dist/.
import { createRequire } from 'node:module';

let cached: string | null = null;

export function appVersion(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // main/engine/app-version.ts → ../../package.json; dist/main/engine/app-version.js → ../../../package.json
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version: string };
      if (pkg.name === 'kiemchung') return (cached = pkg.version);
    } catch {
      // try the next layout
    }
  }
  return 'unknown';
}
