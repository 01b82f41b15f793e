// Reading structure out of the free text that plans and decisions print: keywords from a title,
// evidence slots from an "expected result" sentence, ISO dates from a printed deadline.
// Heuristics, kept conservative: when nothing can be read with confidence, the text stays text.

import { DOCUMENT_TYPES, documentTypeByCode } from '../../../shared/document-types.js';
import type { EvidenceSlot } from '../../../shared/pack.js';
import { foldForMatch, nfc } from '../../../shared/vietnamese.js';

// ---------------------------------------------------------------------------------------------
// Keywords

/** Two-syllable words of administrative Vietnamese (folded), so "cải cách hành chính" splits right. */
const LEXICON = new Set(
  `cai cach|hanh chinh|tuyen truyen|ke hoach|bao cao|quyet dinh|thu tuc|phap luat|van ban|quy pham|
  cong chuc|vien chuc|can bo|vi tri|viec lam|danh gia|xep loai|dao tao|boi duong|tai chinh|ngan sach|
  dich vu|truc tuyen|dien tu|thanh toan|so hoa|ho so|giai quyet|cong khai|thong tin|chinh quyen|chi dao|
  dieu hanh|kiem tra|thanh tra|kiem toan|kien nghi|ket luan|tu chu|trach nhiem|co che|giai ngan|dau tu|
  tai san|quy che|quy trinh|noi bo|don gian|danh muc|cong bo|sang kien|giai phap|thi dua|khen thuong|
  ky luat|ky cuong|chuyen doi|co cau|theo doi|thi hanh|ra soat|he thong|tich hop|van phong|nhiem vu|
  chi tieu|de an|mot cua|lien thong|tiep nhan|ket qua|muc do|hai long|nguoi dan|bo may|che do|cong vu|
  quan ly|su dung|phe duyet|dieu chinh|su nghiep|truc thuoc|phat trien|xay dung|ung dung|cong nghe|
  tinh hinh|tieu chi|chi so|hoi nghi|tap huan|toa dam|truyen thong|phuong tien|to roi|chuyen de|
  ban hanh|bai bo|he thong hoa|tham quyen|linh vuc|y te|an toan|thuc pham|giam dinh|kiem soat|
  benh tat|thanh pho|quoc gia|dien tu|van ban|nha nuoc|tu chiu|don gian hoa|hinh thuc|trao doi|
  sap xep|tinh gian|bien che|tuyen dung|su dung|ho tro|doanh nghiep|khieu nai|to cao|tiep cong|
  phan cap|uy quyen|phoi hop|giam sat|thong ke|luu tru|chu ky|chu ky so|ma hoa|du lieu|co so|
  phan mem|ha tang|ket noi|chia se|cai thien|nang cao|khac phuc|han che|thi dua|khen thuong|
  dan chu|quy dinh|ngan hang|kho bac|thu chi|du toan|quyet toan|dang ky|cap phep|giay phep|
  de nghi|noi dung|tien do|chap hanh|lien quan|duy tri|hoan thanh|tang cuong|so luong|the che|
  co quan|don vi|to chuc|bo tri|dam bao|kip thoi|day du|dung han|hang nam|chu tich|hieu qua|phat huy|
  thoi gian|hang quy|chuc nang|pham vi|uy ban|nhan dan|ty le|cong tac|thuc hien|tham muu|phat sinh`
    .split('|')
    .map((w) => w.trim())
    .filter((w) => w.includes(' ')),
);

/** Syllables that carry no topic on their own. */
const STOP_SYLLABLES = new Set(
  `cac|cua|va|voi|theo|tren|duoi|trong|ngoai|tai|cho|den|tu|duoc|bi|la|co|khong|nhung|mot|moi|nay|
  do|ve|de|hoac|hay|dang|da|se|nhu|thi|ma|o|vao|ra|cung|lai|nhat|it|nhieu|toan|tat|ca|phai|can|
  nam|thang|ngay|quy|tinh|so|huyen|xa|dat|tong|tren|duoi|tro|len|hang|gom|day|du|dung|han|kip|
  thoi|nghiem|tot|khac|tiep|nhung|muc|ty|le|doi|vien|hien|thuc|cong|tac|phan|chuc|nang|nhan|
  pham|vi|thuoc|tham|muu|ban|hanh|chinh|huong|dan|sau|truoc|qua|het|rieng|chung|cap|don|
  viec|tang|trinh|moi|cao|bo|tri|gan|trang`
    .split('|')
    .map((w) => w.trim()),
);

