// Documents, search, completeness, the criterion view and the offices' missing lists.
import type { OfficeMissingJson } from '../../shared/api.js';
import { childrenOf, findCriterion } from '../../shared/pack.js';
import { computeStatus } from '../engine/completeness/status.js';
import { missingByOffice } from '../engine/offices/missing.js';
import { findDocument, listDocuments } from '../engine/query/documents.js';
import { search } from '../engine/search/search.js';
import { ApiFailure } from './failure.js';
import type { HandlerGroup } from './handlers.js';

export const documentHandlers: HandlerGroup<'docs:list' | 'docs:get' | 'docs:previewUrl' | 'search:query' | 'status:get' | 'criterion:get' | 'offices:missing'> = {
  'docs:list': (args, { session }) =>
    listDocuments(session.require(), { unassigned: args.unassigned ?? false, errors: args.errors ?? false, ...(args.criterion ? { criterion: args.criterion } : {}) }),
  'docs:get': (args, { session }) => findDocument(session.require(), args.ref),
  'docs:previewUrl': (args, { session, shell }) => {
    const doc = findDocument(session.require(), args.id);
    if (doc.kind !== 'pdf') throw new ApiFailure('unavailable', `${doc.relPath} is not a PDF; it cannot be previewed.`);
    return shell.previewUrl(doc.id);
  },
  'search:query': (args, { session }) => search(session.require(), args.query, args.limit ?? 50),
  'status:get': (_args, { session }) => computeStatus(session.require()),
  'criterion:get': (args, { session }) => {
    const ws = session.require();
    const pack = ws.pack();
    const criterion = findCriterion(pack, args.code);
    if (!criterion) throw new ApiFailure('not-found', `The pack ${pack.id} has no criterion ${args.code}.`);
    const status = computeStatus(ws).criteria.find((c) => c.code === criterion.code) ?? null;
    return { criterion, children: childrenOf(pack, criterion.code), status, documents: listDocuments(ws, { criterion: criterion.code }) };
  },
  'offices:missing': (args, { session }) => {
    const ws = session.require();
    const missing = missingByOffice(ws, args.office ? { office: args.office } : {});
    return missing.offices.map(
      (o): OfficeMissingJson => ({
        office: o.office,
        items: o.criteria.map((c) => ({ code: c.code, title: c.title, due: c.due, missing: c.slots.map((s) => `${s.label} (${s.have}/${s.need})`) })),
      }),
    );
  },
};
