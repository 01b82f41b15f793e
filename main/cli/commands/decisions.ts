// kiemchung decisions import WS DECISIONS.json and kiemchung submissions WS: the unit's side of
// the appraisal round trip (issue 15; decisions:import, submissions:list).
import { UsageError, flag, parse, positional, printJson } from '../args.js';
import { fullPath, withApi } from '../api.js';

export async function decisionsCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  const usage = 'kiemchung decisions import WS DECISIONS.json [--json]';
  if (sub !== 'import') throw new UsageError(`${sub === undefined ? 'missing' : 'unknown'} decisions command${sub ? ` '${sub}'` : ''}\nusage: ${usage}`);
  const p = parse(rest, { json: { type: 'boolean' } }, { min: 2, max: 2, usage });
  const r = await withApi(positional(p, 0), (api) => api.call('decisions:import', { file: fullPath(positional(p, 1)) }));
  if (flag(p, 'json')) {
    printJson(r);
    return;
  }
  console.log(`Imported ${r.file}: ${r.scores} appraised score(s), ${r.decisions} decision(s), ${r.requests.open} open request(s) (${r.requests.new} new), ${r.requests.answered} answered.`);
  for (const o of r.offices) console.log(`  ${o.office ?? '(no office named)'}: ${o.requests.join(', ')}`);
  for (const w of r.warnings) console.log(`  warning: ${w}`);
}

export async function submissionsCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung submissions WS [--json]' });
  const list = await withApi(positional(p, 0), (api) => api.call('submissions:list', {}));
  if (flag(p, 'json')) {
    printJson(list);
    return;
  }
  if (list.length === 0) console.log('No bundle exported yet.');
  for (const s of list) {
    const since = s.since ? ` supplements ${s.since.batch ?? s.since.sha256.slice(0, 12)}` : '';
    console.log(`${s.id}  ${s.batch}  ${s.createdAt.slice(0, 10)}  ${s.documents} document(s), ${s.criteria} criteria${s.withdrawn ? `, ${s.withdrawn} withdrawn` : ''}${s.answers ? `, answers ${s.answers} request(s)` : ''}${since}  ${s.sha256.slice(0, 12)}  ${s.path}`);
  }
}
