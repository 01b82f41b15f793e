// appraisal:* — the Sở Nội vụ side of the round trip (issue 15): open a received bundle into an
// appraisal workspace (verified first), score, decide, request, status and the decisions file.
// The appraisal workspace is named by its folder in each call; the session's workspace, if any,
// stays the unit's. The appraisal modules (zip reader, spreadsheet) load on first use.
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';

const engine = () => import('../engine/appraisal/index.js');

export const appraisalDomain = defineDomain('appraisal', {
  'appraisal:open': async (args) => (await engine()).openBundle(absolute(args.bundle, 'appraisal:open', 'bundle'), absolute(args.dir, 'appraisal:open', 'dir')),
  'appraisal:status': async (args) => {
    const { appraisalStatus, withAppraisal } = await engine();
    return withAppraisal(absolute(args.dir, 'appraisal:status', 'dir'), appraisalStatus);
  },
  'appraisal:score': async (args) => {
    const { scoreCriterion, withAppraisal } = await engine();
    return withAppraisal(absolute(args.dir, 'appraisal:score', 'dir'), (aws) => scoreCriterion(aws, args.code, args.points, args.note ?? null));
  },
  'appraisal:decide': async (args) => {
    const { decideDocument, withAppraisal } = await engine();
    return withAppraisal(absolute(args.dir, 'appraisal:decide', 'dir'), (aws) => decideDocument(aws, args.doc, args.code, args.decision, args.note ?? null));
  },
  'appraisal:request': async (args) => {
    const { requestOn, withAppraisal } = await engine();
    return withAppraisal(absolute(args.dir, 'appraisal:request', 'dir'), (aws) => requestOn(aws, args.code, args.kind, args.note, args.due ?? null));
  },
  'appraisal:export': async (args) => {
    const { exportDecisions, withAppraisal } = await engine();
    const out = absolute(args.out, 'appraisal:export', 'out');
    return withAppraisal(absolute(args.dir, 'appraisal:export', 'dir'), (aws) => exportDecisions(aws, out, { place: args.place ?? null }));
  },
});
