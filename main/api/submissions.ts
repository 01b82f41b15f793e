// submissions:* — the bundles this workspace exported, oldest first (issue 15).
import { listSubmissions } from '../engine/bundle/submissions.js';
import { defineDomain } from './registry.js';

export const submissionsDomain = defineDomain('submissions', {
  'submissions:list': (_args, { session }) => listSubmissions(session.require()),
});
