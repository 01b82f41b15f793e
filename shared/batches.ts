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

/** "Đợt 1=30/06/2023; Đợt 2=2023-09-30" as people type it → batches, or the reason it is wrong. */
export function parseBatchesText(text: string): { batches: BatchJson[] } | { error: string } {
  const batches: BatchJson[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) return { error: `batch '${part}' should be written LABEL=DD/MM/YYYY, e.g. "Đợt 1=30/06/2023".` };
    const label = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    const due = vn ? `${vn[3]}-${(vn[2] as string).padStart(2, '0')}-${(vn[1] as string).padStart(2, '0')}` : raw;
    if (!isRealDate(due)) return { error: `batch '${label}': '${raw}' is not a date (DD/MM/YYYY).` };
    batches.push({ label, due });
  }
  return { batches };
}

/** The inverse of parseBatchesText, dates as dd/mm/yyyy. */
export function formatBatchesText(batches: readonly BatchJson[]): string {
  return batches.map((b) => `${b.label}=${b.due.slice(8, 10)}/${b.due.slice(5, 7)}/${b.due.slice(0, 4)}`).join('; ');
}
