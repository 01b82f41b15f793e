// workspace:* — create, open, close the workspace of the session, and the sample workspace.
import path from 'node:path';
import { addRoot } from '../engine/workspace/roots.js';
import { Workspace } from '../engine/workspace/workspace.js';
import { scanInBackground } from './index.js';
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';

export const SAMPLE_PACK_ID = 'tra-vinh-so-y-te-2023';

export const workspaceDomain = defineDomain('workspace', {
  'workspace:current': (_args, { session }) => (session.current() ? session.info() : null),
  'workspace:create': async (args, { session }) => {
    const dir = absolute(args.dir, 'workspace:create', 'dir');
    // The pack readers load on demand (spreadsheet library).
    const pack =
      args.packFile !== undefined
        ? await (await import('../engine/packs/import.js')).importPackFile(absolute(args.packFile, 'workspace:create', 'packFile'))
        : await (await import('../engine/packs/library.js')).getPack(args.packId ?? '');
    await session.setWorkspace(Workspace.create(dir, { pack, year: args.year ?? null, unit: args.unit ?? null }));
    return session.info();
  },
  'workspace:open': async (args, { session }) => {
    await session.setWorkspace(Workspace.open(absolute(args.dir, 'workspace:open', 'dir')));
    return session.info();
  },
  'workspace:sample': async (args, { session }) => {
    const count = args.documents ?? 30;
    await session.jobs.runExclusive('sample', async () => {
      const { appDataDir, getPack } = await import('../engine/packs/library.js');
      const { writeSampleEvidence } = await import('../engine/sample/sample-evidence.js');
      const base = path.join(appDataDir(), 'samples', `mau-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      const pack = await getPack(SAMPLE_PACK_ID);
      session.setIndexProgress({ running: true, phase: 'listing', current: 0, total: count, path: null });
      const evidence = await writeSampleEvidence(path.join(base, 'Tài liệu kiểm chứng'), pack, count, (done, total) =>
        session.setIndexProgress({ running: true, phase: 'listing', current: done, total, path: null }),
      );
      const ws = Workspace.create(path.join(base, 'workspace'), { pack, year: 2023, unit: 'Sở Y tế tỉnh Trà Vinh (mẫu)' });
      addRoot(ws, evidence.dir, { office: 'Văn phòng Sở' });
      await session.setWorkspace(ws);
    });
    scanInBackground(session);
    return session.info();
  },
  'workspace:close': async (_args, { session }) => {
    await session.setWorkspace(null);
    return null;
  },
});
