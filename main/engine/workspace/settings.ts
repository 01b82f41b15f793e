// Validated changes to a workspace's settings: the one place the CLI and the app go through, so
// a bad value is refused with words naming it instead of being stored and failing later.
import { z } from 'zod';
import { isIsoDate } from '../../../shared/pack.js';
import { UserError } from '../errors.js';
import type { Batch, Workspace, WorkspaceSettings } from './workspace.js';

const BatchSchema = z.object({
  label: z.string().trim().min(1, 'a batch needs a label'),
  due: z.string().refine(isIsoDate, 'expected a date written YYYY-MM-DD'),
});

export const SettingsPatchSchema = z
  .object({
    unit: z.string().trim().min(1).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
    ocr: z.boolean(),
    fileTimeoutMs: z.number().int().min(1000).max(600_000),
    watchStabilityMs: z.number().int().min(0).max(600_000),
    watchSweepMs: z.number().int().min(10_000).max(24 * 3600_000),
    batches: z.array(BatchSchema).min(1).nullable(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Apply a patch after checking every value; nothing is written when one is wrong. */
export function updateSettings(ws: Workspace, patch: unknown): WorkspaceSettings {
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`);
    throw new UserError(`settings not changed: ${problems.join('; ')}`);
  }
  ws.db.transaction(() => {
    for (const [key, value] of Object.entries(parsed.data) as [keyof WorkspaceSettings, never][]) {
      if (value !== undefined) ws.setSetting(key, value);
    }
  })();
  return ws.settings();
}

/** "Đợt 1=30/06/2023; Đợt 2=2023-09-30" as typed on a command line. */
export function parseBatches(text: string): Batch[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.lastIndexOf('=');
      if (eq <= 0) throw new UserError(`batch '${part}' should be written LABEL=DD/MM/YYYY, e.g. "Đợt 1=30/06/2023".`);
      const label = part.slice(0, eq).trim();
      const raw = part.slice(eq + 1).trim();
      const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
      const due = vn ? `${vn[3]}-${(vn[2] as string).padStart(2, '0')}-${(vn[1] as string).padStart(2, '0')}` : raw;
      if (!isIsoDate(due)) throw new UserError(`batch '${label}': '${raw}' is not a date (DD/MM/YYYY).`);
      return { label, due };
    });
}
