// What a plan says about itself on its first page (number, place and date, title, issuer) and the
// evidence batches it sets ("Gửi tài liệu kiểm chứng đợt 01 trước ngày 30/6 hàng năm").

import { nfc } from '../../../../shared/vietnamese.js';
import { dmyToIso } from '../deadline.js';
import type { PlanBatch, PlanFacts } from '../../../../shared/plan-draft.js';

const NUMBER = /Số\s*:\s*(\d*\s*\/\s*[\p{Lu}Đ]+(?:-[\p{Lu}Đ]+)*)/u;
const PLACE_DATE = /((?:\p{Lu}[\p{Ll}\p{M}]* ){0,3}\p{Lu}[\p{Ll}\p{M}]*),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
// "Sở Y tế xây dựng Kế hoạch" names the plan's issuer; "… ban hành Kế hoạch" is as often a cited one.
const ISSUERS = [/((?:Sở|Ủy ban nhân dân|UBND)\s(?:[\p{L}]+\s){0,6}?)xây dựng\s(?:Kế hoạch|kế hoạch)/u, /((?:Sở|Ủy ban nhân dân|UBND)\s(?:[\p{L}]+\s){0,6}?)ban hành\s(?:Kế hoạch|kế hoạch)/u];
const TITLE_END = /^(?:Căn cứ|Thực hiện (?:Kế hoạch|Công văn|Quyết định|Chỉ thị|Chương trình)|Trên cơ sở|I\.|Thi hành)/u;

export function readPlanFacts(lines: readonly string[]): PlanFacts {
  const head = lines.slice(0, 40).map(nfc);
  const all = head.join('\n');
  const number = NUMBER.exec(all)?.[1]?.replace(/\s+/g, '') ?? null;
  const pd = PLACE_DATE.exec(all);
  const year = pd?.[4] !== undefined ? Number(pd[4]) : null;
  const date = pd && pd[2] !== undefined && pd[3] !== undefined && year !== null ? dmyToIso(Number(pd[2]), Number(pd[3]), year) : null;
  let title: string | null = null;
  const k = head.findIndex((l) => /^\s*KẾ HOẠCH\b/u.test(l));
  if (k >= 0) {
    const parts: string[] = [];
    for (const l of head.slice(k + 1, k + 6)) {
      if (TITLE_END.test(l.trim())) break;
      parts.push(l.trim());
    }
    title = parts.join(' ').replace(/\s+/g, ' ') || null;
  }
  const text = lines.slice(0, 120).map(nfc).join(' ').replace(/\s+/g, ' ');
  let issuer: string | null = null;
  for (const re of ISSUERS) {
    issuer ??= re.exec(text)?.[1]?.trim() ?? null;
  }
  return {
    number: number !== null && /^\d/.test(number) ? number : null,
    place: pd?.[1]?.trim() ?? null,
    date,
    year,
    title,
    issuer,
  };
}

const BATCH = /đợt\s*0*(\d{1,2})\s*(?:,\s*)?(?:trước|chậm nhất|hạn|đến|vào)?\s*(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/giu;

/** Batches in the order the plan gives them; a date without a year takes the plan's year. */
export function readBatches(text: string, year: number | null): PlanBatch[] {
  const out: PlanBatch[] = [];
  const flat = nfc(text).replace(/\s+/g, ' ');
  for (const m of flat.matchAll(BATCH)) {
    const n = Number(m[1]);
    const y = m[4] !== undefined ? Number(m[4]) : year;
    if (y === null || out.some((b) => b.number === n)) continue;
    const due = dmyToIso(Number(m[2]), Number(m[3]), y);
    if (due === null) continue;
    const start = Math.max(0, (m.index ?? 0) - 40);
    const end = Math.min(flat.length, (m.index ?? 0) + m[0].length + 12);
    out.push({ number: n, name: `Đợt ${n}`, due, yearInferred: m[4] === undefined, text: flat.slice(start, end).trim() });
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The batches in the form of the workspace setting: "Đợt 1=30/06/2023; Đợt 2=30/09/2023". */
export function batchesSetting(batches: readonly PlanBatch[]): string {
  return batches
    .map((b) => {
      const [y, m, d] = b.due.split('-');
      return `${b.name}=${d}/${m}/${y}`;
    })
    .join('; ');
}
