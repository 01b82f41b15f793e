// Plans that assign tasks in prose rather than a table (Quảng Ngãi: "1. … - Đơn vị chủ trì thực
// hiện: … - Thời gian thực hiện: …"; Trà Cú: "a) Phòng Nội vụ: Chủ trì, phối hợp với …, - task …").
// The PAR Index section becomes the draft: each numbered or lettered item a criterion with its
// offices and deadline, each bullet under it a sub-criterion of the same office.

import { foldForMatch, nfc } from '../../../../shared/vietnamese.js';
import type { DraftRow, PlanSource, UnsureCell } from '../../../../shared/plan-draft.js';
import { officeGroupAt, toWords } from './words.js';

export interface ProseResult {
  rows: DraftRow[];
  unsure: UnsureCell[];
  section: string | null;
  skippedSections: string[];
}

export interface ProseLine {
  text: string;
  page: number | null;
}

const HEADING = /^((?:[IVX]+|\d+(?:\.\d+)*)\.)\s+(.*)$/u;
const PAR = /par\s*in\s*dex|chi so cai cach hanh chinh/;
const ROLE = /^[-*\s]*(?:Đơn vị|Cơ quan)\s+(đầu mối|chủ trì|phối hợp)[^:]{0,40}:\s*(.*)$/u;
const TIME = /^[-*\s]*Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.*)$/u;
const BULLET = /^[-–]\s+(?![+*])(.*)$/u;
const END = /^(?:Trên đây|Nơi nhận)/u;

function level(num: string): { roman: boolean; depth: number } {
  return { roman: /^[IVX]+\.$/.test(num), depth: num.replace(/\.$/, '').split('.').length };
}

/** Does this line close the section opened by heading `num`? A roman heading, or a numbered one no deeper. */
function closes(line: string, num: string): boolean {
  if (END.test(line)) return true;
  const m = HEADING.exec(line);
  if (!m || m[1] === undefined) return false;
  const a = level(num);
  const b = level(m[1]);
  if (b.roman) return true;
  // Inside a roman section "1.", "2." are its items.
  if (a.roman) return false;
  return b.depth <= a.depth;
}

interface Item {
  label: string;
  lines: ProseLine[];
}

