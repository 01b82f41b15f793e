// One table row whose cells flowed into running text → its cells, using the column order of the
// header. Office names and deadline phrases are recognisable, so they anchor the cut; the free-text
// columns around them are cut at the likeliest cell starts (see words.ts). What was guessed is said.

import type { PlanCells, PlanField } from '../../../../shared/plan-draft.js';
import { deadlinePhraseLength, deadlineStartsAt, isCapital, joinWords, officeGroupAt, officeRuns, splitInto, type Span, type Word } from './words.js';

export interface SegmentedRow {
  cells: PlanCells;
  /** Fields whose cut between cells was a guess. */
  guessed: PlanField[];
  /** No office name in the row: the office cells were merged with a neighbouring row's. */
  noOffice: boolean;
  /** Office text found after the last column: the rest of a cell the page break cut. */
  trailingOffice: string | null;
}

const text = (words: readonly Word[], s: Span): string => joinWords(words.slice(s.start, s.end)).replace(/^[-–•]\s*/u, '');

/** Office words after a last-column deadline: the rest of an office cell the page break cut. */
function trailingOfficeAt(words: readonly Word[], j: number): Span | null {
  if (words[j]?.bare === 'và') {
    const g = officeGroupAt(words, j + 1, true);
    return g ? { start: j, end: g.end } : null;
  }
  return isCapital(words[j]) ? officeGroupAt(words, j) : null;
}

/** Where the last-column deadline starts in words[from, to): a deadline phrase ending the row. */
function trailingDeadline(words: readonly Word[], from: number, to: number): number | null {
  for (let k = from; k < to; k++) {
    if (!deadlineStartsAt(words, k)) continue;
    if (to - k <= 14) return k;
    for (let j = k + 1; j < Math.min(to, k + 9); j++) if (trailingOfficeAt(words, j)) return k;
  }
  return null;
}

/** `officeMayLead`: a row printed without its first columns (merged above) may open with its offices. */
export function segmentRow(words: readonly Word[], order: readonly PlanField[], officeMayLead = false): SegmentedRow {
  const cells: PlanCells = {};
  const guessed: PlanField[] = [];
  const n = words.length;
  const ri = order.indexOf('responsible');
  const ci = order.indexOf('collaborators');
  const officeEnd = Math.max(ri, ci);
  const before = ri >= 0 ? order.slice(0, Math.min(ri, ci >= 0 ? ci : ri)) : [...order];
  const after = officeEnd >= 0 ? order.slice(officeEnd + 1) : [];
  let trailingOffice: string | null = null;

  const put = (fields: readonly PlanField[], from: number, to: number): void => {
    const textFields = fields.filter((f) => f !== 'due');
    if (fields.includes('due')) {
      // A deadline among free-text columns: find it by its phrase, then cut the rest.
      const last = fields[fields.length - 1] === 'due';
      const firstField = fields[0] === 'due';
      // Right after the offices the deadline opens its cell; as the last column it ends the row.
      const k = firstField
        ? deadlineStartsAt(words, from)
          ? from
          : null
        : last
          ? trailingDeadline(words, from + 1, to)
          : findDeadline(words, from, to);
      if (k !== null) {
        let end = last ? to : k + deadlinePhraseLength(words, k);
        let resultTail: Span | null = null;
        if (last) {
          for (let j = k + 1; j < to; j++) {
            const office = trailingOfficeAt(words, j);
            if (office) {
              trailingOffice = text(words, office);
              if (office.end < to) resultTail = { start: office.end, end: to };
              end = j;
              break;
            }
          }
        }
        cells.due = text(words, { start: k, end });
        const idx = fields.indexOf('due');
        const left = fields.slice(0, idx).filter((f) => f !== 'due');
        const right = fields.slice(idx + 1);
        putText(left, from, k);
        putText(right, end, last ? end : to);
        if (resultTail && left.includes('expectedResult')) {
          // The result cell went on after the page break too.
          cells.expectedResult = `${cells.expectedResult ?? ''} ${text(words, resultTail)}`.trim();
        }
        return;
      }
    }
    putText(textFields, from, to);
  };

  const putText = (fields: readonly PlanField[], from: number, to: number): void => {
    if (fields.length === 0 || to <= from) return;
    const split = splitInto(words, from, to, fields.length);
    fields.forEach((f, i) => {
      const s = split.parts[i];
      const t = s ? text(words, s) : '';
      if (t !== '') cells[f] = t;
      if (split.guessed && fields.length > 1) guessed.push(f);
    });
  };

  if (ri < 0) {
    put(order, 0, n);
    return { cells, guessed, noOffice: false, trailingOffice };
  }

  const runs = officeRuns(words, officeMayLead ? 0 : 1, n);
  const anchoredOnDeadline = after[0] === 'due' || after.length === 0;
  const fits = (run: Span[]): boolean => {
    const end = run[run.length - 1]?.end ?? 0;
    return !anchoredOnDeadline || end >= n || deadlineStartsAt(words, end);
  };
  // Several text columns before the offices (Mục tiêu, Nhiệm vụ, Kết quả): the offices are the
  // run nearest the end; one title before them: the first run.
  const candidates = runs.filter(fits);
  const run = before.length >= 2 ? candidates[candidates.length - 1] : candidates[0];
  if (!run) {
    const rest = order.filter((f) => f !== 'responsible' && f !== 'collaborators');
    put(rest, 0, n);
    return { cells, guessed, noOffice: true, trailingOffice };
  }
  const groups = before.length >= 2 ? run.slice(-2) : run.slice(0, 2);
  const first = groups[0];
  const lastGroup = groups[groups.length - 1];
  if (!first || !lastGroup) return { cells, guessed, noOffice: true, trailingOffice };
  // A page break can cut an office name: its rest opens the line ("VSTP, Trung tâm …").
  let start = first.start;
  while (start > 1 && !words[start]?.lineStart && /,$/.test(words[start - 1]?.text ?? '') && /^\p{Lu}{2,}/u.test(words[start - 1]?.bare ?? '')) start--;
  cells.responsible = officeText(words, { start, end: first.end });
  if (groups.length > 1 && ci >= 0) cells.collaborators = officeText(words, lastGroup);
  put(before, 0, start);
  put(after, lastGroup.end, n);
  return { cells, guessed, noOffice: false, trailingOffice };
}

/** An office cell without the list punctuation the cut left at its end. */
function officeText(words: readonly Word[], s: Span): string {
  return text(words, s).replace(/[\s.;]+$/u, '');
}

function findDeadline(words: readonly Word[], from: number, to: number): number | null {
  for (let k = from; k < to; k++) if (deadlineStartsAt(words, k)) return k;
  return null;
}
