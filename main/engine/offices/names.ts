// Office names as packs and folders spell them: the folded key they are matched by, the key with
// its unit suffix stripped (when two names are the same office without asking), group names, and
// the merges worth proposing to a person.
import { foldForMatch, nfc } from '../../../shared/vietnamese.js';

/** A name as shown: NFC, remarks in parentheses dropped, spaces collapsed. */
export function cleanOfficeName(name: string): string {
  return nfc(name)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.;:,-]+|[\s.;:,-]+$/g, '')
    .trim()
    // "các phòng chuyên môn" in a collaborators cell is the group "Các phòng chuyên môn".
    .replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));
}

/** The form names are matched by: no marks, lower case, punctuation as spaces. */
export function officeKey(name: string): string {
  return foldForMatch(cleanOfficeName(name))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Trailing words that name the unit the office belongs to, not the office: "Thanh tra Sở",
// "Văn phòng Sở", "Phòng Tư pháp huyện", "Phòng Kế hoạch - Tài chính Sở Y tế". Longest first.
const UNIT_SUFFIXES = ['uy ban nhan dan huyen', 'uy ban nhan dan tinh', 'ubnd huyen', 'ubnd tinh', 'ubnd thanh pho', 'so y te', 'so', 'huyen', 'tinh'];

/** The key without a trailing unit suffix (never empty: "Sở" alone stays "so"). */
export function strippedKey(key: string): string {
  for (const suffix of UNIT_SUFFIXES) {
    if (key.endsWith(` ${suffix}`)) {
      const rest = key.slice(0, -suffix.length - 1).trim();
      if (rest) return rest;
    }
  }
  return key;
}

/** "Các phòng chuyên môn", "Các Phòng", "Tất cả các đơn vị": a group of offices, not one. */
export function isGroupKey(key: string): boolean {
  return /^(cac|tat ca|toan bo) /.test(key);
}

/** A group that names the unit's phòng ("Các phòng chuyên môn Sở", "Các Phòng"): it expands to every "Phòng …". */
export function namesAllPhong(groupKey: string): boolean {
  return /^(tat ca )?cac phong( |$)/.test(groupKey);
}

export function isPhongKey(key: string): boolean {
  return key.startsWith('phong ');
}

const PREFIXES = ['phong', 'ban', 'bo phan', 'chi cuc', 'trung tam', 'van phong'];

function tail(key: string): string[] {
  const s = strippedKey(key);
  for (const p of PREFIXES) if (s.startsWith(`${p} `)) return s.slice(p.length + 1).split(' ');
  return s.split(' ');
}

function prefixOf(key: string): string | null {
  const s = strippedKey(key);
  return PREFIXES.find((p) => s.startsWith(`${p} `)) ?? null;
}

export type ProposalReason = 'abbreviation' | 'contains';

/**
 * Whether `a` and `b` look like the same office without being equal once stripped:
 * 'abbreviation' when one is the initials of the other after the same prefix ("Phòng KHTC" and
 * "Phòng Kế hoạch - Tài chính Sở"; "Phòng TCCB HC" and "Phòng Tổ chức cán bộ"), 'contains' when
 * one name is the start of the other ("Văn phòng" and "Văn phòng HĐND và UBND huyện").
 * Returns the reason and which of the two is the full name (the one to keep).
 */
export function looksSame(a: string, b: string): { reason: ProposalReason; keep: 'a' | 'b' } | null {
  const ka = officeKey(a);
  const kb = officeKey(b);
  const sa = strippedKey(ka);
  const sb = strippedKey(kb);
  if (sa === sb) return null;
  if (prefixOf(ka) === prefixOf(kb)) {
    const ta = tail(ka);
    const tb = tail(kb);
    const initials = (t: string[]): string => t.map((w) => w.charAt(0)).join('');
    const compact = (t: string[]): string => t.join('');
    for (const [full, short, keep] of [[ta, tb, 'a'], [tb, ta, 'b']] as const) {
      if (full.length < 2 || compact(short).length < 3 || short.length > full.length) continue;
      const i = initials(full);
      const c = compact(short);
      if (i === c || (c.startsWith(i) && i.length >= 3) || (i.startsWith(c) && c.length >= 3)) return { reason: 'abbreviation', keep };
    }
  }
  // "Văn phòng" and "Văn phòng HĐND và UBND huyện"; not "Thanh tra Sở" and "Thanh tra Sở và các
  // đơn vị trực thuộc Sở" (a cell that lists two, joined by "và").
  const joined = (short: string, long: string): boolean => long.startsWith(`${short} `) && /^(va|cac|voi) /.test(long.slice(short.length + 1));
  if (joined(ka, kb) || joined(kb, ka) || joined(sa, sb) || joined(sb, sa)) return null;
  const longer = (short: string, long: string): boolean => short.split(' ').length >= 2 && long.startsWith(`${short} `);
  if (longer(sa, sb)) return { reason: 'contains', keep: 'b' };
  if (longer(sb, sa)) return { reason: 'contains', keep: 'a' };
  return null;
}