/** Two-syllable words too generic to match evidence by. */
const STOP_WORDS = new Set([
  'cong tac', 'thuc hien', 'quy dinh', 'co quan', 'don vi', 'tham muu', 'to chuc', 'nhung nam',
  'tiep theo', 'uy ban', 'nhan dan', 'ty le', 'dam bao', 'kip thoi', 'day du', 'dung han', 'hang nam',
  'chu tich', 'ban hanh', 'xay dung', 'nang cao', 'hieu qua', 'phat huy', 'ket qua', 'thoi gian',
  'hang quy', 'trach nhiem', 'chuc nang', 'pham vi', 'truc thuoc', 'de nghi', 'noi dung', 'lien quan',
  'duy tri', 'hoan thanh', 'tang cuong', 'phoi hop', 'so luong', 'bo tri', 'tien do', 'chap hanh', 'hinh thuc',
  'tieu chi', 'chi so', 'linh vuc',
]);

/** Abbreviations that titles use and documents often spell out. */
const ABBREVIATIONS: Record<string, string> = {
  cchc: 'cai cach hanh chinh',
  tthc: 'thu tuc hanh chinh',
  qppl: 'quy pham phap luat',
  cbccvc: 'can bo cong chuc vien chuc',
  ccvc: 'cong chuc vien chuc',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  nsnn: 'ngan sach nha nuoc',
  ttdt: 'thong tin dien tu',
  vstp: 've sinh thuc pham',
};

const GENERIC_ABBREVIATIONS = new Set(['ubnd', 'hdnd', 'syt', 'tw', 'vn']);

/**
 * Folded keywords of a title or label, in order of appearance: two-syllable words where the
 * lexicon (or an adjacent content syllable) makes one, abbreviations such as "cchc" together with
 * their spelled-out form. Generic words ("công tác", "thực hiện", "theo quy định") are left out.
 */
