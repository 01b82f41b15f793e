// What a plan (kế hoạch) import produces before the user saves it: a draft pack, the rows as
// read with where each came from, the cells the reader was unsure of, and the batches (đợt).

import type { CriteriaPack } from './pack.js';

/** Cells a plan table can hold. `target` (Mục tiêu) and `task` (Nhiệm vụ/Hoạt động) only in plans that split them. */
export type PlanField =
  | 'code'
  | 'title'
  | 'target'
  | 'task'
  | 'responsible'
  | 'collaborators'
  | 'expectedResult'
  | 'due'
  | 'maxPoints';

export const PLAN_FIELDS: readonly PlanField[] = ['code', 'title', 'target', 'task', 'responsible', 'collaborators', 'expectedResult', 'due', 'maxPoints'];

export type PlanCells = Partial<Record<PlanField, string>>;

/** Where a row was read: page (PDF) or table and row (DOCX), and the printed line for messages. */
export interface PlanSource {
  page: number | null;
  table: number | null;
  row: number | null;
  /** First words of the row as printed, so a person can find it in the document. */
  excerpt: string;
}

/** One row of a plan table (or one task of a prose plan), cells as text. */
export interface RawPlanRow {
  /** The code as printed ("1.3", "II", "a"), null when the row prints none. */
  printedCode: string | null;
  cells: PlanCells;
  source: PlanSource;
  /** The row holds a title only (an area or a group heading), as "3 Cải cách TTHC". */
  heading: boolean;
}

export type UnsureReason =
  | 'code-inferred'
  | 'row-merged'
  | 'merged-cell'
  | 'split-guessed'
  | 'continued-across-page'
  | 'deadline-not-read'
  | 'office-not-found'
  | 'duplicate-code'
  | 'prose';

/** A cell the reader could not read with confidence; the preview highlights it. */
export interface UnsureCell {
  /** Criterion code of the draft row it belongs to. */
  code: string;
  field: PlanField;
  reason: UnsureReason;
  message: string;
  source: PlanSource;
}

/** One row of the draft: the criterion's cells as read (before slots and dates are derived). */
export interface DraftRow {
  code: string;
  parent: string | null;
  title: string;
  responsible: string | null;
  collaborators: string | null;
  expectedResult: string | null;
  due: string | null;
  maxPoints: number | null;
  source: PlanSource;
}

/** "Gửi tài liệu kiểm chứng đợt 01 trước ngày 30/6 hàng năm" → batch 1, 2021-06-30. */
export interface PlanBatch {
  number: number;
  name: string;
  /** ISO date. */
  due: string;
  /** The plan printed no year: the plan's year was used. */
  yearInferred: boolean;
  text: string;
}

/** Facts about the plan itself, read from its first page. */
export interface PlanFacts {
  number: string | null;
  place: string | null;
  /** ISO date when the day is printed. */
  date: string | null;
  year: number | null;
  title: string | null;
  issuer: string | null;
}

export type PlanLayout = 'table' | 'flowed-table' | 'prose';

export interface PlanDraft {
  file: string;
  format: 'pdf' | 'docx';
  layout: PlanLayout;
  facts: PlanFacts;
  /** The table or section the rows were taken from ("1. Chỉ số cải cách hành chính (PAR Index)"). */
  section: string | null;
  /** Other tables or sections the plan holds, not taken (the preview can offer them). */
  skippedSections: string[];
  rows: DraftRow[];
  pack: CriteriaPack;
  unsure: UnsureCell[];
  batches: PlanBatch[];
  /** Problems the pack checks found in the draft (warnings: the draft is still usable). */
  warnings: string[];
}
