// docs:* — the documents of the workspace, one document, the URL its PDF is previewed from, a
// correction by hand of a document's header, the queue of documents waiting for one and the counts
// (total, unreadable, unassigned, queue) the nav badge and the status bar show.
import { BRIEF_DUPLICATES } from '../../shared/api.js';
import { findDocument, listDocuments } from '../engine/query/documents.js';
import { confirmQueue, fixDocument } from '../engine/review/corrections.js';
import { documentCounts } from '../engine/review/queue-counts.js';
import { ApiFailure } from './errors.js';
import { defineDomain } from './registry.js';

export const docsDomain = defineDomain('docs', {
  'docs:list': (args, { session }) => {
    const docs = listDocuments(session.require(), { unassigned: args.unassigned ?? false, errors: args.errors ?? false, ...(args.criterion ? { criterion: args.criterion } : {}) });
    // A file copied into many places would list every other copy in every row (5,000 rows × 99).
    return args.brief ? docs.map((d) => (d.duplicates.length > BRIEF_DUPLICATES ? { ...d, duplicates: d.duplicates.slice(0, BRIEF_DUPLICATES) } : d)) : docs;
  },
  'docs:get': (args, { session }) => findDocument(session.require(), args.ref),
  'docs:fix': ({ doc, ...input }, { session }) => fixDocument(session.require(), doc, input),
  'docs:queue': (_args, { session }) => {
    const ws = session.require();
    return { year: ws.settings().year ?? ws.pack().year, items: confirmQueue(ws, listDocuments(ws)) };
  },
  'docs:counts': (_args, { session }) => documentCounts(session.require()),
  'docs:previewUrl': (args, { session, shell }) => {
    const doc = findDocument(session.require(), args.id);
    if (doc.kind !== 'pdf') throw new ApiFailure('unavailable', { what: 'preview', ref: doc.relPath }, `${doc.relPath} is not a PDF; it cannot be previewed.`);
    return shell.previewUrl(doc.id);
  },
});
