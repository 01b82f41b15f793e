import { Workspace } from '../../engine/workspace/workspace.js';
import { UsageError, parse, positional, printJson, stringOption, flag } from '../args.js';

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
  // Loaded here only: the pack readers pull in the spreadsheet library, which every other
  // command (they all open workspaces through this module) would otherwise pay for at start-up.
  const { resolvePackArg } = await import('../../engine/packs/library.js');
  const pack = await resolvePackArg(packArg);
  const ws = Workspace.create(positional(p, 0), { pack, year, unit: stringOption(p, 'unit') ?? null });
  try {
    const s = ws.settings();
    const summary = { workspace: ws.dir, pack: { id: pack.id, name: pack.name }, year: s.year, unit: s.unit, criteria: pack.criteria.length };
    if (flag(p, 'json')) printJson(summary);
    else {
      console.log(`Created workspace ${ws.dir}`);
      console.log(`  pack: ${pack.name} (${pack.id}), ${pack.criteria.length} criteria; year: ${s.year ?? 'not set'}; unit: ${s.unit ?? 'not set'}`);
      console.log(`Next: kiemchung folder add ${positional(p, 0)} EVIDENCE_FOLDER, then kiemchung scan ${positional(p, 0)}`);
    }
  } finally {
    ws.close();
  }
}

/** Opens the workspace named by the first positional, runs `fn`, always closes. */
export async function withWorkspace<T>(dir: string, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const ws = Workspace.open(dir);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
