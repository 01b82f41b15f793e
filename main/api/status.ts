// status:* — completeness per criterion (CONTRACTS.md §3).
import { computeStatus } from '../engine/completeness/status.js';
import { defineDomain } from './registry.js';

export const statusDomain = defineDomain('status', {
  'status:get': (_args, { session }) => computeStatus(session.require()),
});
