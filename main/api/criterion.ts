// criterion:* — one criterion's view: the criterion, its children, its status and its documents.
import { childrenOf, findCriterion } from '../../shared/pack.js';
import { computeStatus } from '../engine/completeness/status.js';
import { listDocuments } from '../engine/query/documents.js';
import { ApiFailure } from './errors.js';
import { defineDomain } from './registry.js';

export const criterionDomain = defineDomain('criterion', {
  'criterion:get': (args, { session }) => {
    const ws = session.require();
    const pack = ws.pack();
    const criterion = findCriterion(pack, args.code);
    if (!criterion) throw new ApiFailure('not-found', { what: 'criterion', ref: args.code }, `The pack ${pack.id} has no criterion ${args.code}.`);
    const status = computeStatus(ws).criteria.find((c) => c.code === criterion.code) ?? null;
    return { criterion, children: childrenOf(pack, criterion.code), status, documents: listDocuments(ws, { criterion: criterion.code }) };
  },
});
