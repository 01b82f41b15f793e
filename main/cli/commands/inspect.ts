// kiemchung info, doc and criterion: what the app's start screen, document panel and criterion
// view show (app:info / workspace:open, docs:get, criterion:get), for scripts and support.
import { flag, parse, positional, printJson } from '../args.js';
import { withApi } from '../api.js';
import { vnDate } from '../../engine/completeness/evidence-checks.js';

export async function infoCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 0, max: 1, usage: 'kiemchung info [WS] [--json]' });
  const ws = p.positionals[0];
  if (ws === undefined) {
    const app = await withApi(null, (api) => api.call('app:info', {}));
    if (flag(p, 'json')) printJson(app);
    else console.log(`KiemChung ${app.version} (${app.platform}); app data: ${app.appDataDir}`);
    return;
  }
  // Opening the workspace is what workspace:open answers with: pack, criteria, roots, settings.
  const info = await withApi(ws, (api) => api.call('workspace:current', {}));
  if (!info) throw new Error('the workspace was opened but the session has none');
  if (flag(p, 'json')) printJson(info);
  else {
    console.log(`${info.dir}: ${info.pack.name} (${info.pack.id}), ${info.criteria} criteria; year ${info.settings.year ?? '-'}; unit ${info.settings.unit ?? '-'}`);
    for (const r of info.roots) console.log(`  ${r.path}${r.office ? `\t${r.office}` : ''}`);
  }
}

export async function docCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung doc WS DOC [--json]' });
  const d = await withApi(positional(p, 0), (api) => api.call('docs:get', { ref: positional(p, 1) }));
  if (flag(p, 'json')) {
    printJson(d);
    return;
  }
  console.log(`${d.relPath} (${d.id})`);
  if (d.error) console.log(`  error: ${d.error.kind}: ${d.error.message}`);
  for (const [k, v] of [['number', d.number], ['type', d.typeName ?? d.type], ['date', d.date], ['issuer', d.issuer], ['place', d.place], ['title', d.title]] as const) {
    if (v) console.log(`  ${k}: ${v}`);
  }
  for (const c of d.criteria) console.log(`  → ${c.code} (${c.source}: ${c.reason}) ${c.status}${c.note ? ` "${c.note}"` : ''}`);
}

export async function criterionCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung criterion WS CODE [--json]' });
  const detail = await withApi(positional(p, 0), (api) => api.call('criterion:get', { code: positional(p, 1) }));
  if (flag(p, 'json')) {
    printJson(detail);
    return;
  }
  const s = detail.status;
  console.log(`${detail.criterion.code} ${detail.criterion.title}${s ? `: ${s.status}, ${s.satisfied}/${s.required}` : ''}`);
  for (const c of detail.children) console.log(`  ${c.code} ${c.title}`);
  // valid: the linked documents that satisfy the slot; a rejected or late one is linked but does not count.
  for (const sl of s?.slots ?? []) {
    const linked = sl.documents.length > sl.valid ? ` (${sl.documents.length} linked)` : '';
    console.log(`  [${sl.satisfied ? 'x' : ' '}] ${sl.label}: ${sl.valid}/${sl.minCount} valid${linked}${sl.due ? `, due ${vnDate(sl.due)}` : ''}`);
  }
  for (const d of detail.documents) console.log(`  ${d.id.slice(0, 8)}  ${d.relPath}`);
  for (const pr of s?.problems ?? []) console.log(`  - ${pr.kind}: ${pr.message}`);
}
