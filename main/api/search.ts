// search:* — full text over file names, numbers, titles and bodies (OCR included).
import { search } from '../engine/search/search.js';
import { defineDomain } from './registry.js';

export const searchDomain = defineDomain('search', {
  'search:query': (args, { session }) => search(session.require(), args.query, args.limit ?? 50),
});
