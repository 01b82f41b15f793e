// Vietnamese conventions: dd/mm/yyyy dates, Vietnamese collation, sizes with a comma decimal.
import { vietnameseCollator } from '../../shared/vietnamese.js';

export { vietnameseCollator };

/** "2023-06-08" or an ISO timestamp → "08/06/2023"; null → "—". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An ISO instant → "08/06/2023 14:05" in local time; null → "—". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function formatSize(bytes: number | null, lang: 'vi' | 'en'): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} ${units[u]}`;
}

export function formatNumber(n: number | null | undefined, lang: 'vi' | 'en'): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
