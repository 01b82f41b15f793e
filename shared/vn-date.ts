// A date as Vietnamese clerks type it: dd/mm/yyyy (d/m/yyyy, '.' or '-' as separators). Strict:
// a day that does not exist in its month is refused, never rolled over into the next month.

export type VnDateParse = { ok: true; iso: string } | { ok: false; message: string };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseVnDate(text: string): VnDateParse {
  const s = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return { ok: false, message: `'${s}' is not a date as dd/mm/yyyy` };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1945 || year > 2100) return { ok: false, message: `the date ${s} has a year outside 1945–2100` };
  if (month < 1 || month > 12) return { ok: false, message: `the date ${s} does not exist: there is no month ${month}` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, message: `the date ${s} does not exist: ${String(month).padStart(2, '0')}/${year} has ${days} days` };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function isoToVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
