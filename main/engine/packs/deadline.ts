// Deadlines as printed in plans ('30/11/2023', 'Quý I', 'Thường xuyên'): ISO when a real date is there.
import { isIsoDate } from '../../../shared/pack.js';
import { nfc } from '../../../shared/vietnamese.js';

export interface ParsedDeadline {
  due: string | null;
  dueText: string | null;
}

const DMY = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/g;
const ISO_IN_TEXT = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "30/11/2023" → "2023-11-30"; null when not a real date (31/02/2023). */
export function dmyToIso(d: number, m: number, y: number): string | null {
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** A date that does not exist; `value` is the date as written. */
export class BadDateError extends Error {
  constructor(
    message: string,
    readonly value: string,
  ) {
    super(message);
  }
}

/**
 * A printed deadline: a lone date (dd/mm/yyyy or ISO) becomes `due`; text with exactly one date
 * in it ("trước ngày 30/11/2023") keeps both; anything else ("Thường xuyên", "Quý I") is `dueText`.
 * Throws BadDateError for a date that does not exist (31/02/2023).
 */
export function parseDeadline(text: string): ParsedDeadline {
  const s = nfc(text).trim();
  if (s === '') return { due: null, dueText: null };
  const dates: string[] = [];
  for (const m of s.matchAll(DMY)) {
    const iso = dmyToIso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso === null) throw new BadDateError(`'${m[0]}' is not a real date (day/month/year)`, m[0]);
    dates.push(iso);
  }
  for (const m of s.matchAll(ISO_IN_TEXT)) {
    if (!isIsoDate(m[0])) throw new BadDateError(`'${m[0]}' is not a real date (year-month-day)`, m[0]);
    dates.push(m[0]);
  }
  const lone = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})$/.test(s);
  if (lone && dates[0] !== undefined) return { due: dates[0], dueText: null };
  if (dates.length === 1 && dates[0] !== undefined) return { due: dates[0], dueText: s };
  return { due: null, dueText: s };
}

/** ISO → "30/11/2023", the way Vietnamese documents print dates. */
export function isoToDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
