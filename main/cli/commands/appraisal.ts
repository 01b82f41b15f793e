// kiemchung appraisal open|status|score|decide|request|export: the Sở Nội vụ side of the round
// trip (issue 15; appraisal:*). AWS is the appraisal workspace folder.
import type { AppraisalStatusJson } from '../../../shared/appraisal.js';
import { formatDateVi, formatPoints } from '../../engine/bundle/report-model.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { fullPath, withApi } from '../api.js';

const USAGE = `kiemchung appraisal open BUNDLE.zip AWS [--json]
  | appraisal status AWS [--json]
  | appraisal score AWS CODE POINTS [--note TEXT] [--json]
  | appraisal decide AWS DOC CODE --accept|--reject [--note TEXT] [--json]
  | appraisal request AWS CODE --explain|--supplement --note TEXT [--due dd/mm/yyyy] [--json]
  | appraisal export AWS --out DECISIONS.json [--place TEXT] [--json]`;

function printStatus(s: AppraisalStatusJson): void {
  console.log(`Thẩm định: ${s.unit ?? ''} · ${s.pack.name} · ${s.year ?? ''}`);
  for (const r of s.rounds) console.log(`  lần ${r.round}: ${r.file} (${r.evidence} tài liệu${r.withdrawn ? `, rút ${r.withdrawn}` : ''}${r.answered.length ? `, trả lời ${r.answered.join(', ')}` : ''})`);
  const m = s.summary;
  console.log(`${m.criteria} criteria, ${m.scored} scored · ${m.documents} documents: ${m.accepted} accepted, ${m.rejected} rejected, ${m.undecided} undecided · requests: ${m.requests.open} open, ${m.requests.answered} answered`);
  console.log(`points: self ${formatPoints(m.selfScore) || '-'} / appraised ${formatPoints(m.appraisedScore) || '-'} / max ${formatPoints(m.maxPoints) || '-'}`);
  for (const c of s.criteria) {
    const depth = c.code.split('.').length - 1;
    const pts = `${formatPoints(c.selfScore) || '-'} → ${formatPoints(c.appraisedScore) || '-'}${c.maxPoints !== null ? `/${formatPoints(c.maxPoints)}` : ''}`;
    console.log(`${'  '.repeat(depth)}${c.code.padEnd(8 - depth * 2)} ${pts.padEnd(14)} ${c.title}`);
    for (const e of c.evidence) {
      const d = e.decision ? (e.decision.decision === 'accepted' ? 'accepted' : 'REJECTED') : 'undecided';
      console.log(`${'  '.repeat(depth + 1)}  [${e.withdrawnRound !== null ? 'withdrawn' : d}] ${e.path}${e.answers.length ? ` (answers ${e.answers.join(', ')})` : ''}`);
    }
    for (const r of c.requests) console.log(`${'  '.repeat(depth + 1)}  ${r.id} ${r.kind}: ${r.note}${r.due ? ` (due ${formatDateVi(r.due)})` : ''} — ${r.status === 'open' ? 'open' : `answered in round ${r.answeredRound}`}`);
  }
}