export function deriveKeywords(text: string, exclude: ReadonlySet<string> = new Set(), limit = 10): string[] {
  const out: string[] = [];
  const add = (k: string): void => {
    if (k.length < 2 || STOP_WORDS.has(k) || exclude.has(k) || out.includes(k)) return;
    out.push(k);
  };
  // Parenthesised asides ("(trong quý I)", "(1)") are timing or numbering, not topic.
  const clean = nfc(text).replace(/\([^()]*\)/g, ' ');
  // Runs of letters separated by anything else; punctuation breaks a word.
  for (const chunk of clean.split(/[^\p{L}\p{N}\s]+/u)) {
    const tokens = chunk.split(/\s+/).filter((t) => t !== '');
    let i = 0;
    while (i < tokens.length) {
      const raw = tokens[i] ?? '';
      const t = foldForMatch(raw);
      if (/\d/.test(t)) {
        i++;
        continue;
      }
      // An abbreviation: all capitals, two letters or more (CCHC, TTHC, DVCTT, TTĐT).
      if (raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) {
        if (!GENERIC_ABBREVIATIONS.has(t)) {
          add(t);
          const long = ABBREVIATIONS[t];
          if (long !== undefined) add(long);
        }
        i++;
        continue;
      }
      const next = tokens[i + 1];
      const nextFold = next !== undefined && !/\d/.test(next) && next !== next.toUpperCase() ? foldForMatch(next) : null;
      const third = tokens[i + 2];
      if (nextFold !== null) {
        const three = third !== undefined ? `${t} ${nextFold} ${foldForMatch(third)}` : null;
        if (three !== null && LEXICON.has(three)) {
          add(three);
          i += 3;
          continue;
        }
        const pair = `${t} ${nextFold}`;
        if (LEXICON.has(pair)) {
          add(pair);
          i += 2;
          continue;
        }
        // Two content syllables not in the lexicon: probably a word, unless the second one
        // starts a lexicon word of its own.
        const nextPair = third !== undefined ? `${nextFold} ${foldForMatch(third)}` : '';
        if (!STOP_SYLLABLES.has(t) && !STOP_SYLLABLES.has(nextFold) && !LEXICON.has(nextPair)) {
          add(pair);
          i += 2;
          continue;
        }
      }
      if (!STOP_SYLLABLES.has(t) && t.length >= 3) add(t);
      i++;
    }
  }
  return out.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Document types

/** Type names that can name a piece of evidence in running text (copies and slips left out). */
const EVIDENCE_TYPES = DOCUMENT_TYPES.filter((t) => !['SY', 'TrS', 'SL', 'GNP', 'PG', 'PC', 'PB', 'GGT', 'GUQ'].includes(t.code));

/**
 * Resolve a type code as people type it: exact ("KH", "QĐ"), any case ("kh"), or without the
 * đ ("QD" → "QĐ") when that is unambiguous ("DA" stays Dự án, "ĐA" is Đề án). Null if unknown.
 */
export function resolveTypeCode(text: string): string | null {
  const s = nfc(text.trim());
  if (s === '') return null;
  if (documentTypeByCode(s)) return s;
  const lower = s.toLowerCase();
  const byCase = DOCUMENT_TYPES.filter((t) => t.code.toLowerCase() === lower);
  if (byCase.length === 1 && byCase[0]) return byCase[0].code;
  const folded = foldForMatch(s);
  const byFold = DOCUMENT_TYPES.filter((t) => foldForMatch(t.code) === folded);
  if (byFold.length === 1 && byFold[0]) return byFold[0].code;
  return null;
}

/** The type whose printed name starts `text` ("Kế hoạch tuyên truyền…" → "KH"), or null. */
export function typeNamedAtStart(text: string): string | null {
  const folded = foldForMatch(nfc(text).trim());
  for (const t of EVIDENCE_TYPES) {
    const name = foldForMatch(t.name);
    if (folded === name || folded.startsWith(`${name} `) || folded.startsWith(`${name},`)) return t.code;
  }
  return null;
}

/** Folded names of the evidence types ("ke hoach", "bao cao", …): not useful as slot keywords. */
export const TYPE_NAME_WORDS: ReadonlySet<string> = new Set(DOCUMENT_TYPES.map((t) => foldForMatch(t.name)));

// ---------------------------------------------------------------------------------------------
// Splitting

/**
 * Split on the separators given, except inside (), [] and {} (and inside "…" when `quotes`).
 * Pieces are trimmed, empties dropped.
 */
export function splitOutsideBrackets(text: string, separators: string, quotes = false): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of text) {
    if (quotes && ch === '"') quoted = !quoted;
    else if (quoted) {
      // inside quotes: nothing separates
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    if (depth === 0 && !quoted && separators.includes(ch)) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function capitalizeFirst(s: string): string {
  const first = s.charAt(0);
  return first.toUpperCase() + s.slice(1);
}

/** Trim connecting words and punctuation left at either end of a cut-out phrase. */
function tidyLabel(s: string): string {
  let out = s.trim();
  for (;;) {
    const next = out
      .replace(/^(?:và|hoặc|,|;|\.|:)\s*/iu, '')
      .replace(/\s*(?:,|;|:|\.|\bvà|\bhoặc)$/iu, '')
      .trim();
    if (next === out) return out;
    out = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Evidence slots from "expected result" text

interface TypeMention {
  code: string;
  start: number;
  /** "theo Kế hoạch …", "đúng Quy định": a reference to another document, not new evidence. */
  reference: boolean;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

const TYPE_PATTERNS = EVIDENCE_TYPES.map((t) => ({
  code: t.code,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${t.name.replace(ESCAPE, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** Words after which a lower-case type name still means a document ("ban hành quy chế"). */
const ISSUING_VERBS = ['ban hanh', 'xay dung', 'co', 'trinh', 'gui', 'lap'];
const REFERENCE_WORDS = ['theo', 'dung', 'cua', 'tai'];

function mentionsIn(part: string): TypeMention[] {
  const found: TypeMention[] = [];
  for (const { code, re } of TYPE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const start = m.index;
      const before = foldForMatch(part.slice(0, start)).trim();
      const prevWord = before.split(/\s+/).pop() ?? '';
      const capitalized = part.charAt(start) !== part.charAt(start).toLowerCase();
      const atStart = before === '' || /[:;,(]$/.test(before);
      const afterVerb = ISSUING_VERBS.some((v) => before.endsWith(v));
      // "báo cáo" is a document whether noun or verb ("báo cáo kết quả" = send the report);
      // other lower-case type names are ordinary words ("giải ngân kế hoạch vốn", "theo quy định").
      if (!capitalized && code !== 'BC' && !atStart && !afterVerb) continue;
      const reference = REFERENCE_WORDS.includes(prevWord);
      if (reference && code === 'QyĐ') continue;
      found.push({ code, start, reference });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Where a printed deadline names a quarter per document type: "Quý I (kế hoạch)" → KH due 31/3. */
export function slotDueHints(dueText: string | null, year: number | null): Map<string, string> {
  const hints = new Map<string, string>();
  if (dueText === null || year === null) return hints;
  const quarterEnd = ['03-31', '06-30', '09-30', '12-31'];
  for (const piece of splitOutsideBrackets(dueText, ';')) {
    const m = /^qu[yý]\s+(I{1,3}|IV|[1-4])\s*\(([^)]+)\)$/iu.exec(nfc(piece));
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    const roman = ['I', 'II', 'III', 'IV'];
    const q = /\d/.test(m[1]) ? Number(m[1]) : roman.indexOf(m[1].toUpperCase()) + 1;
    const type = typeNamedAtStart(m[2]);
    const end = quarterEnd[q - 1];
    if (type !== null && end !== undefined) hints.set(type, `${year}-${end}`);
  }
  return hints;
}

/**
 * Evidence slots read from an expected-result sentence. Each document type named in it
 * ("Kế hoạch …", "Báo cáo …", "Quyết định …") becomes a slot labelled from that mention up to the
 * next; `;`-separated requirements that name no type become slots of any type; when the text names
 * no type at all, one slot carries the whole text.
 */
export function deriveEvidenceSlots(
  code: string,
  expectedResult: string | null,
  opts: { dueText?: string | null; year?: number | null } = {},
): EvidenceSlot[] {
  const text = expectedResult === null ? '' : nfc(expectedResult).trim();
  if (text === '') return [];
  const dueHints = slotDueHints(opts.dueText ?? null, opts.year ?? null);

  interface Draft {
    label: string;
    types: string[];
    reference: boolean;
  }
  const drafts: Draft[] = [];
  for (const part of splitOutsideBrackets(text, ';\n')) {
    const mentions = mentionsIn(part);
    if (mentions.length === 0) {
      drafts.push({ label: part, types: [], reference: false });
      continue;
    }
    // Consecutive mentions of one type are one requirement ("Đề án …/Đề án điều chỉnh Đề án …").
    const groups: TypeMention[][] = [];
    for (const m of mentions) {
      const last = groups[groups.length - 1];
      if (last && last[0]?.code === m.code) last.push(m);
      else groups.push([m]);
    }
    groups.forEach((g, i) => {
      const first = g[0];
      if (!first) return;
      const end = groups[i + 1]?.[0]?.start ?? part.length;
      drafts.push({ label: part.slice(first.start, end), types: [first.code], reference: g.every((m) => m.reference) });
    });
  }

  const typed = drafts.filter((d) => d.types.length > 0);
  if (typed.length === 0) {
    return [makeSlot(`${code}#1`, text, [], null)];
  }
  // A reference ("thực hiện theo Kế hoạch") counts only when no slot names that type already.
  const direct = new Set(typed.filter((d) => !d.reference).flatMap((d) => d.types));
  const kept: Draft[] = [];
  for (const d of drafts) {
    if (d.reference && d.types.length > 0 && d.types.every((t) => direct.has(t))) continue;
    for (const t of d.types) direct.add(t);
    kept.push(d);
  }
  return kept.map((d, i) => {
    const due = d.types.length === 1 && d.types[0] !== undefined ? (dueHints.get(d.types[0]) ?? null) : null;
    return makeSlot(`${code}#${i + 1}`, d.label, d.types, due);
  });
}

function makeSlot(id: string, rawLabel: string, types: string[], due: string | null): EvidenceSlot {
  const label = capitalizeFirst(tidyLabel(rawLabel));
  return { id, label, types, keywords: slotKeywords(label), minCount: 1, due };
}

/** Keywords of a slot label, without the type names the slot's types already express. */
export function slotKeywords(label: string): string[] {
  return deriveKeywords(label, TYPE_NAME_WORDS, 8);
}

// Deadline parsing lives in deadline.ts; re-exported for the pack modules that import it from here.
export { BadDateError, dmyToIso, isoToDmy, parseDeadline, type ParsedDeadline } from './deadline.js';
