// kiemchung remind / offices:remind: the reminders written to one file, its format chosen by the
// extension (.docx and .pdf: the letters, one per office; .xlsx, or .pdf with kind 'list': the list). Never into an evidence
// folder nor over the workspace database (as the bundle export refuses them).
import fs from 'node:fs';
import path from 'node:path';
import type { RemindResultJson } from '../../../shared/api-values.js';
import { UserError } from '../errors.js';
import { checkDestination } from '../workspace/destination.js';
import type { Workspace } from '../workspace/workspace.js';
import { addressees } from './letter.js';
import { buildReminders, type RemindOptions } from './model.js';

export function formatOf(out: string): RemindResultJson['format'] {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.docx' || ext === '.pdf' || ext === '.xlsx') return ext.slice(1) as RemindResultJson['format'];
  throw new UserError(`${out}: give a file name ending in .docx, .pdf or .xlsx (the format follows the extension).`, { kind: 'remind.bad-extension', params: { path: out } });
}

/** Refuses a destination inside an evidence folder, over the database, or in a missing folder. */
export function checkRemindDestination(ws: Workspace, out: string): string {
  return checkDestination(ws, out, { what: 'the reminders', intoEvidenceKind: 'remind.into-evidence' });
}

/** letters: one công văn per office (.docx, .pdf); list: every office's items in one table (.pdf, .xlsx). */
export type RemindKind = RemindResultJson['kind'];

export async function writeReminders(ws: Workspace, out: string, options: RemindOptions & { kind?: RemindKind } = {}): Promise<RemindResultJson> {
  const format = formatOf(out);
  const kind: RemindKind = options.kind ?? (format === 'xlsx' ? 'list' : 'letters');
  if ((kind === 'list' && format === 'docx') || (kind === 'letters' && format === 'xlsx')) {
    const exts = kind === 'list' ? '.pdf or .xlsx' : '.docx or .pdf';
    throw new UserError(`${out}: the ${kind === 'list' ? 'list' : 'letters'} can be written as ${exts}.`, { kind: 'remind.kind-format', params: { path: out, type: kind === 'list' ? '.pdf, .xlsx' : '.docx, .pdf' } });
  }
  const abs = checkRemindDestination(ws, out);
  const r = buildReminders(ws, options);
  // Letters go to offices; criteria no office was given are in the list (.xlsx) only.
  const offices = kind === 'list' ? r.offices : addressees(r);
  const items = offices.reduce((n, o) => n + o.items.length, 0);
  if (offices.length === 0) {
    const who = options.office ? ` for '${options.office}'` : '';
    throw new UserError(`nothing to remind${who}${r.batch ? ` up to ${r.batch.label}` : ''}: every office has sent what it owes. No file was written.`, { kind: 'remind.nothing', params: { name: options.office ?? '', label: r.batch?.label ?? '' } });
  }
  let bytes: Uint8Array;
  if (kind === 'list' && format === 'pdf') bytes = await (await import('./list-pdf.js')).remindersListPdf(r);
  else if (format === 'pdf') bytes = await (await import('./pdf.js')).remindersPdf(r);
  else if (format === 'docx') bytes = await (await import('./docx.js')).remindersDocx(r);
  else bytes = await (await import('./xlsx.js')).remindersXlsx(r);
  // Written beside the destination, then renamed: a failed write never leaves half a file.
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, abs);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { out: abs, format, kind, bytes: bytes.length, batch: r.batch, offices: offices.length, items };
}
