// The engine's layer rule (eslint.config.js, ENGINE_LAYERS): a reversed import fails the lint,
// an allowed one passes, and the layers themselves have no cycle.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';

async function lintProbe(folder: string, source: string): Promise<ESLint.LintResult> {
  const file = path.join(REPO_ROOT, 'main', 'engine', folder, `__layer-probe-${process.pid}.ts`);
  fs.writeFileSync(file, source);
  try {
    const [result] = await new ESLint({ cwd: REPO_ROOT }).lintFiles([file]);
    return result as ESLint.LintResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('engine layers', () => {
  it('fails the lint on a reversed import (the database layer importing the scan)', async () => {
    const r = await lintProbe('db', "import { scanWorkspace } from '../scan/reconcile.js';\nexport const probe = scanWorkspace;\n");
    const layering = r.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(layering).toHaveLength(1);
    expect(layering[0]?.message).toContain('main/engine/db/ may import no other engine folder of the engine, not scan/');
  }, 120_000);

  it('fails the lint on the old cycle (OCR importing the scan) and passes the allowed direction', async () => {
    const back = await lintProbe('ocr', "import { headerOf } from '../scan/header-of.js';\nexport const probe = headerOf;\n");
    expect(back.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const forward = await lintProbe('scan', "import { runOcrPhase } from '../ocr/ocr-phase.js';\nexport const probe = runOcrPhase;\n");
    expect(forward.messages).toEqual([]);
  }, 120_000);

  it('lists layers without a cycle', async () => {
    const config = path.join(REPO_ROOT, 'eslint.config.js');
    const layers = ((await import(config)) as { ENGINE_LAYERS: Record<string, readonly string[]> }).ENGINE_LAYERS;
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') throw new Error(`cycle: ${[...trail, f].join(' → ')}`);
      state.set(f, 'visiting');
      for (const g of layers[f] ?? []) {
        expect(Object.keys(layers)).toContain(g);
        visit(g, [...trail, f]);
      }
      state.set(f, 'done');
    };
    for (const f of Object.keys(layers)) visit(f, []);
    // Every engine folder is in the rule.
    const folders = fs.readdirSync(path.join(REPO_ROOT, 'main', 'engine'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(f in layers))).toEqual([]);
  });
});
