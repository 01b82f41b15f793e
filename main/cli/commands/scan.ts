import { untilInterrupted } from '../interrupt.js';
import { listDocuments } from '../../engine/query/documents.js';
import { scanWorkspace, type ScanProgress } from '../../engine/scan/reconcile.js';
import { search } from '../../engine/search/search.js';
import { flag, parse, positional, printJson, stringOption } from '../args.js';
import { withWorkspace } from './workspace.js';

/** Progress on stderr, at most a few times a second, only when a person is watching. */
function progressPrinter(enabled: boolean): (p: ScanProgress) => void {
  let last = 0;
  return (p) => {
    if (!enabled) return;
    const now = Date.now();
    const counting = p.phase === 'indexing' || p.phase === 'ocr-header' || p.phase === 'ocr-pages';
    if (counting && now - last < 250 && p.current !== p.total) return;
    last = now;
    if (p.phase === 'listing') process.stderr.write('Listing evidence folders…\n');
    else if (p.phase === 'indexing') process.stderr.write(`\rIndexing ${p.current}/${p.total}`);
    else if (p.phase === 'ocr-header') process.stderr.write(`${p.current === 1 ? '\n' : '\r'}OCR of scans, headers ${p.current}/${p.total}`);
    else if (p.phase === 'ocr-pages') process.stderr.write(`${p.current === 1 ? '\n' : '\r'}OCR of scans, pages ${p.current}/${p.total}`);
    else if (p.total > 0) process.stderr.write('\n');
  };
}

export async function scanCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' }, 'no-ocr': { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung scan WS [--json] [--no-ocr]' });
  const json = flag(p, 'json');
  await untilInterrupted(async (signal) => {
    const report = await withWorkspace(positional(p, 0), (ws) =>
      scanWorkspace(ws, {
        signal,
        onProgress: progressPrinter(!json && process.stderr.isTTY === true),
        ...(flag(p, 'no-ocr') ? { ocr: false } : {}),
      }),
    );
    if (json) printJson({ ...report, cancelled: signal.aborted });
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
      if (signal.aborted) console.log('Cancelled: finished files are kept; run scan again to continue.');
    }
  });
}

export async function docsCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    { json: { type: 'boolean' }, criterion: { type: 'string' }, unassigned: { type: 'boolean' }, errors: { type: 'boolean' } },
    { min: 1, max: 1, usage: 'kiemchung docs WS --json [--criterion CODE] [--unassigned] [--errors]' },
  );
  const criterion = stringOption(p, 'criterion');
  const docs = await withWorkspace(positional(p, 0), (ws) =>
    listDocuments(ws, { errors: flag(p, 'errors'), unassigned: flag(p, 'unassigned'), ...(criterion ? { criterion } : {}) }),
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
  const limit = Number(stringOption(p, 'limit') ?? 50);
  const hits = await withWorkspace(positional(p, 0), (ws) => search(ws, positional(p, 1), Number.isFinite(limit) && limit > 0 ? limit : 50));
  if (flag(p, 'json')) printJson(hits);
  else {
    for (const h of hits) console.log(`${h.relPath}\n    ${h.snippet}`);
    console.log(`${hits.length} result(s)`);
  }
}
