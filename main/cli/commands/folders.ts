// kiemchung folder add|list|remove: the evidence folders (roots:*).
import type { RootJson } from '../../../shared/api.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { fullPath, withApi } from '../api.js';

export async function folderCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const p = parse(rest, { office: { type: 'string' }, polling: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung folder add WS DIR [--office "Phòng TCCB"]' });
      const info = await withApi(positional(p, 0), (api) => api.call('roots:add', { dir: fullPath(positional(p, 1)), office: stringOption(p, 'office') ?? null, polling: flag(p, 'polling') }));
      // The folder just added has the highest id.
      const root = info.roots.reduce<RootJson | null>((a, r) => (a === null || r.id > a.id ? r : a), null);
      if (!root) throw new Error('the evidence folder was added but is not listed');
      if (flag(p, 'json')) printJson(root);
      else console.log(`Added evidence folder ${root.path}${root.office ? ` (${root.office})` : ''}`);
      return;
    }
    case 'list': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung folder list WS [--json]' });
      const roots = await withApi(positional(p, 0), (api) => api.call('roots:list', {}));
      if (flag(p, 'json')) printJson(roots);
      else if (roots.length === 0) console.log('No evidence folders yet. Add one with: kiemchung folder add WS DIR');
      else for (const r of roots) console.log(`${r.path}${r.office ? `\t${r.office}` : ''}`);
      return;
    }
    case 'remove': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung folder remove WS DIR' });
      const root = await withApi(positional(p, 0), async (api) => {
        const before = await api.call('roots:list', {});
        const after = (await api.call('roots:remove', { dir: fullPath(positional(p, 1)) })).roots;
        return before.find((r) => !after.some((a) => a.id === r.id));
      });
      if (!root) throw new Error('the evidence folder was removed but was not listed before');
      if (flag(p, 'json')) printJson(root);
      else console.log(`Removed evidence folder ${root.path} (its files were not touched)`);
      return;
    }
    default:
      throw new UsageError('usage: kiemchung folder add|list|remove WS …');
  }
}
