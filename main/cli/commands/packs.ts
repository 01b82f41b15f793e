import { exportPackXlsx } from '../../engine/packs/export-xlsx.js';
import { importPackFileWithWarnings } from '../../engine/packs/import.js';
import { formatProblem } from '../../engine/packs/errors.js';
import { getPack, listPacks, savePack } from '../../engine/packs/library.js';
import { UserError } from '../../engine/errors.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';

export async function packsCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 0, max: 0, usage: 'kiemchung packs list [--json]' });
      const packs = await listPacks();
      if (flag(p, 'json')) printJson(packs);
      else for (const s of packs) console.log(`${s.id}\t${s.name}\t${s.criteria} criteria${s.builtin ? '\t(built-in)' : ''}`);
      return;
    }
    case 'show': {
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung packs show ID [--json]' });
      const pack = await getPack(positional(p, 0));
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
      const p = parse(rest, { json: { type: 'boolean' } }, { min: 1, max: 1, usage: 'kiemchung packs import FILE [--json]' });
      const { pack, warnings } = await importPackFileWithWarnings(positional(p, 0));
      await savePack(pack);
      for (const w of warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
      if (flag(p, 'json')) printJson({ id: pack.id, name: pack.name, criteria: pack.criteria.length, warnings: warnings.map(formatProblem) });
      else console.log(`Imported pack ${pack.id}: ${pack.name}, ${pack.criteria.length} criteria`);
      return;
    }
    case 'export': {
      const p = parse(rest, { out: { type: 'string' } }, { min: 1, max: 1, usage: 'kiemchung packs export ID --out FILE.xlsx' });
      const out = stringOption(p, 'out');
      if (!out) throw new UsageError('--out FILE.xlsx is required');
      if (!/\.xlsx$/i.test(out)) throw new UserError(`--out '${out}' must end in .xlsx`);
      const pack = await getPack(positional(p, 0));
      await exportPackXlsx(pack, out);
      console.log(`Wrote ${out}`);
      return;
    }
    default:
      throw new UsageError('usage: kiemchung packs list|show|import|export …');
  }
}
