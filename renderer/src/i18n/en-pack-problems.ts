// English words for pack problems: the same templates the CLI prints (shared/pack-problems.ts).
import { PACK_PROBLEM_EN, type PackProblemKind } from '../../../shared/pack-problems.js';
import type { PackProblemKey } from './vi-pack-problems.js';

export const enPackProblems = Object.fromEntries(Object.entries(PACK_PROBLEM_EN).map(([kind, text]) => [`packs.problem.${kind}`, text])) as Record<
  `packs.problem.${PackProblemKind}`,
  string
> satisfies Record<PackProblemKey, string>;
