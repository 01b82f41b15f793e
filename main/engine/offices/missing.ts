// Who still owes what: per responsible office (phòng chủ trì), the criteria and evidence slots
// that are not yet satisfied, with their due dates and the submission batch (đợt) they fall in.
import type { CriterionStatusJson, StatusJson } from '../../../shared/types.js';
import { foldForMatch, vietnameseCollator } from '../../../shared/vietnamese.js';
import { computeStatus } from '../completeness/status.js';
import type { Batch, Workspace } from '../workspace/workspace.js';

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

/** Where no office is named in the pack. */
export const NO_OFFICE = '(chưa giao phòng chủ trì)';

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
 * Offices named in a pack's "responsible" cell: "Phòng TCCB HC, Bộ phận Một cửa" and
 * "Phòng Tổ chức cán bộ Sở; Thanh tra Sở" both name two offices. "và" is not a separator:
 * it is part of names like "Phòng Kế hoạch và Tài chính".
 */
export function officesOf(responsible: string | null): string[] {
  if (!responsible?.trim()) return [NO_OFFICE];
  return responsible
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function missingByOffice(ws: Workspace, filter: { office?: string } = {}, status: StatusJson = computeStatus(ws)): MissingJson {
  const year = status.pack.year;
  const batches = batchesOf(ws, year);
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
    for (const office of officesOf(c.responsible)) {
      const list = byOffice.get(office);
      if (list) list.push(entry);
      else byOffice.set(office, [entry]);
    }
  }
  const wanted = filter.office ? foldForMatch(filter.office).trim() : null;
  const offices = [...byOffice.entries()]
    .filter(([office]) => !wanted || foldForMatch(office).includes(wanted))
    .map(([office, criteria]) => ({ office, criteria, slots: criteria.reduce((n, c) => n + c.slots.length, 0) }))
    .sort((a, b) => vietnameseCollator.compare(a.office, b.office));
  return { year, batches, offices };
}
