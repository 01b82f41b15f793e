// Word-level recognisers for plan text whose table layout was lost (cells flowed into one
// paragraph or one cell-line per line): office names, deadline phrases, and the places where one
// cell most likely ends and the next begins. Vietnamese cells start with a capital letter, while
// a capital inside a cell usually follows a connecting word ("của Chủ tịch", "theo Kế hoạch").

import { foldForMatch, nfc } from '../../../../shared/vietnamese.js';

export interface Word {
  text: string;
  /** Without the punctuation around it. */
  bare: string;
  /** First word of a printed line (cell-lines layout only: a strong hint of a new cell). */
  lineStart: boolean;
}

const EDGE_PUNCT = /^[\s"'“”‘’(.,;:!?…*-]+|[\s"'“”‘’).,;:!?…*-]+$/gu;

export function toWords(text: string, lineStart = false): Word[] {
  return nfc(text)
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t, i) => ({ text: t, bare: t.replace(EDGE_PUNCT, ''), lineStart: lineStart && i === 0 }));
}

export function joinWords(words: readonly Word[]): string {
  return words
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+([,;.:)])/g, '$1')
    .trim();
}

export function isCapital(w: Word | undefined): boolean {
  if (!w) return false;
  const ch = w.bare.charAt(0);
  return ch !== '' && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(w: Word | undefined): boolean {
  if (!w) return false;
  const ch = w.bare.charAt(0);
  return ch !== '' && ch !== ch.toUpperCase();
}

/** All capitals, two letters or more: TTHC, QPPL, VSTP, TN&TKQ. */
export function isAbbreviation(w: Word | undefined): boolean {
  if (!w || w.bare.length < 2) return false;
  return w.bare === w.bare.toUpperCase() && w.bare !== w.bare.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Offices

/** How an office name starts; `next` constrains the following word so verbs ("Thanh tra, kiểm tra…") do not match. */
interface Head {
  words: string[];
  next?: RegExp;
}

const HEADS: Head[] = [
  { words: ['phòng'], next: /^\p{Lu}/u },
  { words: ['văn', 'phòng'], next: /^(?:Sở|HĐND|UBND|Hội|Ủy|Uỷ)$|^$/u },
  { words: ['thanh', 'tra'], next: /^(?:Sở|tỉnh|huyện)$/u },
  { words: ['bộ', 'phận'] },
  { words: ['trung', 'tâm'], next: /^\p{Lu}/u },
  { words: ['chi', 'cục'] },
  { words: ['các', 'phòng'] },
  { words: ['các', 'đơn', 'vị'] },
  { words: ['các', 'cơ', 'quan'] },
  { words: ['các', 'doanh', 'nghiệp'] },
  { words: ['ban'], next: /^\p{Lu}/u },
];

/** Heads that only continue a list after "," or "và" ("…, Nghiệp vụ Dược Sở", "…, đơn vị trực thuộc"). */
const LIST_HEADS: Head[] = [
  ...HEADS,
  { words: ['đơn', 'vị'] },
  { words: ['nghiệp', 'vụ'], next: /^\p{Lu}/u },
  // Councils and people's committees only inside a list: in running text "UBND tỉnh" is who
  // approves, not who does the work.
  { words: ['ủy', 'ban'], next: /^(?:nhân|Nhân)$/u },
  { words: ['ubnd'], next: /^(?:cấp|các|tỉnh|huyện|xã)$/u },
];

/** Capitalised words that stay inside an office name ("Phòng Kế hoạch - Tài chính Sở"). */
const NAME_WORDS = new Set(
  'Sở Y Tế Dược Một Tổ Kế Tài Kiểm Giám An Nghiệp Phục Hành Hội Nhân Ủy Uỷ Cán Văn Thông Tư Nội Cửa Bộ Chi Dân Số Phát Đốc Nhà'.split(' '),
);

/** Set by headAt: the head it matched was a count ("02 Chi cục"), so no name follows it. */
let countedHead = false;

/** Length of the head starting at `i` (0 = none). Capital required unless `list` (after a comma). */
function headAt(words: readonly Word[], i: number, list: boolean): number {
  const first = words[i];
  if (!first) return 0;
  // "02 Chi cục": a count before the head.
  const offset = /^\d{1,2}$/.test(first.bare) && list ? 1 : 0;
  countedHead = offset > 0;
  if (!list && !isCapital(words[i])) return 0;
  for (const h of list ? LIST_HEADS : HEADS) {
    const n = h.words.length;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const w = words[i + offset + k];
      if (!w || w.bare.toLowerCase() !== h.words[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (h.next) {
      // A head alone before "," ("Văn phòng, Thanh tra Sở") is tested as an empty next word.
      const lastHead = words[i + offset + n - 1];
      const nxt = words[i + offset + n];
      const alone = !nxt || /[,;]$/.test(lastHead?.text ?? '');
      if (!h.next.test(alone ? '' : nxt.bare)) continue;
    }
    return offset + n;
  }
  return 0;
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * The office group starting at `i` (a head, its name, and further heads joined by "," or "và"),
 * or null. A head that follows without a comma starts the next group: "Phòng TCCB HC Các phòng…".
 * `list`: the group continues a list cut by a page break ("và các đơn vị trực thuộc Sở").
 */
export function officeGroupAt(words: readonly Word[], i: number, list = false): Span | null {
  let n = headAt(words, i, list);
  if (n === 0) return null;
  let j = i + n;
  // The word right after a head belongs to the name whatever its case ("Phòng Tư pháp"), unless
  // the head ended with a comma ("Văn phòng, …").
  const openName = (k: number): boolean => !countedHead && !/[,;]$/.test(words[k - 1]?.text ?? '');
  let afterHead = openName(j);
  for (;;) {
    const prev = words[j - 1];
    const w = words[j];
    if (!w || !prev) break;
    const prevJoins = /,$/.test(prev.text) || prev.bare === 'và';
    if (prevJoins) {
      n = headAt(words, j, true);
      if (n > 0) {
        j += n;
        afterHead = openName(j);
        continue;
      }
    }
    if (/[;.]$/.test(prev.text)) break;
    if (headAt(words, j, false) > 0 && !prevJoins) break;
    // In cell-lines a capitalised word opening a line after a complete name is the next cell.
    const cut = w.lineStart && isCapital(w) && w.bare.length > 1 && !prevJoins && prev.text !== '-' && !afterHead;
    if (cut || (w.lineStart && w.text === '-') || deadlineStartsAt(words, j)) break;
    if (w.text === '-' || w.text === '–') {
      // "Kế hoạch - Tài chính": a dash between two parts of one name.
      if (NAME_WORDS.has(words[j + 1]?.bare ?? '')) {
        j += 1;
        continue;
      }
      break;
    }
    if (isLower(w) && w.bare !== '') {
      if (w.bare === 'và' && !headAt(words, j + 1, true)) break;
      j++;
      afterHead = false;
      continue;
    }
    if (afterHead || NAME_WORDS.has(w.bare) || isAbbreviation(w) || /^[A-ZĐ]$/u.test(w.bare)) {
      j++;
      afterHead = false;
      continue;
    }
    break;
  }
  return { start: i, end: j };
}

/** Maximal runs of office groups that follow one another with nothing between. */
export function officeRuns(words: readonly Word[], from: number, to: number): Span[][] {
  const runs: Span[][] = [];
  let i = from;
  while (i < to) {
    const prev = words[i - 1];
    // A capital after a connecting word is inside a sentence ("của Văn phòng Sở"), not a cell.
    const inSentence = prev !== undefined && CONNECTORS.has(prev.bare.toLowerCase()) && !/[,;.]$/.test(prev.text);
    const g = inSentence ? null : officeGroupAt(words, i);
    if (!g) {
      i++;
      continue;
    }
    const run: Span[] = [{ start: g.start, end: Math.min(g.end, to) }];
    let j = run[0]?.end ?? i + 1;
    for (let next = officeGroupAt(words, j); next && j < to; next = officeGroupAt(words, j)) {
      run.push({ start: next.start, end: Math.min(next.end, to) });
      j = Math.min(next.end, to);
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Deadlines

const DEADLINE_START = new RegExp(
  [
    'thuong xuyen',
    'nam \\d{4}',
    'truoc(?: ngay)? \\d{1,2}[/.-]\\d{1,2}',
    '(?:trong )?quy (?:i{1,3}|iv|[1-4])\\b',
    'hang (?:quy|nam|thang)',
    'thang \\d{1,2}[/.-]\\d{4}',
    'theo (?:ke hoach|kh|thoi han|tien do|huong dan|quy dinh)',
    'khi co huong dan',
    '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}',
    'dinh ky',
  ].join('|'),
);

/** True when a deadline phrase starts at word `i` (capitalised, as a cell starts). */
export function deadlineStartsAt(words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (!w || !(isCapital(w) || /^\d/.test(w.bare))) return false;
  const text = foldForMatch(joinWords(words.slice(i, i + 6)));
  return new RegExp(`^(?:${DEADLINE_START.source})`).test(text);
}

/** "Năm 2023 và những năm tiếp theo": how many words the phrase takes when another cell follows it. */
export function deadlinePhraseLength(words: readonly Word[], i: number): number {
  const folded = words.map((w) => foldForMatch(w.bare));
  const at = (k: number): string => folded[i + k] ?? '';
  if (at(0) === 'nam' && /^\d{4}$/.test(at(1))) {
    if (at(2) === 'va' && at(3) === 'nhung' && at(4) === 'nam' && at(5) === 'tiep') return at(6) === 'theo' ? 7 : 6;
    return 2;
  }
  if (at(0) === 'thuong' && at(1) === 'xuyen') return 2;
  if (at(0) === 'truoc') return at(1) === 'ngay' ? 3 : 2;
  let n = 1;
  while (i + n < words.length && n < 8 && !isCapital(words[i + n])) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Cell boundaries inside running text

/** Words after which a capital is part of the same sentence. */
export const CONNECTORS = new Set(
  'của theo tại trên với về cho và đúng số do bởi các những là vào từ đến gồm như hoặc thuộc trong giữa đối qua tới nhằm để được cùng'.split(' '),
);

/** Capitalised words that sit inside sentences of administrative text (institutions, systems). */
const PROPER = new Set('Sở UBND HĐND Chủ Tỉnh Trung Nhà Chính Thủ Nhân Bộ Cổng Trang Hệ Ủy Uỷ Đảng Quốc Hội Covid-19 Nghị Luật Thông'.split(' '));

const NAME_HEADS = new Set(['trung tâm', 'chi cục', 'bộ phận', 'văn phòng', 'thanh tra', 'ban chỉ']);

/** Document-type words that start results ("Kế hoạch, báo cáo") but are also objects of verbs. */
const TYPE_WORDS = new Set('Kế Quyết Báo Đề Quy Chương Văn Tờ'.split(' '));

/** How likely word `i` starts a new cell (0: not at all). */
export function boundaryScore(words: readonly Word[], i: number): number {
  const w = words[i];
  const prev = words[i - 1];
  if (!w || !prev) return 0;
  if (w.text === '-' && isCapital(words[i + 1])) return (/[.;:)]$/.test(prev.text) ? 1.5 : 1) + (w.lineStart ? 1 : 0);
  if (!isCapital(w) || isAbbreviation(w) || PROPER.has(w.bare)) return w.lineStart && isAbbreviation(w) ? 0.5 : 0;
  // Names go on after an institution or a head: "Sở Y tế", "Trung tâm Hành chính công".
  if (PROPER.has(prev.bare) || w.bare.length === 1 || NAME_HEADS.has(`${words[i - 2]?.bare ?? ''} ${prev.bare}`.toLowerCase())) return 0;
  if (CONNECTORS.has(prev.bare.toLowerCase()) && !/[,;.]$/.test(prev.text)) return 0;
  if (/^[(\d]/.test(prev.text) && !/[.)]$/.test(prev.text) && !/^(?:19|20)\d\d$/.test(prev.bare)) return 0.2;
  let score = 1;
  if (/[:,]$/.test(prev.text)) score -= 0.6;
  if (/;$/.test(prev.text)) score -= 0.5;
  if (/[.)]$/.test(prev.text)) score += 0.5;
  if (TYPE_WORDS.has(w.bare)) score -= 0.3;
  if (/%$/.test(prev.bare)) score -= 0.5;
  if (w.lineStart) score += 1;
  return Math.max(score, 0.1);
}

export interface Split {
  parts: Span[];
  /** The choice was close: another boundary scored as well as a chosen one. */
  guessed: boolean;
}

/** Cut words[from, to) into `k` cells at the k-1 likeliest boundaries, kept in reading order. */
export function splitInto(words: readonly Word[], from: number, to: number, k: number): Split {
  if (k <= 1 || to - from < 2) return { parts: [{ start: from, end: to }], guessed: k > 1 && to > from };
  const candidates: { i: number; score: number }[] = [];
  let bulletSeen = words[from]?.text === '-';
  for (let i = from + 1; i < to; i++) {
    let s = boundaryScore(words, i);
    // Bullets after the first one are items of the same cell.
    if (words[i]?.text === '-' && s > 0) {
      if (bulletSeen) s = Math.max(0.1, s - 1.5);
      bulletSeen = true;
    }
    if (s > 0) candidates.push({ i, score: s });
  }
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen = ranked.slice(0, k - 1).sort((a, b) => a.i - b.i);
  const weakestChosen = Math.min(...chosen.map((c) => c.score));
  const bestLeft = ranked[k - 1]?.score ?? 0;
  const guessed = chosen.length < k - 1 || bestLeft >= weakestChosen;
  const parts: Span[] = [];
  let start = from;
  for (const c of chosen) {
    parts.push({ start, end: c.i });
    start = c.i;
  }
  parts.push({ start, end: to });
  while (parts.length < k) parts.push({ start: to, end: to });
  return { parts, guessed };
}
