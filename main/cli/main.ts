// kiemchung: the headless CLI over the engine (CONTRACTS.md §1).
// Exit codes: 0 success (also with per-file errors, which are in the output), 1 a failure that
// stopped the command (plain message on stderr), 2 bad usage.
import { appVersion } from '../engine/app-version.js';
import { PackImportError, formatProblem } from '../engine/packs/errors.js';
import { NewerSchemaError } from '../engine/db/database.js';
import { UserError } from '../engine/errors.js';
import { UsageError } from './args.js';

const HELP = `kiemchung: evidence (tài liệu kiểm chứng) for the PAR Index self-assessment

Usage:
  kiemchung init WS --pack PACK [--year 2023] [--unit "Sở Y tế tỉnh Trà Vinh"]
  kiemchung packs list [--json] | packs show ID [--json] | packs import FILE [--json] | packs export ID --out FILE.xlsx
  kiemchung folder add WS DIR [--office "Phòng TCCB"] | folder list WS [--json] | folder remove WS DIR
  kiemchung scan WS [--json] [--no-ocr]
  kiemchung watch WS [--stability MS] [--sweep MS]   (JSON lines until Ctrl+C)
  kiemchung docs WS --json [--criterion CODE] [--unassigned] [--errors]
  kiemchung search WS QUERY --json
  kiemchung export WS --out FILE.zip [--since PREVIOUS.zip] [--merged-pdf] [--json]
  kiemchung verify FILE.zip [--json]
  kiemchung status WS [--json]
  kiemchung assign WS DOC CODE | unassign WS DOC CODE
  kiemchung review WS DOC CODE --accept|--reject|--needs-supplement [--note TEXT]
  kiemchung score WS CODE POINTS [--explain TEXT] | score WS CODE --not-applicable
  kiemchung missing WS [--office NAME] [--json]
  kiemchung history WS [--criterion CODE] [--json]   (who decided what, when)
  kiemchung settings WS [--json] | settings WS KEY VALUE   (unit, year, ocr, batches, …)

WS is a workspace folder (it holds kiemchung.db); evidence stays in its own folders and is never modified.
PACK is a built-in pack id (kiemchung packs list) or a pack file (.json, .csv, .xlsx).
`;

type Command = (argv: string[]) => Promise<void>;

// Commands load on demand: `status` must not pay for the PDF, OCR, zip and spreadsheet libraries
// that `scan` and `export` need (start-up was seconds on a busy machine when all loaded eagerly).
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/workspace.js')).initCommand,
  packs: async () => (await import('./commands/packs.js')).packsCommand,
  folder: async () => (await import('./commands/folders.js')).folderCommand,
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  watch: async () => (await import('./commands/watch.js')).watchCommand,
  docs: async () => (await import('./commands/scan.js')).docsCommand,
  search: async () => (await import('./commands/scan.js')).searchCommand,
  export: async () => (await import('./commands/bundle.js')).exportCommand,
  verify: async () => (await import('./commands/bundle.js')).verifyCommand,
  status: async () => (await import('./commands/criteria.js')).statusCommand,
  assign: async () => (await import('./commands/criteria.js')).assignCommand,
  unassign: async () => (await import('./commands/criteria.js')).unassignCommand,
  review: async () => (await import('./commands/criteria.js')).reviewCommand,
  score: async () => (await import('./commands/criteria.js')).scoreCommand,
  missing: async () => (await import('./commands/criteria.js')).missingCommand,
  history: async () => (await import('./commands/criteria.js')).historyCommand,
  settings: async () => (await import('./commands/settings.js')).settingsCommand,
};


export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(appVersion());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`kiemchung: unknown command '${name}'\n\n${HELP}`);
    return 2;
  }
  try {
    const command = await load();
    await command(rest);
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

function reportFailure(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`kiemchung: ${e.message}\n`);
    return 2;
  }
  if (e instanceof PackImportError) {
    process.stderr.write(`kiemchung: ${e.message}\n`);
    for (const p of e.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return 1;
  }
  if (e instanceof UserError || e instanceof NewerSchemaError) {
    process.stderr.write(`kiemchung: ${e.message}\n`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code && err.path) {
    process.stderr.write(`kiemchung: ${err.path}: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`kiemchung: unexpected failure (please report it): ${err?.stack ?? String(e)}\n`);
  return 1;
}
