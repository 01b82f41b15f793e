// Criterion codes ("1", "1.3", "1.7.2"): parsing, canonical form, order and ancestry.

const CODE_TEXT = /^\d+(?:\.\d+)*$/;

/**
 * Segments of a criterion code: "1.7.2" → [1, 7, 2]. Tolerates what people type: surrounding
 * spaces, a trailing dot ("1.3."), a comma for a dot ("1,3"), leading zeros ("01.3"). Null otherwise.
 */
export function parseCriterionCode(text: string): number[] | null {
  let s = text.trim().replace(/,/g, '.');
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (!CODE_TEXT.test(s)) return null;
  const segments = s.split('.').map(Number);
  return segments.every((n) => Number.isSafeInteger(n)) ? segments : null;
}

/** Canonical form of a code ("01.3." → "1.3"), or null when it is not a code. */
export function normalizeCriterionCode(text: string): string | null {
  const segments = parseCriterionCode(text);
  return segments ? segments.join('.') : null;
}

/** True when `code` is already in canonical form. */
export function isCanonicalCode(code: string): boolean {
  return normalizeCriterionCode(code) === code;
}

/** Numeric per segment ("1.9" < "1.10"); a prefix sorts before its descendants; non-codes last. */
export function compareCodes(a: string, b: string): number {
  const pa = parseCriterionCode(a);
  const pb = parseCriterionCode(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** Proper ancestors by code, nearest first: "1.7.2" → ["1.7", "1"]. */
export function codeAncestors(code: string): string[] {
  const segments = parseCriterionCode(code);
  if (!segments) return [];
  const out: string[] = [];
  for (let len = segments.length - 1; len >= 1; len--) out.push(segments.slice(0, len).join('.'));
  return out;
}

/** True when `ancestor` is a proper prefix of `code` by segments ("1" of "1.7.2", not "1" of "10"). */
export function isAncestorCode(ancestor: string, code: string): boolean {
  const norm = normalizeCriterionCode(ancestor);
  return norm !== null && codeAncestors(code).includes(norm);
}

/** The nearest ancestor present in `existing`: "1.7.2" → "1.7" if present, else "1", else null. */
export function inferParent(code: string, existing: ReadonlySet<string>): string | null {
  for (const a of codeAncestors(code)) if (existing.has(a)) return a;
  return null;
}
