// kiemchung: the headless CLI over the engine's API (CONTRACTS.md §1): each command parses its
// arguments, calls the same handlers as the app (main/cli/api.ts) and prints the result.
// Exit codes: 0 success (also with per-file errors, which are in the output), 1 a failure that
// stopped the command (plain message on stderr), 2 bad usage.
import { appVersion } from '../engine/app-version.js';
import { reportFailure } from './report.js';

const HELP = `kiemchung: evidence (tài liệu kiểm chứng) for the PAR Index self-assessment

Usage:
  kiemchung init WS --pack PACK [--year 2023] [--unit "Sở Y tế tỉnh Trà Vinh"]
  kiemchung packs list [--json] | packs show ID [--json] | packs import FILE [--json] | packs export ID --out FILE.xlsx
  kiemchung folder add WS DIR [--office "Phòng TCCB"] | folder list WS [--json] | folder remove WS DIR
  kiemchung scan WS [--json] [--no-ocr]
  kiemchung watch WS [--stability MS] [--sweep MS]   (JSON lines until Ctrl+C)
  kiemchung docs WS --json [--criterion CODE] [--unassigned] [--errors] | docs WS --counts [--json]
  kiemchung search WS QUERY --json
  kiemchung export WS --out FILE.zip [--since PREVIOUS.zip|SUBMISSION] [--batch "Đợt 1"] [--merged-pdf] [--json]
  kiemchung verify FILE.zip [--json]
  kiemchung status WS [--json] [--dashboard]   (--dashboard: what the app's dashboard shows)
  kiemchung assign WS DOC CODE | unassign WS DOC CODE
  kiemchung review WS DOC CODE --accept|--reject|--needs-supplement [--note TEXT]
  kiemchung score WS CODE POINTS [--explain TEXT] | score WS CODE --not-applicable
  kiemchung missing WS [--office NAME] [--json]
  kiemchung history WS [--criterion CODE] [--json]   (who decided what, when)
  kiemchung trust WS list|add FILE.cer|remove SHA256 [--json]   (root certificates this workspace trusts)
  kiemchung offices list|add|rename|merge|alias|unalias|members|remove|folder WS …   (the office registry)
  kiemchung remind WS [--office NAME] [--batch N] [--out FILE.docx|FILE.pdf|FILE.xlsx [--list]] [--json]
  kiemchung settings WS [--json] | settings WS KEY VALUE   (unit, year, ocr, batches, …)
  kiemchung fix WS DOC [--number N] [--date dd/mm/yyyy] [--type CODE] [--issuer …] [--place …] [--title …] [--clear FIELD] [--json]
  kiemchung info [WS] [--json] | doc WS DOC [--json] | criterion WS CODE [--json]
  kiemchung submissions WS [--json]   (every exported bundle: đợt, date, counts, SHA-256)
  kiemchung decisions import WS DECISIONS.json [--json]   (the Sở Nội vụ's appraisal, unit side)
  kiemchung appraisal open BUNDLE.zip AWS | appraisal status AWS [--json]
  kiemchung appraisal score AWS CODE POINTS [--note T] | appraisal decide AWS DOC CODE --accept|--reject [--note T]
  kiemchung appraisal request AWS CODE --explain|--supplement --note T [--due dd/mm/yyyy] | appraisal export AWS --out DECISIONS.json

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
  fix: async () => (await import('./commands/fix.js')).fixCommand,
  info: async () => (await import('./commands/inspect.js')).infoCommand,
  doc: async () => (await import('./commands/inspect.js')).docCommand,
  criterion: async () => (await import('./commands/inspect.js')).criterionCommand,
  offices: async () => (await import('./commands/offices.js')).officesCommand,
  trust: async () => (await import('./commands/trust.js')).trustCommand,
  remind: async () => (await import('./commands/remind.js')).remindCommand,
  submissions: async () => (await import('./commands/decisions.js')).submissionsCommand,
  decisions: async () => (await import('./commands/decisions.js')).decisionsCommand,
  appraisal: async () => (await import('./commands/appraisal.js')).appraisalCommand,
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
