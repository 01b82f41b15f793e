// status, assign, unassign, review, score, missing and history: completeness and the reviewer's
// actions (status:get, review:*, offices:missing).
import type { ReviewDecision } from '../../../shared/api.js';
import type { StatusJson } from '../../../shared/types.js';
import { vnDate } from '../../engine/completeness/evidence-checks.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { withApi } from '../api.js';

const STATUS_WORD: Record<string, string> = { complete: 'complete', partial: 'partial', missing: 'MISSING', 'not-applicable': 'n/a' };

function printStatus(s: StatusJson): void {
  const m = s.summary;
  console.log(`${s.unit ?? ''} · ${s.pack.name} · ${s.pack.year ?? ''}`);
  console.log(
    `${m.criteria} criteria: ${m.complete} complete, ${m.partial} partial, ${m.missing} missing, ${m.notApplicable} n/a · ` +
      `${m.documents} documents, ${m.unassigned} unassigned, ${m.errors} with errors`,
  );
  if (m.appraisedScore !== null || m.openRequests > 0) console.log(`appraisal: ${m.appraisedScore ?? '-'} appraised vs ${m.selfScore} self-score, ${m.openRequests} open request(s)`);
  for (const c of s.criteria) {
    const depth = c.code.split('.').length - 1;
    const appraised = c.appraisedScore !== null ? ` → ${c.appraisedScore} appraised` : '';
    const points = c.maxPoints !== null ? `  ${c.selfScore ?? '-'}/${c.maxPoints}${appraised}` : appraised;
    console.log(`${'  '.repeat(depth)}${c.code.padEnd(8 - depth * 2)} ${STATUS_WORD[c.status]?.padEnd(9)} ${c.satisfied}/${c.required}${points}  ${c.title}`);
    for (const p of c.problems) console.log(`${'  '.repeat(depth + 1)}  - ${p.kind}: ${p.message}`);
    for (const r of c.requests) console.log(`${'  '.repeat(depth + 1)}  - request ${r.id} (${r.kind}${r.due ? `, due ${vnDate(r.due)}` : ''}${r.office ? `, ${r.office}` : ''}): ${r.note}`);
  }
  for (const n of s.notes) console.log(`note (${n.kind}): ${n.message}`);
}

export async function statusCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' }, dashboard: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung status WS [--json] [--dashboard]' });
  if (flag(p, 'dashboard')) {
    // What the app's dashboard draws (status:dashboard): summary, areas, the criteria tree.
    const d = await withApi(positional(p, 0), (api) => api.call('status:dashboard', {}));
    if (flag(p, 'json')) printJson(d);
    else for (const a of d.areas) console.log(`${a.code.padEnd(6)} ${a.complete}/${a.leaves} complete, ${a.partial} partial, ${a.missing} missing, ${a.notApplicable} n/a  ${a.title}`);
    return;
  }
  const status = await withApi(positional(p, 0), (api) => api.call('status:get', {}));
  if (flag(p, 'json')) printJson(status);
  else printStatus(status);
}

export async function assignCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 3, max: 3, usage: 'kiemchung assign WS DOC CODE' });
  const doc = await withApi(positional(p, 0), (api) => api.call('review:assign', { doc: positional(p, 1), code: positional(p, 2) }));
  if (flag(p, 'json')) printJson(doc);
  else console.log(`${doc.relPath} → ${doc.criteria.map((c) => c.code).join(', ')}`);
}

export async function unassignCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 3, max: 3, usage: 'kiemchung unassign WS DOC CODE' });
  const doc = await withApi(positional(p, 0), (api) => api.call('review:unassign', { doc: positional(p, 1), code: positional(p, 2) }));
  if (flag(p, 'json')) printJson(doc);
  else console.log(`${doc.relPath} → ${doc.criteria.map((c) => c.code).join(', ') || '(no criterion)'}`);
}

