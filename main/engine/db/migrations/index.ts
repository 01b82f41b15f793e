// Ordered list of schema migrations; each file brings the database to one user_version.
import { migration001 } from './001-initial.js';
import { migration002 } from './002-classification.js';
import { migration003 } from './003-ocr.js';
import { migration004 } from './004-signatures.js';
import { migration005 } from './005-classify-state.js';
import { migration006 } from './006-corrections.js';
import { migration007 } from './007-offices.js';
import { migration008 } from './008-appraisal.js';
import { migration009 } from './009-trusted-roots.js';
import { migration010 } from './010-content-facts.js';
import { migration011 } from './011-document-keys.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
