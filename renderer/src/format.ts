// Vietnamese conventions: dd/mm/yyyy dates, Vietnamese collation, sizes with a comma decimal.
import { vietnameseCollator } from '../../shared/vietnamese.js';

export { vietnameseCollator };

/** "2023-06-08" or an ISO timestamp → "08/06/2023"; null → "—". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
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
