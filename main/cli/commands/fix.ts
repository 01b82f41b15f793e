// fix: correct a document's header by hand (docs:fix). The correction is keyed by the file's
// sha256: it holds after renames, moves, copies, rescans and OCR upgrades, and is in the history.
import type { CallArgs } from '../../../shared/api.js';
import type { DocumentJson, HeaderFieldName } from '../../../shared/types.js';
import { vnDate } from '../../engine/completeness/evidence-checks.js';
import { UsageError, flag, parse, positional, printJson, stringOption } from '../args.js';
import { withApi } from '../api.js';

const USAGE =
  'kiemchung fix WS DOC [--number N] [--date dd/mm/yyyy] [--type CODE] [--issuer TEXT] [--place TEXT] [--title TEXT] [--clear FIELD]... [--json]';
const FIELDS = ['number', 'date', 'type', 'issuer', 'place', 'title'] as const satisfies readonly HeaderFieldName[];
type Field = (typeof FIELDS)[number];

function isField(s: string): s is Field {
  return (FIELDS as readonly string[]).includes(s);
}

export async function fixCommand(argv: string[]): Promise<void> {
  const p = parse(
    argv,
    {
      json: { type: 'boolean' },
      number: { type: 'string' },
      date: { type: 'string' },
      type: { type: 'string' },
      issuer: { type: 'string' },
      place: { type: 'string' },
      title: { type: 'string' },
      clear: { type: 'string', multiple: true },
    },
    { min: 2, max: 2, usage: USAGE },
  );
  const args: CallArgs<'docs:fix'> = { doc: positional(p, 1) };
  for (const f of FIELDS) {
    const v = stringOption(p, f);
    if (v !== undefined) args[f] = v;
  }
  const clear = p.values.clear as unknown;
  if (Array.isArray(clear)) {
    const fields = clear.flatMap((c: unknown) => String(c).split(',')).map((c) => c.trim());
    const bad = fields.find((c) => !isField(c));
    if (bad !== undefined) throw new UsageError(`--clear ${bad}: the fields are ${FIELDS.join(', ')}\nusage: ${USAGE}`);
    args.clear = fields.filter(isField);
  }
  const doc = await withApi(positional(p, 0), (api) => api.call('docs:fix', args));
  if (flag(p, 'json')) printJson(doc);
  else printFixed(doc);
}

function printFixed(doc: DocumentJson): void {
  console.log(doc.relPath);
  for (const f of FIELDS) {
    if (doc.fields[f]?.source !== 'manual') continue;
    const v = doc[f];
    if (v !== null) console.log(`  ${f}: ${f === 'date' ? vnDate(v) : v}  [manual]`);
  }
  console.log(`  criteria: ${doc.criteria.map((c) => c.code).join(', ') || '(none)'}`);
}