function firstSentence(s: string): string {
  const m = /^(.+?[.;])\s+\p{Lu}/u.exec(s);
  const t = (m?.[1] ?? s).replace(/[.;:]$/, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export function readProse(lines: readonly ProseLine[]): ProseResult {
  const unsure: UnsureCell[] = [];
  const rows: DraftRow[] = [];
  const skipped: string[] = [];
  const texts = lines.map((l) => nfc(l.text).replace(/^\s*[-*]\s*\*\s*/u, '- ').trim());
  const start = texts.findIndex((t) => {
    const m = HEADING.exec(t);
    return m !== null && t.length < 110 && PAR.test(foldForMatch(t));
  });
  if (start < 0) return { rows, unsure, section: null, skippedSections: skipped };
  const heading = HEADING.exec(texts[start] ?? '');
  const num = heading?.[1] ?? '1.';
  const section = texts[start] ?? null;
  let end = texts.length;
  for (let i = start + 1; i < texts.length; i++) {
    if (closes(texts[i] ?? '', num)) {
      end = i;
      break;
    }
  }
  for (let i = end; i < texts.length; i++) {
    const t = texts[i] ?? '';
    if (HEADING.test(t) && /chỉ số/iu.test(t) && t.length < 110) skipped.push(t);
  }

  // Items: "1. …" or "a) …", whichever the section uses first.
  const body = lines.slice(start + 1, end).map((l, k) => ({ text: texts[start + 1 + k] ?? '', page: l.page }));
  const firstItem = body.find((l) => /^(?:\d+\.|[a-zđ]\))\s/u.test(l.text));
  const itemRe = firstItem && /^[a-zđ]\)/u.test(firstItem.text) ? /^([a-zđ])\)\s+(.*)$/u : /^(\d+)\.\s+(.*)$/u;
  const items: Item[] = [];
  let footnote = false;
  for (const l of body) {
    // A footnote printed inside the item ("⁽¹⁾ Nhiệm vụ cụ thể …") runs to its full stop.
    if (/^[⁽⁾¹²³⁴⁵⁶⁷⁸⁹]/u.test(l.text)) footnote = true;
    if (footnote) {
      if (/\.\s*$/.test(l.text)) footnote = false;
      continue;
    }
    const m = itemRe.exec(l.text);
    if (m && m[1] !== undefined && m[2] !== undefined) items.push({ label: m[1], lines: [{ text: m[2], page: l.page }] });
    else items[items.length - 1]?.lines.push(l);
  }

  items.forEach((item, idx) => {
    const code = String(idx + 1);
    const source: PlanSource = { page: item.lines[0]?.page ?? null, table: null, row: null, excerpt: `${item.label}) ${(item.lines[0]?.text ?? '').slice(0, 70)}` };
    // Group the item's lines into paragraphs: its text, role lines, time lines, bullets.
    const parts: { kind: 'text' | 'role' | 'time' | 'bullet'; role?: string; text: string }[] = [];
    for (const l of item.lines) {
      const role = ROLE.exec(l.text);
      const time = TIME.exec(l.text);
      const bullet = BULLET.exec(l.text);
      if (role && role[1] !== undefined) parts.push({ kind: 'role', role: role[1], text: role[2] ?? '' });
      else if (time) parts.push({ kind: 'time', text: time[1] ?? '' });
      else if (bullet && parts.length > 0) parts.push({ kind: 'bullet', text: bullet[1] ?? '' });
      else if (parts.length === 0) parts.push({ kind: 'text', text: l.text });
      else {
        const last = parts[parts.length - 1];
        if (last) last.text = `${last.text} ${l.text.replace(/^[-–]\s*\+\s*/u, '+ ')}`;
      }
    }
    const text = parts.find((p) => p.kind === 'text')?.text.replace(/[⁽⁾¹²³⁴⁵⁶⁷⁸⁹]/gu, '').replace(/\s+([,.;])/g, '$1').replace(/\s+/g, ' ') ?? '';
    const roles = new Map<string, string>();
    for (const p of parts) if (p.kind === 'role' && p.role) roles.set(p.role, p.text.replace(/\s+/g, ' ').replace(/[.;]$/, '').trim());
    const time = parts.find((p) => p.kind === 'time')?.text.replace(/\s+/g, ' ').replace(/\.$/, '').trim() ?? null;

    let responsible = roles.get('chủ trì') ?? roles.get('đầu mối') ?? null;
    let collaborators = roles.get('phối hợp') ?? null;
    let description = text;
    // "Phòng Nội vụ: Chủ trì, phối hợp với …": the office before the colon.
    const colon = /^\*?([^:]{3,80}?)\*?\s*:\s*(.*)$/u.exec(text);
    if (responsible === null && colon && colon[1] !== undefined && officeGroupAt(toWords(colon[1].replace(/\*/g, '')), 0) !== null) {
      responsible = colon[1].replace(/\*/g, '').trim();
      description = colon[2] ?? '';
      const co = /phối hợp(?: với)?\s+(.+?)(?:,?\s+(?:tham mưu|tìm ra|thực hiện|đưa ra|triển khai)\b|;|$)/u.exec(description);
      if (co && co[1] !== undefined) {
        collaborators = co[1].replace(/,\s*$/, '').trim();
        unsure.push({ code, field: 'collaborators', reason: 'prose', message: 'read from the sentence "phối hợp với …"', source });
      }
    }
    if (roles.has('đầu mối') && roles.has('chủ trì')) {
      unsure.push({ code, field: 'responsible', reason: 'prose', message: `the plan names '${roles.get('đầu mối') ?? ''}' to follow it up (đầu mối) and '${roles.get('chủ trì') ?? ''}' to do it (chủ trì)`, source });
    }
    const title = firstSentence(description.replace(/^Chủ trì,?\s*/u, '')) || `${item.label})`;
    rows.push({ code, parent: null, title, responsible, collaborators, expectedResult: null, due: time, maxPoints: null, source });
    if (responsible === null) unsure.push({ code, field: 'responsible', reason: 'office-not-found', message: 'the item names no office', source });
    let k = 0;
    for (const p of parts) {
      if (p.kind !== 'bullet') continue;
      k++;
      const t = p.text.replace(/\s+/g, ' ').trim();
      rows.push({
        code: `${code}.${k}`,
        parent: code,
        title: firstSentence(t),
        responsible,
        collaborators,
        expectedResult: t.length > firstSentence(t).length + 2 ? t : null,
        due: time,
        maxPoints: null,
        source: { ...source, excerpt: t.slice(0, 80) },
      });
    }
  });
  return { rows, unsure, section, skippedSections: skipped };
}
