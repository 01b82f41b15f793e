// decisions:* — the unit's side of the appraisal round trip (issue 15): import the Sở Nội vụ's
// decisions file into the open workspace.
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';

export const decisionsDomain = defineDomain('decisions', {
  'decisions:import': async (args, { session }) => {
    const ws = session.require();
    const { importDecisions } = await import('../engine/appraisal/import.js');
    return importDecisions(ws, absolute(args.file, 'decisions:import', 'file'));
  },
});
