// Ordered list of schema migrations; each file brings the database to one user_version.
import { migration001 } from './001-initial.js';
import { migration002 } from './002-classification.js';
import { migration003 } from './003-ocr.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
