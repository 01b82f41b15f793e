// kiemchung export / verify (CONTRACTS.md §1, §4).
import { untilInterrupted } from '../interrupt.js';
import { exportBundle, verifyBundle, type ExportProgress } from '../../engine/bundle/index.js';
import { UserError } from '../../engine/errors.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { withWorkspace } from './workspace.js';

const PHASES: Record<ExportProgress['phase'], string> = {
  preparing: 'Preparing',
  reports: 'Reports',
  originals: 'Copying originals',
  merging: 'Merged PDFs',
  finishing: 'Finishing',
};

function progressPrinter(enabled: boolean): (p: ExportProgress) => void {
  let last = 0;
  let lastPhase = '';
  return (p) => {
    if (!enabled) return;
    const now = Date.now();
    if (p.phase === lastPhase && now - last < 250 && p.current !== p.total) return;
    if (p.phase !== lastPhase && lastPhase !== '') process.stderr.write('\n');
    last = now;
    lastPhase = p.phase;
    process.stderr.write(`\r${PHASES[p.phase]} ${p.current}/${p.total}`);
    if (p.phase === 'finishing' && p.current === p.total) process.stderr.write('\n');
  };
}

export async function exportCommand(argv: string[]): Promise<void> {
  const usage = 'kiemchung export WS --out FILE.zip [--since PREVIOUS.zip] [--merged-pdf] [--json]';
  const p = parse(
    argv,
    { out: { type: 'string' }, since: { type: 'string' }, 'merged-pdf': { type: 'boolean' }, json: { type: 'boolean' } },
    { min: 1, max: 1, usage },
  );
  const out = stringOption(p, 'out');
  if (!out) throw new UsageError(`--out FILE.zip is required\nusage: ${usage}`);
  const json = flag(p, 'json');
  await untilInterrupted(async (signal) => {
    const since = stringOption(p, 'since');
    const result = await withWorkspace(positional(p, 0), (ws) =>
      exportBundle(ws, {
        out,
        ...(since ? { since } : {}),
        mergedPdf: flag(p, 'merged-pdf'),
        signal,
        onProgress: progressPrinter(!json && process.stderr.isTTY === true),
      }),
    );
    if (json) printJson(result);
    else {
      console.log(
        `Wrote ${result.out}: ${result.documents} document(s) under ${result.criteria} criteria, ${result.entries} entries, ` +
          `${(result.bytes / (1 << 20)).toFixed(1)} MB in ${(result.durationMs / 1000).toFixed(1)} s.`,
      );
      if (result.rejectedLinks > 0) console.log(`  ${result.rejectedLinks} link(s) rejected by a reviewer were left out.`);
      if (result.withdrawn > 0) console.log(`  ${result.withdrawn} file(s) of the previous bundle are listed as withdrawn.`);
      for (const s of result.skippedLinks) console.log(`  not exported: document ${s.documentId.slice(0, 8)} → ${s.code}: ${s.reason}`);
      for (const m of result.merged) console.log(`  ${m.path}: ${m.pages} page(s)${m.omitted ? `, ${m.omitted} document(s) could not be merged (listed on its cover)` : ''}`);
    }
  });
}

export async function verifyCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung verify FILE.zip [--json]' });
  const file = positional(p, 0);
  const result = await verifyBundle(file);
  if (flag(p, 'json')) printJson(result);
  else {
    for (const pr of result.problems) console.log(`  ${pr.kind}: ${pr.path}: ${pr.message}`);
    console.log(result.ok ? `${file}: OK, ${result.entries} entries verified.` : `${file}: ${result.problems.length} problem(s) in ${result.entries} entries.`);
  }
  // A bundle that fails verification fails the command, so scripts can rely on the exit code.
  if (!result.ok) throw new UserError(`${file} did not verify: ${result.problems.length} problem(s)${flag(p, 'json') ? ' (listed in the JSON)' : ''}.`);
}
