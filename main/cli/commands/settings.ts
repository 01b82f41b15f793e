// kiemchung settings WS [KEY VALUE]: show the workspace settings, or change one (validated).
import type { SettingsPatch } from '../../../shared/settings.js';
import { parseBatchesText } from '../../../shared/settings.js';
import { vnDate } from '../../engine/completeness/evidence-checks.js';
import { UserError } from '../../engine/errors.js';
import { UsageError, flag, parse, positional, printJson } from '../args.js';
import { withApi } from '../api.js';

const USAGE = `kiemchung settings WS [--json]
  kiemchung settings WS KEY VALUE
    unit "Sở Y tế tỉnh Trà Vinh" | year 2023 | ocr on|off | fileTimeoutMs 10000
    watchStabilityMs 2000 | watchSweepMs 300000
    batches "Đợt 1=30/06/2023; Đợt 2=30/09/2023; Đợt 3=15/11/2023" | batches default`;

/** A batch list as typed: "Đợt 1=30/06/2023; Đợt 2=2023-09-30" (refused naming the value at fault). */
function parseBatches(text: string): NonNullable<SettingsPatch['batches']> {
  const parsed = parseBatchesText(text);
  if ('error' in parsed) throw new UserError(parsed.error);
  return parsed.batches;
}

function valueOf(key: string, raw: string): unknown {
  switch (key) {
    case 'unit':
      return raw.trim() === '' || raw === '-' ? null : raw;
    case 'ocr':
      if (/^(on|true|yes|1)$/i.test(raw)) return true;
      if (/^(off|false|no|0)$/i.test(raw)) return false;
      throw new UsageError(`ocr is on or off, got '${raw}'`);
    case 'batches':
      return raw === 'default' ? null : parseBatches(raw);
    case 'year':
    case 'fileTimeoutMs':
    case 'watchStabilityMs':
    case 'watchSweepMs': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new UsageError(`${key} must be a number, got '${raw}'`);
      return n;
    }
    default:
      throw new UsageError(`unknown setting '${key}'\nusage: ${USAGE}`);
  }
}

export async function settingsCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 3, usage: USAGE });
  if (p.positionals.length === 2) throw new UsageError(`give a VALUE for '${p.positionals[1] ?? ''}'\nusage: ${USAGE}`);
  const result = await withApi(positional(p, 0), async (api) => {
    if (p.positionals.length === 3) {
      const key = positional(p, 1);
      // valueOf has checked the key; the API's schema and the engine check the value.
      await api.call('settings:update', { [key]: valueOf(key, positional(p, 2)) } as SettingsPatch);
    }
    return api.call('settings:get', {});
  });
  if (flag(p, 'json')) {
    printJson(result.settings);
    return;
  }
  for (const [k, v] of Object.entries(result.settings)) if (k !== 'batches') console.log(`${k}: ${v === null ? '-' : String(v)}`);
  console.log(`batches${result.settings.batches ? '' : ' (default)'}: ${result.batches.map((b) => `${b.label} ${vnDate(b.due)}`).join(', ') || '-'}`);
}
