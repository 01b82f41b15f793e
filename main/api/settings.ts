// settings:* — the workspace's settings; the engine validates every change again, so the CLI and
// the app share one set of rules.
import { batchesOf } from '../engine/offices/missing.js';
import { updateSettings } from '../engine/workspace/settings.js';
import { defineDomain } from './registry.js';

export const settingsDomain = defineDomain('settings', {
  'settings:get': (_args, { session }) => {
    const ws = session.require();
    const settings = ws.settings();
    return { settings, batches: batchesOf(ws, settings.year ?? ws.pack().year) };
  },
  'settings:update': (args, { session }) => {
    updateSettings(session.require(), args);
    return session.changed();
  },
});
