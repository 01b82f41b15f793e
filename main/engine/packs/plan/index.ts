// Plan → draft pack: the engine entry points for `kiemchung packs import PLAN.docx|PLAN.pdf`.
//
//   draftPackFromPlan(path) → { draft, unsure, batches }   (nothing is stored)
//   saveDraftPack(draft)    → the pack saved in the user's pack library (library.ts savePack)
//
// PDF: the text layer's lines (pdf.js); tables are rebuilt from the layout when the columns
// survived, and from the order of the header's columns when the table flowed into text.
// DOCX: mammoth's HTML, tables read as tables. Without a table, the PAR Index section's
// numbered or lettered items (prose) are the draft.

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { PackImportError, packProblem } from '../errors.js';
import type { PackProblemKind, PackProblemParams } from '../../../../shared/pack-problems.js';
import { savePack, type SavedPack } from '../library.js';
import { readDocx } from './docx.js';
import { readBatches, readPlanFacts } from './facts.js';
import { readPdfLines } from './pdf-lines.js';
import { findPdfTables, type RawTable } from './pdf-tables.js';
import { readProse, type ProseLine } from './prose.js';
import { structureRows } from './structure.js';
import { metaFromFacts, packFromRows } from './to-pack.js';
import type { PlanBatch, PlanDraft, PlanLayout, UnsureCell } from '../../../../shared/plan-draft.js';
import type { PackBatch } from '../../../../shared/pack.js';

export type { DraftRow, PlanBatch, PlanDraft, PlanFacts, UnsureCell, UnsureReason } from '../../../../shared/plan-draft.js';
export { batchesSetting } from './facts.js';

/** The plan's batches in the pack's form: a date printed without a year is yearly ("hàng năm"). */
export function packBatchesOf(batches: readonly PlanBatch[]): PackBatch[] {
  return batches.map((b) => ({ label: b.name, due: b.due, yearly: b.yearInferred }));
}

export const PLAN_FILE_EXTENSIONS: readonly string[] = ['.pdf', '.docx'];

function fail(file: string, kind: PackProblemKind, params: PackProblemParams = {}): never {
  throw new PackImportError(file, [packProblem(null, null, kind, params)]);
}

/** A draft pack from a plan document; throws PackImportError when nothing usable is in it. */
export async function importPlan(file: string, options: { id?: string } = {}): Promise<PlanDraft> {
  const ext = extname(file).toLowerCase();
  if (ext === '.doc') fail(file, 'plan-doc');
  if (!PLAN_FILE_EXTENSIONS.includes(ext)) fail(file, 'plan-type', { ext: ext || '(none)' });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : null;
    if (code === 'ENOENT') fail(file, 'file-missing');
    if (code === 'EISDIR') fail(file, 'file-folder');
    throw e;
  }

  let lines: ProseLine[];
  let tables: RawTable[];
  const format = ext === '.pdf' ? 'pdf' : 'docx';
  try {
    if (format === 'pdf') {
      const pdf = await readPdfLines(bytes);
      lines = pdf.map((l) => ({ text: l.text, page: l.page }));
      tables = findPdfTables(pdf);
    } else {
      const docx = await readDocx(bytes);
      lines = docx.paragraphs.map((text) => ({ text, page: null }));
      tables = docx.tables;
    }
  } catch (e) {
    if (e instanceof PackImportError) throw e;
    fail(file, 'plan-unreadable', { format: format.toUpperCase(), detail: e instanceof Error ? e.message : String(e) });
  }
  if (format === 'pdf' && lines.length === 0) fail(file, 'plan-no-text');

  const facts = readPlanFacts(lines.map((l) => l.text));
  const batches: PlanBatch[] = readBatches(lines.map((l) => l.text).join('\n'), facts.year);

  let layout: PlanLayout;
  let structured = tables.length > 0 ? structureRows(tables) : null;
  if (structured && structured.rows.filter((r) => r.responsible !== null).length > 0) {
    layout = tables.some((t) => t.layout === 'flowed-table') ? 'flowed-table' : 'table';
  } else {
    const prose = readProse(lines);
    structured = { rows: prose.rows, unsure: prose.unsure, section: prose.section, skippedSections: prose.skippedSections };
    layout = 'prose';
  }
  if (structured.rows.length === 0) fail(file, 'plan-no-table');

  const unsure: UnsureCell[] = [...structured.unsure];
  const meta = metaFromFacts(facts, basename(file, ext));
  if (options.id !== undefined) meta.id = options.id;
  // The batches the plan sets travel with its pack: a workspace made from it takes them.
  if (batches.length > 0) meta.batches = packBatchesOf(batches);
  const { pack, warnings } = packFromRows(file, structured.rows, meta, unsure);
  return {
    file,
    format,
    layout,
    facts,
    section: structured.section,
    skippedSections: structured.skippedSections,
    rows: structured.rows,
    pack,
    unsure,
    batches,
    warnings,
  };
}

export interface DraftFromPlan {
  draft: PlanDraft;
  unsure: UnsureCell[];
  batches: PlanBatch[];
}

/** For the CLI and API: the draft, the cells to check, the batches. Nothing is saved. */
export async function draftPackFromPlan(path: string, options: { id?: string } = {}): Promise<DraftFromPlan> {
  const draft = await importPlan(path, options);
  return { draft, unsure: draft.unsure, batches: draft.batches };
}

/** Keeps the draft's pack (as the user fixed it) in the pack library. */
export async function saveDraftPack(draft: Pick<PlanDraft, 'pack'>): Promise<SavedPack> {
  return savePack(draft.pack);
}
