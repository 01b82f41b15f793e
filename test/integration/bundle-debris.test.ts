// A killed export leaves its hidden temporary file (nothing runs after kill -9); the next export
// into the same folder removes it, and never touches another writer's temporary file; so does
// opening the workspace, in the folders its bundles went to. A SIGTERM mid-write leaves none.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignDocument } from '../../main/engine/review/review.js';
import { scanWorkspace } from '../../main/engine/scan/reconcile.js';
import type { Workspace } from '../../main/engine/workspace/workspace.js';
import { REAL, REPO_ROOT, SEEDS, tempDir } from '../helpers/corpus.js';
import { makeWorkspace } from '../helpers/workspace.js';

const BIN = path.join(REPO_ROOT, 'bin', 'kiemchung.js');
let ws: Workspace;

/** Starts a merged-PDF export to `out` and sends `signal` once its temporary file exists; resolves when it ended. */
async function stopMidWrite(out: string, signal: NodeJS.Signals): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'export', ws.dir, '--out', out, '--merged-pdf'], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  const deadline = Date.now() + 30_000;
  const dir = path.dirname(out);
  while (!fs.readdirSync(dir).some((f) => f.endsWith('.partial')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(fs.readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(true);
  child.kill(signal);
  await exited;
}


beforeAll(async () => {
  const evidence = tempDir('debris-ev');
  // A large file makes the export last long enough to be killed while writing.
  fs.copyFileSync(path.join(REAL, 'rb-large-352-pages.pdf'), path.join(evidence, 'large.pdf'));
  fs.copyFileSync(path.join(SEEDS, 'plan-000.pdf'), path.join(evidence, 'KH 78.pdf'));
  ws = await makeWorkspace([evidence]);
  await scanWorkspace(ws, { ocr: false });
  for (const f of ['large.pdf', 'KH 78.pdf']) assignDocument(ws, path.join(evidence, f), '1.1');
}, 120_000);

afterAll(() => ws?.close());

describe('temporary files of killed exports', () => {
  it('are removed by the next export to the same folder; a live writer’s file is kept', async () => {
    const outDir = tempDir('debris-out');
    const out = path.join(outDir, 'bundle.zip');
    const child = spawn(process.execPath, [BIN, 'export', ws.dir, '--out', out, '--merged-pdf'], { stdio: 'ignore' });
    // Wait until the temporary file exists, then kill without warning.
    const deadline = Date.now() + 30_000;
    while (!fs.readdirSync(outDir).some((f) => f.endsWith('.partial')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const debris = fs.readdirSync(outDir).filter((f) => f.endsWith('.partial'));
    expect(debris).toHaveLength(1);
    // Another writer that is alive (this test process) must keep its file.
    const live = path.join(outDir, `.other.zip.${process.pid}.0123abcd.partial`);
    fs.writeFileSync(live, 'in progress');

    const r = spawnSync(process.execPath, [BIN, 'export', ws.dir, '--out', out, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([path.basename(live), 'bundle.zip'].sort());
  }, 120_000);

  it('a SIGTERM mid-write leaves no temporary file; a killed one is removed when the workspace opens', async () => {
    const outDir = tempDir('debris-open');
    const first = path.join(outDir, 'dot-1.zip');
    const r = spawnSync(process.execPath, [BIN, 'export', ws.dir, '--out', first, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);

    await stopMidWrite(path.join(outDir, 'dot-2.zip'), 'SIGTERM');
    expect(fs.readdirSync(outDir)).toEqual(['dot-1.zip']);

    await stopMidWrite(path.join(outDir, 'dot-2.zip'), 'SIGKILL');
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.partial'))).toHaveLength(1);
    // Any command that opens the workspace (here a read-only status) cleans the folders of its bundles.
    const status = spawnSync(process.execPath, [BIN, 'status', ws.dir, '--json'], { encoding: 'utf8' });
    expect(status.status, status.stderr).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['dot-1.zip']);
  }, 180_000);
});
