// Submission batches (đợt) as people type them. Free of zod and the pack schema so that the
// renderer can parse and show them without bundling the validation library.

/** One submission batch (đợt): evidence due on or before `due` (ISO date) goes in it. */
export interface BatchJson {
  label: string;
  due: string;
}

function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/** Why a batch entry was refused, for the renderer to word: the entry as typed, and the date part. */
export interface BatchTextProblem {
  kind: 'batch-format' | 'batch-date';
  entry: string;
  date: string;
}

/**
 * "Đợt 1=30/06/2023; Đợt 2=2023-09-30" as people type it → batches, or the reason it is wrong:
 * `error` is the CLI's sentence, `problem` the fact the app words from its catalogue.
 */
export function parseBatchesText(text: string): { batches: BatchJson[] } | { error: string; problem: BatchTextProblem } {
  const batches: BatchJson[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) return { error: `batch '${part}' should be written LABEL=DD/MM/YYYY, e.g. "Đợt 1=30/06/2023".`, problem: { kind: 'batch-format', entry: part, date: '' } };
    const label = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    const due = vn ? `${vn[3]}-${(vn[2] as string).padStart(2, '0')}-${(vn[1] as string).padStart(2, '0')}` : raw;
    if (!isRealDate(due)) return { error: `batch '${label}': '${raw}' is not a date (DD/MM/YYYY).`, problem: { kind: 'batch-date', entry: label, date: raw } };
    batches.push({ label, due });
  }
  return { batches };
}

/** The inverse of parseBatchesText, dates as dd/mm/yyyy. */
export function formatBatchesText(batches: readonly BatchJson[]): string {
  return batches.map((b) => `${b.label}=${b.due.slice(8, 10)}/${b.due.slice(5, 7)}/${b.due.slice(0, 4)}`).join('; ');
}
