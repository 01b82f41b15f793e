// kiemchung remind WS [--office NAME] [--batch N] [--out FILE.docx|FILE.pdf|FILE.xlsx] [--json]:
// what each office still owes up to batch N (offices:reminders), or the reminders written to a
// file (offices:remind): letters (công văn đôn đốc) one per office as .docx or .pdf, the list as
// .xlsx or, with --list, as .pdf.
import { formatDateVi } from '../../../shared/bundle-names.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { fullPath, withApi } from '../api.js';

export async function remindCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    { json: { type: 'boolean' }, office: { type: 'string' }, batch: { type: 'string' }, out: { type: 'string' }, list: { type: 'boolean' } },
    { min: 1, max: 1, usage: 'kiemchung remind WS [--office NAME] [--batch N] [--out FILE.docx|FILE.pdf|FILE.xlsx [--list]] [--json]' },
  );
  const office = stringOption(p, 'office');
  const batch = stringOption(p, 'batch');
  const out = stringOption(p, 'out');
  const filter = { ...(office !== undefined ? { office } : {}), ...(batch !== undefined ? { batch } : {}) };
  if (flag(p, 'list') && out === undefined) throw new UsageError('--list goes with --out FILE.pdf|FILE.xlsx');
  if (out !== undefined) {
    const r = await withApi(positional(p, 0), (api) => api.call('offices:remind', { out: fullPath(out), ...filter, ...(flag(p, 'list') ? { kind: 'list' as const } : {}) }));
    if (flag(p, 'json')) printJson(r);
    else console.log(`Wrote ${r.out} (${r.kind === 'list' ? 'list' : 'letters'}, ${r.format}): ${r.offices} office(s), ${r.items} item(s)${r.batch ? ` up to ${r.batch.label} (due ${formatDateVi(r.batch.due)})` : ''}`);
    return;
  }
  const r = await withApi(positional(p, 0), (api) => api.call('offices:reminders', filter));
  if (flag(p, 'json')) {
    printJson(r);
    return;
  }
  if (r.batch) console.log(`${r.batch.label} (due ${formatDateVi(r.batch.due)}), as of ${formatDateVi(r.asOf)}`);
  for (const o of r.offices) {
    console.log(`${o.office}: ${o.items.length} item(s)`);
    for (const x of o.items) {
      const what = x.kind === 'missing' ? `${x.slot ?? 'evidence'} (${x.have ?? 0}/${x.need ?? 1})` : `${x.kind} ${x.document ?? ''}${x.note ? ` "${x.note}"` : ''}`;
      console.log(`  ${x.code} ${what}${x.due ? `, due ${formatDateVi(x.due)}` : ''}${x.overdue ? ' (overdue)' : ''}`);
    }
  }
  if (r.offices.length === 0) console.log('Nothing to remind.');
}