export async function appraisalCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  const json = { json: { type: 'boolean' as const } };
  switch (sub) {
    case 'open': {
      const p = parse(rest, json, { min: 2, max: 2, usage: 'kiemchung appraisal open BUNDLE.zip AWS [--json]' });
      const r = await withApi(null, (api) => api.call('appraisal:open', { bundle: fullPath(positional(p, 0)), dir: fullPath(positional(p, 1)) }));
      if (flag(p, 'json')) printJson(r);
      else {
        console.log(`Opened ${r.file} in ${r.dir} as round ${r.round}${r.supplement ? ' (supplement)' : ''}: ${r.evidence} document(s), ${r.criteria} criteria${r.withdrawn ? `, ${r.withdrawn} withdrawn` : ''}.`);
        if (r.answered.length) console.log(`  answers requests ${r.answered.join(', ')}`);
      }
      return;
    }
    case 'status': {
      const p = parse(rest, json, { min: 1, max: 1, usage: 'kiemchung appraisal status AWS [--json]' });
      const s = await withApi(null, (api) => api.call('appraisal:status', { dir: fullPath(positional(p, 0)) }));
      if (flag(p, 'json')) printJson(s);
      else printStatus(s);
      return;
    }
    case 'score': {
      const p = parse(rest, { ...json, note: { type: 'string' } }, { min: 3, max: 3, usage: 'kiemchung appraisal score AWS CODE POINTS [--note TEXT]' });
      const note = stringOption(p, 'note');
      const r = await withApi(null, (api) => api.call('appraisal:score', { dir: fullPath(positional(p, 0)), code: positional(p, 1), points: positional(p, 2), ...(note !== undefined ? { note } : {}) }));
      if (flag(p, 'json')) printJson(r);
      else console.log(`${r.code}: appraised ${formatPoints(r.points)}${r.maxPoints !== null ? `/${formatPoints(r.maxPoints)}` : ''}${r.note ? ` · ${r.note}` : ''}`);
      return;
    }
    case 'decide': {
      const usage = 'kiemchung appraisal decide AWS DOC CODE --accept|--reject [--note TEXT]';
      const p = parse(rest, { ...json, accept: { type: 'boolean' }, reject: { type: 'boolean' }, note: { type: 'string' } }, { min: 3, max: 3, usage });
      if (flag(p, 'accept') === flag(p, 'reject')) throw new UsageError(`give exactly one of --accept, --reject\nusage: ${usage}`);
      const note = stringOption(p, 'note');
      const r = await withApi(null, (api) =>
        api.call('appraisal:decide', { dir: fullPath(positional(p, 0)), doc: positional(p, 1), code: positional(p, 2), decision: flag(p, 'accept') ? 'accepted' : 'rejected', ...(note !== undefined ? { note } : {}) }),
      );
      if (flag(p, 'json')) printJson(r);
      else console.log(`${r.path} for ${r.code}: ${r.decision}${r.note ? ` · ${r.note}` : ''}`);
      return;
    }
    case 'request': {
      const usage = 'kiemchung appraisal request AWS CODE --explain|--supplement --note TEXT [--due dd/mm/yyyy]';
      const p = parse(rest, { ...json, explain: { type: 'boolean' }, supplement: { type: 'boolean' }, note: { type: 'string' }, due: { type: 'string' } }, { min: 2, max: 2, usage });
      if (flag(p, 'explain') === flag(p, 'supplement')) throw new UsageError(`give exactly one of --explain, --supplement\nusage: ${usage}`);
      const note = stringOption(p, 'note');
      if (!note) throw new UsageError(`--note TEXT is required\nusage: ${usage}`);
      const due = stringOption(p, 'due');
      const r = await withApi(null, (api) =>
        api.call('appraisal:request', { dir: fullPath(positional(p, 0)), code: positional(p, 1), kind: flag(p, 'explain') ? 'explain' : 'supplement', note, ...(due !== undefined ? { due } : {}) }),
      );
      if (flag(p, 'json')) printJson(r);
      else console.log(`${r.id} on ${r.code}: ${r.kind}: ${r.note}${r.due ? ` (due ${formatDateVi(r.due)})` : ''}`);
      return;
    }
    case 'export': {
      const usage = 'kiemchung appraisal export AWS --out DECISIONS.json [--place TEXT] [--json]';
      const p = parse(rest, { ...json, out: { type: 'string' }, place: { type: 'string' } }, { min: 1, max: 1, usage });
      const out = stringOption(p, 'out');
      if (!out) throw new UsageError(`--out DECISIONS.json is required\nusage: ${usage}`);
      const place = stringOption(p, 'place');
      const r = await withApi(null, (api) => api.call('appraisal:export', { dir: fullPath(positional(p, 0)), out: fullPath(out), ...(place !== undefined ? { place } : {}) }));
      if (flag(p, 'json')) printJson(r);
      else console.log(`Wrote ${r.out} and ${r.xlsx}: ${r.scores} score(s), ${r.decisions} decision(s), ${r.requests.open} open and ${r.requests.answered} answered request(s), ${r.rounds} round(s).`);
      return;
    }
    default:
      throw new UsageError(`${sub === undefined ? 'missing' : `unknown`} appraisal command${sub ? ` '${sub}'` : ''}\nusage: ${USAGE}`);
  }
}
