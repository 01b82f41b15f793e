// Builds real workspaces (real SQLite file in a temp folder) for integration tests.
import path from 'node:path';
import type { CriteriaPack } from '../../shared/pack.js';
import { getPack } from '../../main/engine/packs/library.js';
import { addRoot } from '../../main/engine/workspace/roots.js';
import { Workspace } from '../../main/engine/workspace/workspace.js';
import { tempDir } from './corpus.js';

export const TEST_PACK_ID = 'tra-vinh-so-y-te-2023';

export async function testPack(): Promise<CriteriaPack> {
  return getPack(TEST_PACK_ID);
}

export async function makeWorkspace(roots: string[] = []): Promise<Workspace> {
  const ws = Workspace.create(path.join(tempDir('ws'), 'ws'), { pack: await testPack(), year: 2023, unit: 'Sở Y tế tỉnh Trà Vinh' });
  for (const r of roots) addRoot(ws, r);
  return ws;
}
