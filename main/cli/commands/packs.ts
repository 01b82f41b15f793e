// kiemchung packs list|show|import|export: the criteria packs (packs:*).
import { formatProblem } from '../../engine/packs/errors.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { fullPath, withApi } from '../api.js';

export async function packsCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 0, max: 0, usage: 'kiemchung packs list [--json]' });
      const packs = await withApi(null, (api) => api.call('packs:list', {}));
      if (flag(p, 'json')) printJson(packs);
      else for (const s of packs) console.log(`${s.id}\t${s.name}\t${s.criteria} criteria${s.builtin ? '\t(built-in)' : ''}`);
      return;
    }
    case 'show': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung packs show ID [--json]' });
      const pack = await withApi(null, (api) => api.call('packs:show', { id: positional(p, 0) }));
      if (flag(p, 'json')) printJson(pack);
      else {
        console.log(`${pack.name} (${pack.id})`);
        for (const c of pack.criteria) {
          const depth = c.code.split('.').length - 1;
          console.log(`${'  '.repeat(depth)}${c.code} ${c.title}${c.maxPoints !== null ? ` [${c.maxPoints} điểm]` : ''}`);
        }
      }
      return;
    }
    case 'import': {
      const p = parse(rest, { json: { type: 'boolean' }, save: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung packs import FILE.json|.csv|.xlsx|PLAN.pdf|PLAN.docx [--save] [--json]' });
      const file = fullPath(positional(p, 0));
      if (/\.(pdf|docx?)$/i.test(file)) {
        await importPlan(file, flag(p, 'save'), flag(p, 'json'));
        return;
      }
      const r = await withApi(null, (api) => api.call('packs:import', { file }));
      for (const w of r.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
      if (flag(p, 'json')) printJson({ id: r.id, name: r.name, criteria: r.criteria, warnings: r.warnings.map(formatProblem) });
      else console.log(`Imported pack ${r.id}: ${r.name}, ${r.criteria} criteria`);
      return;
    }
    case 'export': {
      const p = parse(rest, { out: { type: 'string' } }, { min: 1, max: 1, usage: 'kiemchung packs export ID --out FILE.xlsx' });
      const out = stringOption(p, 'out');
      if (!out) throw new UsageError('--out FILE.xlsx is required');
      await withApi(null, (api) => api.call('packs:export', { id: positional(p, 0), out: fullPath(out) }));
      console.log(`Wrote ${out}`);
      return;
    }
    default:
      throw new UsageError('usage: kiemchung packs list|show|import|export …');
  }
}

/**
 * A plan or decision document gives a draft pack: its rows and the cells the reader was unsure of
 * (check them before use); `--save` keeps the draft in the pack library, and the batches the plan
 * states can be given to `kiemchung settings WS batches`.
 */
async function importPlan(file: string, save: boolean, json: boolean): Promise<void> {
  const r = await withApi(null, (api) => api.call('packs:importPlan', { file, save }));
  if (json) {
    printJson(r);
    return;
  }
  console.log(`${r.pack.name} (${r.pack.id}): ${r.rows.length} rows from ${r.section ?? 'the plan'} (${r.layout})`);
  for (const row of r.rows) console.log(`  ${row.code}\t${row.title}${row.responsible ? `\t[${row.responsible}]` : ''}${row.due ? `\t${row.due}` : ''}`);
  if (r.unsure.length > 0) {
    console.log(`${r.unsure.length} cells to check:`);
    for (const u of r.unsure) console.log(`  ${u.code} ${u.field}: ${u.message}`);
  }
  if (r.batches.length > 0) console.log(`Batches: ${r.batches.map((b) => `${b.name}=${b.due.split('-').reverse().join('/')}`).join('; ')}`);
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  console.log(r.saved ? `Saved as pack ${r.saved.id} (${r.saved.file})` : 'Not saved: run again with --save to keep it.');
}
