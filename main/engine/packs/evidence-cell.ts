// The "Tài liệu kiểm chứng" cell: one evidence slot per line (or per `;`), an optional type code
// before a colon, and optional settings in braces at the end of the line:
//
//   KH: Kế hoạch tuyên truyền CCHC năm
//   BC, TB: Báo cáo kết quả tuyên truyền {tối thiểu: 2; hạn: 30/11/2023; từ khóa: tuyen truyen, cchc}
//   Tin bài đăng trên Trang thông tin điện tử
//
// Without a code, a line that starts with a type name ("Kế hoạch …") gets that type; `*:` means any
// type. The export
// writes the same syntax, and writes the braces only for what differs from the defaults.

import { documentTypeByCode } from '../../../shared/document-types.js';
import { isIsoDate, type EvidenceSlot } from '../../../shared/pack.js';
import { packFact, type PackProblemFact } from '../../../shared/pack-problems.js';
import { foldForMatch, nfc } from '../../../shared/vietnamese.js';
import { isoToDmy, parseDeadline, BadDateError, resolveTypeCode, slotKeywords, splitOutsideBrackets, typeNamedAtStart } from './derive.js';

export interface ParsedEvidence {
  slots: EvidenceSlot[];
  errors: PackProblemFact[];
}

const TYPE_LIST_SEPARATORS = /\s*(?:[,/+&]|\bvà\b)\s*/u;
const LOOKS_LIKE_CODE = /^\p{Lu}[\p{Lu}\p{Ll}]{0,3}$/u;

function parseSettings(
  body: string,
  errors: PackProblemFact[],
): { minCount?: number; due?: string | null; keywords?: string[] } {
  const out: { minCount?: number; due?: string | null; keywords?: string[] } = {};
  for (const item of splitOutsideBrackets(body, ';')) {
    const m = /^([^:]+?)\s*:\s*(.*)$/su.exec(item);
    if (!m || m[1] === undefined || m[2] === undefined) {
      errors.push(packFact('slot-setting-invalid', { value: item }));
      continue;
    }
    const key = foldForMatch(m[1]).replace(/[^a-z]/g, '');
    const value = m[2].trim();
    if (['toithieu', 'min', 'mincount', 'soluong', 'soluongtoithieu'].includes(key)) {
      if (!/^\d+$/.test(value)) errors.push(packFact('slot-min-invalid', { value }));
      else out.minCount = Number(value);
    } else if (['han', 'thoihan', 'due'].includes(key)) {
      try {
        const d = parseDeadline(value);
        if (d.due === null || d.dueText !== null) errors.push(packFact('date-invalid', { value }));
        else out.due = d.due;
      } catch (e) {
        if (!(e instanceof BadDateError)) throw e;
        errors.push(packFact('date-invalid', { value: e.value }));
      }
    } else if (['tukhoa', 'keywords', 'keyword'].includes(key)) {
      out.keywords = normalizeKeywords(value.split(','));
    } else {
      errors.push(packFact('slot-setting-unknown', { value: m[1].trim() }));
    }
  }
  return out;
}

/** Keywords are stored folded (diacritic-free, lower-case), trimmed and without repeats. */
export function normalizeKeywords(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of list) {
    const f = foldForMatch(nfc(k)).replace(/\s+/g, ' ').trim();
    if (f !== '' && !out.includes(f)) out.push(f);
  }
  return out;
}

/** Slots of one cell; `code` names the slots "<code>#1", "<code>#2", … */
export function parseEvidenceCell(text: string, code: string): ParsedEvidence {
  const errors: PackProblemFact[] = [];
  const slots: EvidenceSlot[] = [];
  const pieces = splitOutsideBrackets(nfc(text).replace(/\r\n?/g, '\n'), '\n;', true);
  for (const piece of pieces) {
    let rest = piece.replace(/^[-•*+]\s+/u, '').trim();
    let settings: ReturnType<typeof parseSettings> = {};
    const braces = /\{([^{}]*)\}\s*$/u.exec(rest);
    if (braces && braces[1] !== undefined) {
      settings = parseSettings(braces[1], errors);
      rest = rest.slice(0, braces.index).trim();
    }

    let types: string[] = [];
    const prefix = /^([^:]{1,20}?)\s*:\s*(.*)$/su.exec(rest);
    let typedByPrefix = false;
    if (prefix && prefix[1] !== undefined && prefix[2] !== undefined) {
      const candidates = prefix[1].split(TYPE_LIST_SEPARATORS).filter((s) => s !== '');
      if (candidates.length === 1 && candidates[0] === '*') {
        // "*: …" = any type, written by the export when the label starts with a type name.
        rest = prefix[2].trim();
        typedByPrefix = true;
      }
      const resolved = candidates.map(resolveTypeCode);
      if (typedByPrefix) {
        // any type
      } else if (candidates.length > 0 && resolved.every((r): r is string => r !== null)) {
        types = [...new Set(resolved)];
        rest = prefix[2].trim();
        typedByPrefix = true;
      } else if (candidates.length > 0 && candidates.every((c) => LOOKS_LIKE_CODE.test(c))) {
        const unknown = candidates.filter((c) => resolveTypeCode(c) === null);
        for (const u of unknown) errors.push(packFact('slot-type-unknown', { value: u }));
        continue;
      }
    }
    if (!typedByPrefix) {
      const named = typeNamedAtStart(rest);
      if (named !== null) types = [named];
    }
    let label = unquote(rest).replace(/[ \t]+/g, ' ').trim();
    if (label === '') {
      const names = types.map((t) => documentTypeByCode(t)?.name ?? t);
      if (names.length === 0) continue;
      label = names.join(' / ');
    }
    slots.push({
      id: '',
      label,
      types,
      keywords: settings.keywords ?? slotKeywords(label),
      minCount: settings.minCount ?? 1,
      due: settings.due ?? null,
    });
  }
  slots.forEach((s, i) => {
    s.id = `${code}#${i + 1}`;
  });
  return { slots, errors };
}

/** `"a; b"` → `a; b` (the export quotes labels holding ';', '"' or a line break; "" is a quote). */
function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  return t;
}

function quoteIfNeeded(label: string): string {
  return /[;"\n]/.test(label) ? `"${label.replace(/"/g, '""')}"` : label;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One line per slot, in the syntax parseEvidenceCell reads back to the same slots. */
export function formatEvidenceCell(slots: readonly EvidenceSlot[]): string {
  return slots
    .map((s) => {
      const label = quoteIfNeeded(s.label);
      const head =
        s.types.length > 0
          ? `${s.types.join(', ')}: ${label}`
          : typeNamedAtStart(s.label) !== null || /^[^:]{1,20}:/u.test(s.label) || label.startsWith('"')
            ? `*: ${label}`
            : label;
      const settings: string[] = [];
      if (s.minCount !== 1) settings.push(`tối thiểu: ${s.minCount}`);
      if (s.due !== null && isIsoDate(s.due)) settings.push(`hạn: ${isoToDmy(s.due)}`);
      if (!sameList(s.keywords, slotKeywords(s.label))) settings.push(`từ khóa: ${s.keywords.join(', ')}`);
      return settings.length > 0 ? `${head} {${settings.join('; ')}}` : head;
    })
    .join('\n');
}
