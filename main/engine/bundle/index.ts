// The export bundle (CONTRACTS.md §4): export, verify and the supplement (--since) bundle.
export { exportBundle, checkBundleDestination } from './export.js';
export { verifyBundle, readBundleManifest, type VerifyProblem, type VerifyResult } from './verify.js';
export { ExportCancelledError } from './zip-write.js';
export type { BundleManifest, ExportOptions, ExportProgress, ExportResult } from './types.js';
