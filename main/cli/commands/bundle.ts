// kiemchung export / verify (CONTRACTS.md §1, §4): bundle:export, bundle:cancel, bundle:verify.
import fs from 'node:fs';
import type { BundlePhase, BundleProgress } from '../../../shared/api.js';
import { UserError } from '../../engine/errors.js';
import { untilInterrupted } from '../interrupt.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { fullPath, withApi } from '../api.js';

const PHASES: Record<BundlePhase, string> = {
  preparing: 'Preparing',
  reports: 'Reports',
  originals: 'Copying originals',
  merging: 'Merged PDFs',
  finishing: 'Finishing',
  verifying: 'Verifying',
};

/** Progress on stderr, only when a person is watching (the session already throttles events). */
function progressPrinter(enabled: boolean): (p: BundleProgress) => void {
  let lastPhase = '';
  return (p) => {
    if (!enabled) return;
    if (p.phase !== lastPhase && lastPhase !== '') process.stderr.write('\n');
    lastPhase = p.phase;
    process.stderr.write(`\r${PHASES[p.phase]} ${p.current}/${p.total}`);
    if (p.phase === 'finishing' && p.current === p.total) process.stderr.write('\n');
  };
}

export async function exportCommand(argv: string[]): Promise<void> {
  const usage = 'kiemchung export WS --out FILE.zip [--since PREVIOUS.zip|SUBMISSION] [--batch LABEL] [--merged-pdf] [--json]';
  const p = parse(
    argv,
    { out: { type: 'string' }, since: { type: 'string' }, batch: { type: 'string' }, 'merged-pdf': { type: 'boolean' }, json: { type: 'boolean' } },
    { min: 1, max: 1, usage },
  );
  const out = stringOption(p, 'out');
  if (!out) throw new UsageError(`--out FILE.zip is required\nusage: ${usage}`);
  const json = flag(p, 'json');
  await untilInterrupted(async (signal) => {
    const since = stringOption(p, 'since');
    const exported = await withApi(positional(p, 0), async (api) => {
      const print = progressPrinter(!json && process.stderr.isTTY === true);
      const off = api.session.onPush((name, payload) => {
        if (name === 'bundle:progress') print(payload as BundleProgress);
      });
      // Ctrl+C cancels through the API, as the app's cancel does; nothing is left on disk.
      const cancel = (): void => void api.call('bundle:cancel', {});
      signal.addEventListener('abort', cancel);
      try {
        // `kiemchung verify` reads a bundle back on request; export alone does not (as before).
        // --since names a previous bundle file, or a submission (its id, đợt label or SHA-256 prefix).
        const sinceArg = since === undefined ? {} : fs.existsSync(since) ? { since: fullPath(since) } : { sinceSubmission: since };
        const batch = stringOption(p, 'batch');
        return await api.call('bundle:export', { out: fullPath(out), ...sinceArg, ...(batch ? { batch } : {}), mergedPdf: flag(p, 'merged-pdf'), verify: false });
      } finally {
        signal.removeEventListener('abort', cancel);
        off();
      }
    });
    // The JSON stays the engine's result (CONTRACTS.md §4); `verify` is the app's addition.
    const { verify: _verify, ...result } = exported;
    if (json) printJson(result);
    else {
      console.log(
        `Wrote ${result.out}: ${result.documents} document(s) under ${result.criteria} criteria, ${result.entries} entries, ` +
          `${(result.bytes / (1 << 20)).toFixed(1)} MB in ${(result.durationMs / 1000).toFixed(1)} s.`,
      );
      console.log(`  submission ${result.submission.id} (${result.submission.batch}), SHA-256 ${result.sha256}${result.answers ? `; answers ${result.answers} appraisal request(s)` : ''}.`);
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
  const result = await withApi(null, (api) => api.call('bundle:verify', { file: fullPath(file) }));
  if (flag(p, 'json')) printJson(result);
  else {
    for (const pr of result.problems) console.log(`  ${pr.kind}: ${pr.path}: ${pr.message}`);
    console.log(result.ok ? `${file}: OK, ${result.entries} entries verified.` : `${file}: ${result.problems.length} problem(s) in ${result.entries} entries.`);
  }
  // A bundle that fails verification fails the command, so scripts can rely on the exit code.
  if (!result.ok) throw new UserError(`${file} did not verify: ${result.problems.length} problem(s)${flag(p, 'json') ? ' (listed in the JSON)' : ''}.`);
}