export async function reviewCommand(argv: string[]): Promise<void> {
  const usage = 'kiemchung review WS DOC CODE --accept|--reject|--needs-supplement [--note TEXT]';
  const p = parse(
    argv,
    { accept: { type: 'boolean' }, reject: { type: 'boolean' }, 'needs-supplement': { type: 'boolean' }, note: { type: 'string' }, json: { type: 'boolean' } },
    { min: 3, max: 3, usage },
  );
  const chosen: ReviewDecision[] = [];
  if (flag(p, 'accept')) chosen.push('accepted');
  if (flag(p, 'reject')) chosen.push('rejected');
  if (flag(p, 'needs-supplement')) chosen.push('needs-supplement');
  const decision = chosen[0];
  if (chosen.length !== 1 || !decision) throw new UsageError(`give exactly one of --accept, --reject, --needs-supplement\nusage: ${usage}`);
  const code = positional(p, 2);
  const doc = await withApi(positional(p, 0), (api) => api.call('review:decide', { doc: positional(p, 1), code, decision, note: stringOption(p, 'note') ?? null }));
  if (flag(p, 'json')) printJson(doc);
  else console.log(`${doc.relPath} for ${code}: ${decision}`);
}

export async function scoreCommand(argv: string[]): Promise<void> {
  const usage = 'kiemchung score WS CODE POINTS [--explain TEXT] | score WS CODE --not-applicable | score WS CODE --clear';
  const p = parse(
    argv,
    { explain: { type: 'string' }, 'not-applicable': { type: 'boolean' }, applicable: { type: 'boolean' }, clear: { type: 'boolean' }, json: { type: 'boolean' } },
    { min: 2, max: 3, usage },
  );
  const raw = p.positionals[2];
  let points: number | null = null;
  if (raw !== undefined) {
    points = Number(raw.replace(',', '.'));
    if (!Number.isFinite(points)) throw new UsageError(`POINTS must be a number, got '${raw}'\nusage: ${usage}`);
  } else if (!flag(p, 'clear') && !flag(p, 'not-applicable') && !flag(p, 'applicable') && stringOption(p, 'explain') === undefined) {
    throw new UsageError(`give POINTS, --explain, --not-applicable, --applicable or --clear\nusage: ${usage}`);
  }
  const notApplicable = flag(p, 'not-applicable') ? true : flag(p, 'applicable') ? false : undefined;
  const explain = stringOption(p, 'explain');
  const row = await withApi(positional(p, 0), (api) =>
    api.call('review:score', { code: positional(p, 1), points, ...(explain !== undefined ? { explanation: explain } : {}), ...(notApplicable !== undefined ? { notApplicable } : {}) }),
  );
  if (flag(p, 'json')) printJson(row);
  else console.log(`${row.code}: self-score ${row.selfScore ?? '-'}${row.notApplicable ? ' (not applicable)' : ''}${row.explanation ? ` · ${row.explanation}` : ''}`);
}

export async function missingCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' }, office: { type: 'string' } }, { min: 1, max: 1, usage: 'kiemchung missing WS [--office NAME] [--json]' });
  const office = stringOption(p, 'office');
  const result = await withApi(positional(p, 0), (api) => api.call('offices:missing', office ? { office } : {}));
  if (flag(p, 'json')) {
    printJson(result);
    return;
  }
  for (const o of result.offices) {
    console.log(`${o.office}: ${o.criteria.length} criteria, ${o.slots} piece(s) of evidence missing`);
    for (const c of o.criteria) {
      console.log(`  ${c.code} ${c.title}${c.batch ? ` [${c.batch}]` : ''}`);
      for (const s of c.slots) console.log(`    - ${s.label} (${s.have}/${s.need})${s.due ? `, due ${vnDate(s.due)}` : ''}`);
    }
  }
  if (result.offices.length === 0) console.log(office ? `Nothing missing for '${office}'.` : 'Nothing missing.');
}

export async function historyCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    { json: { type: 'boolean' }, criterion: { type: 'string' }, doc: { type: 'string' }, limit: { type: 'string' } },
    { min: 1, max: 1, usage: 'kiemchung history WS [--criterion CODE] [--doc DOC] [--limit N] [--json]' },
  );
  const code = stringOption(p, 'criterion');
  const doc = stringOption(p, 'doc');
  const limit = Number(stringOption(p, 'limit') ?? 200);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a whole number above 0`);
  const entries = await withApi(positional(p, 0), (api) => api.call('review:history', { ...(code ? { code } : {}), ...(doc ? { doc } : {}), limit }));
  if (flag(p, 'json')) {
    printJson(entries);
    return;
  }
  for (const h of entries) {
    const what = [h.criterionCode, typeof h.detail.relPath === 'string' ? h.detail.relPath : null, typeof h.detail.note === 'string' ? `"${h.detail.note}"` : null];
    console.log(`${h.at}  ${h.actor}  ${h.action}  ${what.filter(Boolean).join('  ')}`);
  }
}
