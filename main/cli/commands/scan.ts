// kiemchung scan, docs, search (index:scan, docs:list, search:query).
import type { IndexProgress } from '../../../shared/api.js';
import { untilInterrupted } from '../interrupt.js';
import { flag, parse, positional, printJson, stringOption } from '../args.js';
import { withApi } from '../api.js';

/** Progress on stderr, only when a person is watching (the session already throttles events). */
function progressPrinter(enabled: boolean): (p: IndexProgress) => void {
  let lineOpen = false; // a "\r…" counter line is on screen and needs its newline
  return (p) => {
    if (!enabled) return;
    if (!p.running || p.phase === 'done') {
      if (lineOpen) process.stderr.write('\n');
      lineOpen = false;
      return;
    }
    if (p.phase === 'listing') process.stderr.write('Listing evidence folders…\n');
    else if (p.phase === 'indexing') process.stderr.write(`\rIndexing ${p.current}/${p.total}`);
    else if (p.phase === 'ocr-header') process.stderr.write(`${p.current === 1 ? '\n' : '\r'}OCR of scans, headers ${p.current}/${p.total}`);
    else if (p.phase === 'ocr-pages') process.stderr.write(`${p.current === 1 ? '\n' : '\r'}OCR of scans, pages ${p.current}/${p.total}`);
    lineOpen = p.phase !== 'listing';
  };
}

export async function scanCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' }, 'no-ocr': { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung scan WS [--json] [--no-ocr]' });
  const json = flag(p, 'json');
  await untilInterrupted(async (signal) => {
    const report = await withApi(positional(p, 0), async (api) => {
      const print = progressPrinter(!json && process.stderr.isTTY === true);
      const off = api.session.onPush((name, payload) => {
        if (name === 'index:progress') print(payload as IndexProgress);
      });
      // Ctrl+C cancels through the API, as the app's Cancel button does.
      const cancel = (): void => void api.call('index:cancel', {});
      signal.addEventListener('abort', cancel);
      try {
        return await api.call('index:scan', flag(p, 'no-ocr') ? { ocr: false } : {});
      } finally {
        signal.removeEventListener('abort', cancel);
        off();
      }
    });
    if (json) printJson(report);
    else {
      console.log(
        `Scanned ${report.roots} folder(s), ${report.files} file(s) in ${(report.durationMs / 1000).toFixed(1)} s: ` +
          `${report.indexed} read, ${report.reused} recognised by content, ${report.moved} moved or renamed, ` +
          `${report.unchanged} unchanged, ${report.removed} removed.`,
      );
      for (const e of report.errors) console.log(`  ${e.kind}: ${e.path}: ${e.message}`);
      for (const pr of report.problems) console.log(`  problem: ${pr.path}: ${pr.message}`);
      const ocr = report.ocr;
      if (ocr && ocr.headers + ocr.documents + ocr.failed.length > 0) {
        console.log(`OCR: ${ocr.headers} header(s) and ${ocr.documents} whole document(s) (${ocr.pages} page(s)) read in ${(ocr.durationMs / 1000).toFixed(1)} s.`);
        for (const f of ocr.failed) console.log(`  ocr: ${f.path}: ${f.message}`);
      }
      if (report.cancelled) console.log('Cancelled: finished files are kept; run scan again to continue.');
    }
  });
}

export async function docsCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    { json: { type: 'boolean' }, criterion: { type: 'string' }, unassigned: { type: 'boolean' }, errors: { type: 'boolean' }, counts: { type: 'boolean' } },
    { min: 1, max: 1, usage: 'kiemchung docs WS --json [--criterion CODE] [--unassigned] [--errors] | docs WS --counts [--json]' },
  );
  if (flag(p, 'counts')) {
    // The numbers alone (docs:counts): total, unreadable, unassigned, confirmation queue.
    const c = await withApi(positional(p, 0), (api) => api.call('docs:counts', {}));
    if (flag(p, 'json')) printJson(c);
    else console.log(`${c.total} document(s), ${c.unreadable} unreadable, ${c.unassigned} unassigned, ${c.queue} to confirm`);
    return;
  }
  const criterion = stringOption(p, 'criterion');
  const docs = await withApi(positional(p, 0), (api) =>
    api.call('docs:list', { errors: flag(p, 'errors'), unassigned: flag(p, 'unassigned'), ...(criterion ? { criterion } : {}) }),
  );
  if (flag(p, 'json')) printJson(docs);
  else {
    for (const d of docs) {
      const what = d.error ? `[${d.error.kind}] ${d.error.message}` : [d.number, d.type, d.date].filter(Boolean).join('  ');
      console.log(`${d.id.slice(0, 8)}  ${d.relPath}  ${what}`);
    }
    console.log(`${docs.length} document(s)`);
  }
}

export async function searchCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' }, limit: { type: 'string' } }, { min: 2, max: 2, usage: 'kiemchung search WS QUERY --json' });
  const asked = Math.trunc(Number(stringOption(p, 'limit') ?? 50));
  const limit = Number.isFinite(asked) && asked > 0 ? Math.min(asked, 10_000) : 50;
  const hits = await withApi(positional(p, 0), (api) => api.call('search:query', { query: positional(p, 1), limit }));
  if (flag(p, 'json')) printJson(hits);
  else {
    for (const h of hits) console.log(`${h.relPath}\n    ${h.snippet}`);
    console.log(`${hits.length} result(s)`);
  }
}
