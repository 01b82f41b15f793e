// status:* — completeness per criterion (CONTRACTS.md §3), and the dashboard's projection of it.
import { computeDashboard } from '../engine/completeness/dashboard.js';
import { computeStatus } from '../engine/completeness/status.js';
import { defineDomain } from './registry.js';

export const statusDomain = defineDomain('status', {
  'status:get': (_args, { session }) => computeStatus(session.require()),
  'status:dashboard': (_args, { session }) => computeDashboard(session.require()),
});
