// Plan table headers ("Phòng / Đơn vị chủ trì", "KẾT QUẢ ĐẠT ĐƯỢC", "Thời gian khắc phục") and the
// pack field each column holds. Plans word their headers freely, so this matches phrases in the
// folded text rather than exact names; CONTRACTS.md §5 names are accepted too.

import { foldForMatch } from '../../../../shared/vietnamese.js';
import { fieldOfHeader } from '../columns.js';
import type { PlanField } from '../../../../shared/plan-draft.js';

/** Phrases in the order they are tried; the first that a header cell contains decides its field. */
const PHRASES: { field: PlanField; re: RegExp }[] = [
  { field: 'code', re: /^(?:s\s?t\s?t|tt|ma|ma so|so tt|code)$/ },
  { field: 'responsible', re: /chu tri|dau moi|responsible/ },
  { field: 'collaborators', re: /phoi hop|collaborat/ },
  { field: 'target', re: /muc tieu|chi tieu/ },
  { field: 'task', re: /hoat dong/ },
  { field: 'due', re: /thoi gian|thoi han|han hoan thanh|deadline|\bdue\b/ },
  { field: 'expectedResult', re: /ket qua|san pham|giai phap|yeu cau can dat|expected/ },
  { field: 'maxPoints', re: /diem|max ?points/ },
  { field: 'title', re: /tieu chi|linh vuc|nhiem vu|noi dung|ten|title/ },
];

/** The field of one header cell, or null for a column the draft does not use. */
export function planFieldOfHeader(text: string): PlanField | null {
  const f = foldForMatch(text).replace(/\s+/g, ' ').trim();
  if (f === '') return null;
  for (const p of PHRASES) if (p.re.test(f)) return p.field;
  const contract = fieldOfHeader(text);
  if (contract === 'code' || contract === 'title' || contract === 'responsible' || contract === 'collaborators' || contract === 'due') return contract;
  if (contract === 'expectedResult' || contract === 'evidence') return 'expectedResult';
  if (contract === 'maxPoints') return 'maxPoints';
  return null;
}

/** Words that header cells are made of: a printed line of only these is part of the header. */
const HEADER_VOCABULARY = new Set(
  `stt tt s t cac linh vuc tieu chi thuoc chi so phong don vi co quan chu tri phoi hop thoi gian han
  khac phuc noi dung giai phap thuc hien nhiem vu phan cong ket qua dat duoc hoan thanh muc tieu
  hoat dong san pham diem toi da can ten va du kien yeu cau`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Words only a header has ("và các đơn vị" is header vocabulary too, and an office's rest). */
const STRONG = /\b(?:stt|tt|linh vuc|tieu chi|chu tri|phoi hop|thoi gian|nhiem vu|phan cong|ket qua|hoan thanh|muc tieu|hoat dong|san pham|diem|giai phap|khac phuc)\b/;

export function isHeaderWords(text: string): boolean {
  const folded = foldForMatch(text);
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
  if (words.length === 0) return false;
  const known = words.filter((w) => HEADER_VOCABULARY.has(w)).length;
  return known / words.length >= 0.85 && STRONG.test(words.join(' '));
}

/** A printed line that opens a table header: "STT Các lĩnh vực/tiêu chí …", "TT NHIỆM VỤ THỰC HIỆN". */
export function startsHeader(text: string): boolean {
  const f = foldForMatch(text).trim();
  return /^(?:s\s?t\s?t|tt)\b/.test(f) && isHeaderWords(text);
}

/**
 * Column order from a header whose cells flowed into running text. A grouping cell such as
 * "PHÂN CÔNG THỰC HIỆN" stands where its sub-columns (chủ trì, phối hợp) are.
 */
export function fieldOrderFromHeaderText(text: string): PlanField[] {
  const f = foldForMatch(text).replace(/\s+/g, ' ');
  const found: { field: PlanField; at: number }[] = [];
  const place = (field: PlanField, re: RegExp): void => {
    const m = re.exec(f);
    if (m && !found.some((x) => x.field === field)) found.push({ field, at: m.index });
  };
  const group = /phan cong/.exec(f);
  if (group) {
    found.push({ field: 'responsible', at: group.index }, { field: 'collaborators', at: group.index + 0.5 });
  }
  place('code', /\b(?:s ?t ?t|tt)\b/);
  place('target', /muc tieu/);
  place('task', /nhiem vu\/ ?hoat dong|hoat dong/);
  place('title', /linh vuc|tieu chi|nhiem vu thuc hien|nhiem vu/);
  place('responsible', /chu tri/);
  place('collaborators', /phoi\s*hop/);
  place('due', /thoi gian|thoi han/);
  place('expectedResult', /ket qua|san pham|noi dung\/ ?giai phap|giai phap/);
  place('maxPoints', /diem toi da|\bdiem\b/);
  // "Nhiệm vụ/ Hoạt động" next to "Mục tiêu" is the task; the target is then the title.
  const hasTarget = found.some((x) => x.field === 'target');
  const out = found.filter((x) => !(hasTarget && x.field === 'title')).sort((a, b) => a.at - b.at);
  return out.map((x) => x.field);
}
