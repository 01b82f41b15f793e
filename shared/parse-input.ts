// Strict parsing of what a person types into a form (the app) or a command line (the CLI): a
// value that is not exactly a year or a number is refused with a reason, never bent into one
// ("20x3" is not 2023, "abc" is not "no score"). Vietnamese writes the decimal mark as a comma.

export type ParseFailure = 'empty' | 'not-a-year' | 'year-out-of-range' | 'not-a-number' | 'out-of-range';
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure; min?: number; max?: number };

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** A four-digit assessment year; blank gives `null` when `optional` (the pack's year is used then). */
export function parseYear(text: string, optional = false): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return optional ? { ok: true, value: null } : { ok: false, reason: 'empty' };
  if (!/^\d{4}$/.test(s)) return { ok: false, reason: 'not-a-year' };
  const year = Number(s);
  if (year < YEAR_MIN || year > YEAR_MAX) return { ok: false, reason: 'year-out-of-range', min: YEAR_MIN, max: YEAR_MAX };
  return { ok: true, value: year };
}

/**
 * Points: "7,5" or "7.5" (one decimal mark, at most two decimals), within [min, max]. Blank is
 * `null` (no score yet). "1.000" is refused rather than read as one thousand or as one.
 */
export function parsePoints(text: string, min = 0, max = 1000): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,4}([.,]\d{1,2})?$/.test(s)) return { ok: false, reason: 'not-a-number' };
  const value = Number(s.replace(',', '.'));
  if (value < min || value > max) return { ok: false, reason: 'out-of-range', min, max };
  return { ok: true, value };
}
