// The appraisal round trip, Sở Nội vụ side (issue 15): the appraisal workspace and its actions.
export { AppraisalWorkspace, withAppraisal } from './workspace.js';
export { openBundle } from './open.js';
export { appraisalStatus } from './status.js';
export { decideDocument, requestOn, scoreCriterion } from './actions.js';
export { exportDecisions, buildDecisions } from './export.js';
export { importDecisions } from './import.js';
