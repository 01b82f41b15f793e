// Reminders by batch (đợt): per office of the registry, what it still owes up to and including the
// chosen batch — evidence slots not yet filled (criterion, slot, due date) and documents that
// arrived but were rejected or need a supplement (the reviewer's decisions, and the appraiser's
// rejections once decisions are imported), and the appraisal's open requests (with the
// appraiser's deadline). Earlier batches' items stay in (they are overdue); later batches' items
// wait for their own reminder.
import type { ReminderItemJson, RemindersJson } from '../../../shared/api-values.js';
import { foldForMatch, vietnameseCollator } from '../../../shared/vietnamese.js';
import { computeStatus } from '../completeness/status.js';
import { UserError } from '../errors.js';
import { batchFor, batchesOf, officesOf } from '../offices/missing.js';
import { registryView } from '../offices/registry.js';
import type { Batch, Workspace } from '../workspace/workspace.js';

export interface RemindOptions {
  office?: string;
  /** A batch number (1, 2, …) or label ("Đợt 2"); default: the first batch not yet due. */
  batch?: string;
  /** The reminder's date (ISO); default today (local). */
  today?: string;
}

export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function chooseBatch(batches: Batch[], wanted: string | undefined, today: string): number | null {
  if (batches.length === 0) {
    if (wanted !== undefined) throw new UserError(`the workspace has no batches (đợt) to choose '${wanted}' from; set them with: kiemchung settings WS batches "Đợt 1=30/06/2023; …"`, { kind: 'remind.no-batches', params: { label: wanted } });
    return null;
  }
  if (wanted === undefined) {
    const i = batches.findIndex((b) => b.due >= today);
    return i >= 0 ? i : batches.length - 1;
  }
  const w = wanted.trim();
  if (/^\d+$/.test(w)) {
    const n = Number(w);
    if (n >= 1 && n <= batches.length) return n - 1;
  }
  const folded = foldForMatch(w).replace(/\s+/g, ' ');
  const i = batches.findIndex((b) => foldForMatch(b.label).replace(/\s+/g, ' ') === folded);
  if (i >= 0) return i;
  throw new UserError(`there is no batch '${wanted}'; the batches are ${batches.map((b, j) => `${j + 1} (${b.label})`).join(', ')}.`, { kind: 'remind.unknown-batch', params: { label: wanted, other: batches.map((b) => b.label).join(', ') } });
}

export function buildReminders(ws: Workspace, options: RemindOptions = {}): RemindersJson {
  const status = computeStatus(ws);
  const pack = ws.pack();
  const year = status.pack.year;
  const batches = batchesOf(ws, year);
  const today = options.today ?? localIsoDate();
  const chosen = chooseBatch(batches, options.batch, today);
  const index = new Map(batches.map((b, i) => [b.label, i]));
  const inBatch = (label: string | null): boolean => chosen === null || label === null || (index.get(label) ?? 0) <= chosen;
  const registry = registryView(ws);
  const byOffice = new Map<string, ReminderItemJson[]>();
  const parents = new Set(status.criteria.map((c) => c.parent).filter((p): p is string => p !== null));
  for (const c of status.criteria) {
    if (parents.has(c.code) || c.status === 'not-applicable') continue;
    const items: ReminderItemJson[] = [];
    const item = (x: Omit<ReminderItemJson, 'code' | 'title' | 'batch' | 'overdue'>): void => {
      const batch = batchFor(batches, x.due);
      if (inBatch(batch)) items.push({ code: c.code, title: c.title, ...x, batch, overdue: x.due !== null && x.due < today });
    };
    if (c.status !== 'complete') {
      const open = c.slots.filter((s) => !s.satisfied && s.minCount > 0);
      for (const s of open) item({ kind: 'missing', slot: s.label, have: s.valid, need: s.minCount, due: s.due, document: null, note: null });
      if (c.slots.length === 0) item({ kind: 'missing', slot: null, have: null, need: null, due: null, document: null, note: null });
    }
    const dues = c.slots.map((s) => s.due).filter((d): d is string => d !== null).sort();
    for (const p of c.problems) {
      if (p.kind !== 'rejected' && p.kind !== 'needs-supplement' && p.kind !== 'appraisal-rejected') continue;
      item({ kind: p.kind, slot: null, have: null, need: null, due: dues[0] ?? null, document: p.params.relPath ?? p.documentId, note: p.params.note ?? null });
    }
    // Open appraisal requests fall in the batch of the appraiser's deadline (the last when it is later).
    for (const q of c.requests) item({ kind: 'appraisal-request', request: q.kind, slot: null, have: null, need: null, due: q.due, document: null, note: q.note });
    if (items.length === 0) continue;
    for (const office of officesOf(c.responsible, registry)) {
      const list = byOffice.get(office);
      if (list) list.push(...items);
      else byOffice.set(office, [...items]);
    }
  }
  const wanted = options.office?.trim() || null;
  const offices = [...byOffice.entries()]
    .filter(([office]) => !wanted || registry.matches(office, wanted))
    .map(([office, items]) => ({ office, items: items.map((x, i) => ({ x, i })).sort((a, b) => (index.get(a.x.batch ?? '') ?? 0) - (index.get(b.x.batch ?? '') ?? 0) || a.i - b.i).map((y) => y.x) }))
    .sort((a, b) => vietnameseCollator.compare(a.office, b.office));
  if (wanted && offices.length === 0 && !registry.find(wanted) && ![...byOffice.keys()].some((o) => registry.matches(o, wanted))) {
    const names = registry.entries.map((e) => e.name).sort(vietnameseCollator.compare);
    throw new UserError(`no office matches '${wanted}' (offices: ${names.join(', ')}).`, { kind: 'offices.unknown', params: { name: wanted } });
  }
  const b = chosen === null ? null : (batches[chosen] as Batch);
  return {
    unit: ws.settings().unit ?? pack.unit ?? null,
    year,
    pack: pack.name,
    province: pack.province ?? null,
    asOf: today,
    batches,
    batch: b ? { number: (chosen as number) + 1, label: b.label, due: b.due } : null,
    offices,
  };
}
