// app:* — what the shell and the start screen need to know.
import os from 'node:os';
import { appVersion } from '../engine/app-version.js';
import { readRecent } from './recent.js';
import { defineDomain } from './registry.js';

export const appDomain = defineDomain('app', {
  'app:info': async (_args, { session }) => {
    const { appDataDir } = await import('../engine/packs/library.js');
    return {
      version: appVersion(),
      shell: session.shell,
      appDataDir: appDataDir(),
      platform: `${os.platform()} ${os.arch()}`,
      recent: await readRecent(),
    };
  },
});
