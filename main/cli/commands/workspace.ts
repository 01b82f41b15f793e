// kiemchung init: create a workspace (workspace:create).
import { UsageError, parse, positional, printJson, stringOption, flag } from '../args.js';
import { fullPath, withApi } from '../api.js';
import { formatBatchesText } from '../../../shared/batches.js';

/** What `--pack` names: a file when it has a pack file's extension or a folder in it (as the engine's resolvePackArg decides), else a pack id. */
function looksLikePackFile(arg: string): boolean {
  return /\.(json|csv|xlsx)$/i.test(arg) || /[\\/]/.test(arg);
}

export async function initCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    { pack: { type: 'string' }, year: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } },
    { min: 1, max: 1, usage: 'kiemchung init WS --pack PACK [--year 2023] [--unit "Sở Y tế tỉnh Trà Vinh"]' },
  );
  const packArg = stringOption(p, 'pack');
  if (!packArg) throw new UsageError('--pack is required: a built-in pack id (see: kiemchung packs list) or a pack file (.json, .csv, .xlsx)');
  const yearText = stringOption(p, 'year');
  let year: number | null = null;
  if (yearText !== undefined) {
    year = Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year '${yearText}' is not a year like 2023`);
  }
  const pack = looksLikePackFile(packArg) ? { packFile: fullPath(packArg) } : { packId: packArg };
  const info = await withApi(null, (api) => api.call('workspace:create', { dir: fullPath(positional(p, 0)), ...pack, year, unit: stringOption(p, 'unit') ?? null }));
  const s = info.settings;
  // batches: the ones the pack's plan sets (CONTRACTS §5), or null (the usual three apply).
  const summary = { workspace: info.dir, pack: { id: info.pack.id, name: info.pack.name }, year: s.year, unit: s.unit, criteria: info.criteria, batches: s.batches };
  if (flag(p, 'json')) printJson(summary);
  else {
    console.log(`Created workspace ${info.dir}`);
    console.log(`  pack: ${info.pack.name} (${info.pack.id}), ${info.criteria} criteria; year: ${s.year ?? 'not set'}; unit: ${s.unit ?? 'not set'}`);
    if (s.batches) console.log(`  batches (from the pack's plan): ${formatBatchesText(s.batches)}`);
    console.log(`Next: kiemchung folder add ${positional(p, 0)} EVIDENCE_FOLDER, then kiemchung scan ${positional(p, 0)}`);
  }
}
