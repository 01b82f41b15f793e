// roots:* — the evidence folders (roots) of the workspace and the office each belongs to.
import { addRoot, listRoots, removeRoot } from '../engine/workspace/roots.js';
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';

export const rootsDomain = defineDomain('roots', {
  'roots:list': (_args, { session }) => listRoots(session.require()),
  'roots:add': (args, { session }) => {
    addRoot(session.require(), absolute(args.dir, 'roots:add', 'dir'), { office: args.office ?? null, polling: args.polling ?? false });
    return session.changed();
  },
  'roots:remove': (args, { session }) => {
    // The engine matches the folder by its real path and names the folder when it is not a root.
    removeRoot(session.require(), absolute(args.dir, 'roots:remove', 'dir'));
    return session.changed();
  },
});
