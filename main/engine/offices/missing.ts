// Who still owes what: per responsible office (phòng chủ trì), the criteria and evidence slots
// that are not yet satisfied, with their due dates and the submission batch (đợt) they fall in.
import type { CriterionStatusJson, StatusJson } from '../../../shared/types.js';
import { vietnameseCollator } from '../../../shared/vietnamese.js';
import { computeStatus } from '../completeness/status.js';
import type { Batch, Workspace } from '../workspace/workspace.js';
import { NO_OFFICE, namesIn, registryView, type OfficeRegistry } from './registry.js';

export { NO_OFFICE };

export interface MissingSlot {
  id: string;
  label: string;
  due: string | null;
  batch: string | null;
  have: number;
  need: number;
}

export interface MissingCriterion {
  code: string;
  title: string;
  status: CriterionStatusJson['status'];
  due: string | null;
  batch: string | null;
  slots: MissingSlot[];
  problems: CriterionStatusJson['problems'];
}

export interface OfficeMissing {
  office: string;
  criteria: MissingCriterion[];
  slots: number;
}

export interface MissingJson {
  year: number | null;
  batches: Batch[];
  offices: OfficeMissing[];
}

/** The workspace's batches, or the usual three of the assessment year. */
export function batchesOf(ws: Workspace, year: number | null): Batch[] {
  const configured = ws.settings().batches;
  if (configured && configured.length > 0) return [...configured].sort((a, b) => a.due.localeCompare(b.due));
  if (year === null) return [];
  return [
    { label: 'Đợt 1', due: `${year}-06-30` },
    { label: 'Đợt 2', due: `${year}-09-30` },
    { label: 'Đợt 3', due: `${year}-11-15` },
  ];
}

/** The first batch whose deadline is on or after `due`; without a due date, the last batch. */
export function batchFor(batches: Batch[], due: string | null): string | null {
  if (batches.length === 0) return null;
  if (!due) return batches[batches.length - 1]?.label ?? null;
  return (batches.find((b) => b.due >= due) ?? batches[batches.length - 1])?.label ?? null;
}

/**
 * The registry's offices a pack's "responsible" cell names (one row per office: "Văn phòng" and
 * "Văn phòng Sở" are one office once the registry says so; a group expands to its members).
 */
export function officesOf(responsible: string | null, registry: OfficeRegistry | null = null): string[] {
  const names = namesIn(responsible);
  if (names.length === 0) return [NO_OFFICE];
  if (!registry) return names;
  return [...new Set(names.flatMap((n) => registry.resolve(n)))];
}

export function missingByOffice(ws: Workspace, filter: { office?: string } = {}, status: StatusJson = computeStatus(ws)): MissingJson {
  const year = status.pack.year;
  const batches = batchesOf(ws, year);
  const registry = registryView(ws);
  const byOffice = new Map<string, MissingCriterion[]>();
  const parents = new Set(status.criteria.map((c) => c.parent).filter((p): p is string => p !== null));
  for (const c of status.criteria) {
    if (parents.has(c.code) || c.status === 'complete' || c.status === 'not-applicable') continue;
    const slots: MissingSlot[] = c.slots
      .filter((s) => !s.satisfied && s.minCount > 0)
      .map((s) => ({ id: s.id, label: s.label, due: s.due, batch: batchFor(batches, s.due), have: s.valid, need: s.minCount }));
    const dues = slots.map((s) => s.due).filter((d): d is string => d !== null).sort();
    const due = dues[0] ?? null;
    const entry: MissingCriterion = { code: c.code, title: c.title, status: c.status, due, batch: batchFor(batches, due), slots, problems: c.problems };
    for (const office of officesOf(c.responsible, registry)) {
      const list = byOffice.get(office);
      if (list) list.push(entry);
      else byOffice.set(office, [entry]);
    }
  }
  const wanted = filter.office?.trim() || null;
  const offices = [...byOffice.entries()]
    .filter(([office]) => !wanted || registry.matches(office, wanted))
    .map(([office, criteria]) => ({ office, criteria, slots: criteria.reduce((n, c) => n + c.slots.length, 0) }))
    .sort((a, b) => vietnameseCollator.compare(a.office, b.office));
  return { year, batches, offices };
}
