// review:* — the reviewer's actions (links, decisions, self-score, not applicable) and the
// append-only history of who decided what.
import { assignDocument, historyOf, reviewDocument, setScore, unassignDocument } from '../engine/review/review.js';
import { defineDomain } from './registry.js';

export const reviewDomain = defineDomain('review', {
  'review:assign': (args, { session }) => assignDocument(session.require(), args.doc, args.code),
  'review:unassign': (args, { session }) => unassignDocument(session.require(), args.doc, args.code),
  'review:decide': (args, { session }) => reviewDocument(session.require(), args.doc, args.code, args.decision, args.note ?? null),
  'review:score': (args, { session }) =>
    setScore(session.require(), args.code, {
      points: args.points,
      ...(args.explanation !== undefined ? { explanation: args.explanation } : {}),
      ...(args.notApplicable !== undefined ? { notApplicable: args.notApplicable } : {}),
    }),
  'review:history': (args, { session }) =>
    historyOf(session.require(), { ...(args.code ? { code: args.code } : {}), ...(args.doc ? { doc: args.doc } : {}), limit: args.limit ?? 200 }),
});
