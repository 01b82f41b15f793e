// packs:* — the criteria packs: built-in and imported (the user's library), import and export.
// The pack modules pull in the spreadsheet library, so they load on first use.
import path from 'node:path';
import { packBatchesFor, type CriteriaPack } from '../../shared/pack.js';
import { classifyWorkspace } from '../engine/classify/classify.js';
import { defaultActor } from '../engine/review/review.js';
import type { Workspace } from '../engine/workspace/workspace.js';
import { ApiFailure } from './errors.js';
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';

const library = () => import('../engine/packs/library.js');

/** Store the workspace's new pack copy, record why in history, and relink every document at once. */
function storePack(ws: Workspace, pack: CriteriaPack, action: string, code: string | null, detail: Record<string, unknown>): void {
  ws.writer.transaction(() => {
    ws.setPack(pack);
    ws.writer.history.append({ actor: defaultActor(), action, sha256: null, code, detail });
    classifyWorkspace(ws);
  });
}

function xlsxOut(file: string, call: 'packs:export' | 'packs:exportWorkspace'): string {
  const out = absolute(file, call, 'out');
  if (path.extname(out).toLowerCase() !== '.xlsx') {
    throw new ApiFailure('invalid-argument', { call, field: 'out', issue: 'extension', value: out }, `the pack file '${out}' must end in .xlsx`);
  }
  return out;
}

export const packsDomain = defineDomain('packs', {
  'packs:list': async () => (await library()).listPacks(),
  'packs:show': async (args) => (await library()).getPack(args.id),
  'packs:import': async (args) => {
    const { importPackFileWithWarnings } = await import('../engine/packs/import.js');
    const { pack, warnings } = await importPackFileWithWarnings(absolute(args.file, 'packs:import', 'file'));
    await (await library()).savePack(pack);
    return { id: pack.id, name: pack.name, criteria: pack.criteria.length, warnings: warnings.map((w) => ({ row: w.row, column: w.column, kind: w.kind, params: w.params, message: w.message })) };
  },
  'packs:importPlan': async (args) => {
    const plan = await import('../engine/packs/plan/index.js');
    const { draft } = await plan.draftPackFromPlan(absolute(args.file, 'packs:importPlan', 'file'));
    if (!args.save) return { ...draft, saved: null };
    const saved = await plan.saveDraftPack(draft);
    return { ...draft, saved: { id: draft.pack.id, file: saved.file } };
  },
  // The preview's draft as the user fixed it: rebuilt from its rows (slots derived again), then saved.
  'packs:saveDraft': async (args) => {
    const { packFromEditedDraft } = await import('../engine/packs/plan/edited.js');
    const { pack, warnings } = packFromEditedDraft(args);
    const saved = await (await library()).savePack(pack);
    return { id: pack.id, name: pack.name, criteria: pack.criteria.length, file: saved.file, replaced: saved.replaced, warnings };
  },
  'packs:export': async (args) => {
    const out = xlsxOut(args.out, 'packs:export');
    const pack = await (await library()).getPack(args.id);
    const { exportPackXlsx } = await import('../engine/packs/export-xlsx.js');
    await exportPackXlsx(pack, out);
    return { out };
  },
  // The workspace's own copy of its pack: what completeness reads and what the app edits.
  'packs:workspace': (_args, { session }) => session.require().pack(),
  'packs:updateCriterion': async (args, { session }) => {
    const ws = session.require();
    const { editCriterion } = await import('../engine/packs/edit.js');
    const patch = { ...args.patch, ...(args.patch.evidence ? { evidence: args.patch.evidence.map((s) => ({ ...s, id: s.id ?? null })) } : {}) };
    const edit = editCriterion(ws.pack(), args.code, patch);
    if (edit.changed.length > 0) {
      const detail: Record<string, unknown> = { changed: edit.changed };
      for (const k of edit.changed) detail[k] = { before: edit.before[k as keyof typeof edit.before], after: edit.after[k as keyof typeof edit.after] };
      storePack(ws, edit.pack, 'pack-edit', edit.after.code, detail);
      session.changed();
    }
    return ws.pack();
  },
  // Replace the workspace's pack copy by a library pack (built-in or imported); links are recomputed.
  'packs:use': async (args, { session }) => {
    const ws = session.require();
    const pack = await (await library()).getPack(args.id);
    const old = ws.pack();
    // The new pack's batches become the workspace's only while the user has set none.
    const settings = ws.settings();
    const batches = settings.batches === null ? packBatchesFor(pack, settings.year ?? pack.year) : [];
    ws.writer.transaction(() => {
      storePack(ws, pack, 'pack-use', null, {
        before: { id: old.id, name: old.name },
        after: { id: pack.id, name: pack.name, criteria: pack.criteria.length },
        ...(batches.length > 0 ? { batches } : {}),
      });
      if (batches.length > 0) ws.setSetting('batches', batches);
    });
    return session.changed();
  },
  'packs:exportWorkspace': async (args, { session }) => {
    const out = xlsxOut(args.out, 'packs:exportWorkspace');
    const { exportPackXlsx } = await import('../engine/packs/export-xlsx.js');
    await exportPackXlsx(session.require().pack(), out);
    return { out };
  },
});
