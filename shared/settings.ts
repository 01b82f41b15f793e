// Workspace settings as every runtime sees them, and the one schema that validates a change
// (the engine applies it; the app's API checks arguments with it before they reach the engine).
import { z } from 'zod';
import { isIsoDate } from './pack.js';

import type { BatchJson } from './batches.js';

export type { BatchJson };
export { formatBatchesText, parseBatchesText } from './batches.js';

export interface WorkspaceSettingsJson {
  unit: string | null;
  year: number | null;
  /** OCR of scans; on by default. */
  ocr: boolean;
  /** Per-file analysis time limit. */
  fileTimeoutMs: number;
  /** Watching: a file is indexed once its size and mtime stayed unchanged this long. */
  watchStabilityMs: number;
  /** Watching: interval of the full reconcile that catches whatever events missed. */
  watchSweepMs: number;
  /** Submission batches; null = the usual 30/6, 30/9 and 15/11 of the assessment year. */
  batches: BatchJson[] | null;
}

const BatchSchema = z.object({
  label: z.string().trim().min(1, 'a batch needs a label').max(100),
  due: z.string().refine(isIsoDate, 'expected a date written YYYY-MM-DD'),
});

export const SettingsPatchSchema = z
  .object({
    unit: z.string().trim().min(1).max(300).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
    ocr: z.boolean(),
    fileTimeoutMs: z.number().int().min(1000).max(600_000),
    watchStabilityMs: z.number().int().min(0).max(600_000),
    watchSweepMs: z.number().int().min(10_000).max(24 * 3600_000),
    batches: z.array(BatchSchema).min(1).max(12).nullable(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
