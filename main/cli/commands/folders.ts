import { addRoot, listRoots, removeRoot } from '../../engine/workspace/roots.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { withWorkspace } from './workspace.js';

export async function folderCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const p = parse(rest, { office: { type: 'string' }, polling: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung folder add WS DIR [--office "Phòng TCCB"]' });
      const root = await withWorkspace(positional(p, 0), (ws) => addRoot(ws, positional(p, 1), { office: stringOption(p, 'office') ?? null, polling: flag(p, 'polling') }));
      if (flag(p, 'json')) printJson(root);
      else console.log(`Added evidence folder ${root.path}${root.office ? ` (${root.office})` : ''}`);
      return;
    }
    case 'list': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung folder list WS [--json]' });
      const roots = await withWorkspace(positional(p, 0), (ws) => listRoots(ws));
      if (flag(p, 'json')) printJson(roots);
      else if (roots.length === 0) console.log('No evidence folders yet. Add one with: kiemchung folder add WS DIR');
      else for (const r of roots) console.log(`${r.path}${r.office ? `\t${r.office}` : ''}`);
      return;
    }
    case 'remove': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: 'kiemchung folder remove WS DIR' });
      const root = await withWorkspace(positional(p, 0), (ws) => removeRoot(ws, positional(p, 1)));
      if (flag(p, 'json')) printJson(root);
      else console.log(`Removed evidence folder ${root.path} (its files were not touched)`);
      return;
    }
    default:
      throw new UsageError('usage: kiemchung folder add|list|remove WS …');
  }
}
