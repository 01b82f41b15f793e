// Generates the built-in criteria packs, main/engine/packs/builtin/<id>.json (committed), from
// test/fixtures/packs-source/*.csv (the facts of the source plans). The app never reads them at run time.
//
//   npx tsx scripts/build-builtin-packs.ts [SOURCE_DIR]
//
// The work is in main/engine/packs/build-builtin.ts (type-checked, linted and tested there).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBuiltinPacks, writeBuiltinPacks } from '../main/engine/packs/build-builtin.js';
import { BUILTIN_RELATIVE_DIR } from '../main/engine/packs/builtin.js';
import { formatProblem, PackImportError } from '../main/engine/packs/errors.js';

async function main(): Promise<number> {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const sourceDir = path.resolve(process.argv[2] ?? path.join(repo, 'test', 'fixtures', 'packs-source'));
  try {
    const built = await buildBuiltinPacks(sourceDir);
    const files = await writeBuiltinPacks(built, path.join(repo, BUILTIN_RELATIVE_DIR));
    built.forEach((b, i) => {
      for (const w of b.warnings) console.warn(`${path.basename(b.sourceFile)}: warning: ${formatProblem(w)}`);
      const slots = b.pack.criteria.reduce((n, c) => n + c.evidence.length, 0);
      console.log(`${path.relative(repo, files[i] ?? '')}: ${b.pack.criteria.length} criteria, ${slots} evidence slots`);
    });
    return 0;
  } catch (e) {
    console.error(`build-builtin-packs: ${e instanceof PackImportError ? e.report() : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = await main();
