// kiemchung offices list|add|rename|merge|alias|unalias|members|remove|folder: the office registry
// (offices:*). Names are matched folded (marks and case ignored): "van phong so" names "Văn phòng Sở".
import type { OfficesJson } from '../../../shared/api.js';
import { UsageError, flag, parse, positional, printJson } from '../args.js';
import { fullPath, withApi, type CliApi } from '../api.js';

const USAGE = `usage: kiemchung offices list WS [--json]
       kiemchung offices add WS NAME [--group]
       kiemchung offices rename WS OFFICE NEW-NAME
       kiemchung offices merge WS OFFICE INTO
       kiemchung offices alias WS OFFICE ALIAS | offices unalias WS OFFICE ALIAS
       kiemchung offices members WS GROUP OFFICE…
       kiemchung offices remove WS OFFICE
       kiemchung offices folder WS DIR OFFICE|--none`;

function print(r: OfficesJson, json: boolean): void {
  if (json) {
    printJson(r);
    return;
  }
  for (const o of r.offices) {
    const extra = [
      o.kind === 'group' ? `group of: ${o.members.join('; ') || '(no members: a row of its own)'}` : null,
      o.aliases.length > 0 ? `also: ${o.aliases.join('; ')}` : null,
      o.criteria > 0 ? `${o.criteria} criteria` : null,
      ...o.folders.map((f) => `folder ${f}`),
    ].filter(Boolean);
    console.log(`${o.name}${extra.length ? `\t${extra.join('  ·  ')}` : ''}`);
  }
  for (const p of r.proposals) console.log(`proposed: merge '${p.office}' into '${p.into}' (${p.reason}): kiemchung offices merge WS "${p.office}" "${p.into}"`);
}

async function run(rest: string[], min: number, max: number, usage: string, fn: (api: CliApi, p: ReturnType<typeof parse>) => Promise<OfficesJson>, options: Parameters<typeof parse>[1] = {}): Promise<void> {
  const p = parse(rest, { json: { type: 'boolean' }, ...options }, { min, max, usage });
  const r = await withApi(positional(p, 0), (api) => fn(api, p));
  print(r, flag(p, 'json'));
}

export async function officesCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
      return run(rest, 1, 1, 'kiemchung offices list WS [--json]', (api) => api.call('offices:list', {}));
    case 'add':
      return run(rest, 2, 2, 'kiemchung offices add WS NAME [--group]', (api, p) => api.call('offices:add', { name: positional(p, 1), group: flag(p, 'group') }), { group: { type: 'boolean' } });
    case 'rename':
      return run(rest, 3, 3, 'kiemchung offices rename WS OFFICE NEW-NAME', (api, p) => api.call('offices:rename', { office: positional(p, 1), name: positional(p, 2) }));
    case 'merge':
      return run(rest, 3, 3, 'kiemchung offices merge WS OFFICE INTO', (api, p) => api.call('offices:merge', { office: positional(p, 1), into: positional(p, 2) }));
    case 'alias':
      return run(rest, 3, 3, 'kiemchung offices alias WS OFFICE ALIAS', (api, p) => api.call('offices:alias', { office: positional(p, 1), alias: positional(p, 2) }));
    case 'unalias':
      return run(rest, 3, 3, 'kiemchung offices unalias WS OFFICE ALIAS', (api, p) => api.call('offices:alias', { office: positional(p, 1), alias: positional(p, 2), remove: true }));
    case 'members':
      return run(rest, 3, 200, 'kiemchung offices members WS GROUP OFFICE…', (api, p) => api.call('offices:members', { group: positional(p, 1), members: p.positionals.slice(2) }));
    case 'remove':
      return run(rest, 2, 2, 'kiemchung offices remove WS OFFICE', (api, p) => api.call('offices:remove', { office: positional(p, 1) }));
    case 'folder':
      return run(
        rest,
        2,
        3,
        'kiemchung offices folder WS DIR OFFICE|--none',
        (api, p) => {
          const office = p.positionals[2];
          if ((office === undefined) === !flag(p, 'none')) throw new UsageError('give the folder\'s office or --none\nusage: kiemchung offices folder WS DIR OFFICE|--none');
          return api.call('offices:setFolderOffice', { dir: fullPath(positional(p, 1)), office: office ?? null });
        },
        { none: { type: 'boolean' } },
      );
    default:
      throw new UsageError(USAGE);
  }
}
