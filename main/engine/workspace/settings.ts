// Validated changes to a workspace's settings: the one place the CLI and the app go through, so
// a bad value is refused with words naming it instead of being stored and failing later.
import { SettingsPatchSchema, parseBatchesText } from '../../../shared/settings.js';
import { UserError } from '../errors.js';
import type { Batch, Workspace, WorkspaceSettings } from './workspace.js';

export { SettingsPatchSchema };

/** Apply a patch after checking every value; nothing is written when one is wrong. */
export function updateSettings(ws: Workspace, patch: unknown): WorkspaceSettings {
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`);
    const first = parsed.error.issues[0];
    throw new UserError(`settings not changed: ${problems.join('; ')}`, { kind: 'settings.invalid', params: { field: first ? first.path.join('.') : '', issue: first?.code ?? 'custom' } });
  }
  ws.writer.transaction(() => {
    for (const [key, value] of Object.entries(parsed.data) as [keyof WorkspaceSettings, never][]) {
      if (value !== undefined) ws.setSetting(key, value);
    }
  });
  return ws.settings();
}

/** "Đợt 1=30/06/2023; Đợt 2=2023-09-30" as typed on a command line. */
export function parseBatches(text: string): Batch[] {
  const parsed = parseBatchesText(text);
  if ('error' in parsed) throw new UserError(parsed.error, { kind: 'settings.bad-batches', params: { text } });
  return parsed.batches;
}
