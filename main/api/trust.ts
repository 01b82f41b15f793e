// trust:* — root certificates the user trusts in this workspace (issue 14). Adding or removing one
// re-checks every signed document's chain; views that show signatures reload.
import type { TrustJson } from '../../shared/trust.js';
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';
import type { Session } from './session.js';

const engine = () => import('../engine/trust/trusted-roots.js');

function edited(session: Session, result: TrustJson): TrustJson {
  session.emit('workspace:changed', session.info());
  return result;
}

export const trustDomain = defineDomain('trust', {
  'trust:list': async (_args, { session }) => (await engine()).listTrust(session.require()),
  'trust:add': async (args, { session }) => edited(session, (await engine()).addTrust(session.require(), absolute(args.path, 'trust:add', 'path'))),
  'trust:remove': async (args, { session }) => edited(session, (await engine()).removeTrust(session.require(), args.sha256)),
});
