// Every domain's handler map, registered once when this module loads (a duplicate or missing
// name throws here, at start-up). Engine parts that are heavy to load are imported inside the
// handlers that need them, so a CLI `status` does not pay for the PDF, OCR and zip libraries.
import { appDomain } from './app.js';
import { appraisalDomain } from './appraisal.js';
import { bundleDomain } from './bundle.js';
import { criterionDomain } from './criterion.js';
import { decisionsDomain } from './decisions.js';
import { dialogDomain } from './dialog.js';
import { docsDomain } from './docs.js';
import { indexDomain } from './index.js';
import { officesDomain } from './offices.js';
import { packsDomain } from './packs.js';
import { buildRegistry } from './registry.js';
import { reviewDomain } from './review.js';
import { rootsDomain } from './roots.js';
import { searchDomain } from './search.js';
import { settingsDomain } from './settings.js';
import { statusDomain } from './status.js';
import { submissionsDomain } from './submissions.js';
import { trustDomain } from './trust.js';
import { watchDomain } from './watch.js';
import { workspaceDomain } from './workspace.js';

export const DOMAINS = [
  appDomain,
  dialogDomain,
  packsDomain,
  workspaceDomain,
  settingsDomain,
  rootsDomain,
  trustDomain,
  indexDomain,
  docsDomain,
  searchDomain,
  statusDomain,
  criterionDomain,
  reviewDomain,
  officesDomain,
  bundleDomain,
  watchDomain,
  submissionsDomain,
  decisionsDomain,
  appraisalDomain,
] as const;

export const registry = buildRegistry(DOMAINS);
