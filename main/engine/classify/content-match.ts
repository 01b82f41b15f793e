// Content classification: a document's recognised type and its words against each evidence
// slot's expected types and keywords. Keywords are weighted by how rare they are across the pack
// (inverse document frequency over criteria), so words every criterion shares ("hành chính",
// "cải cách") cannot link a document on their own.
import { DOCUMENT_TYPES } from '../../../shared/document-types.js';
import { leafCriteria, type CriteriaPack, type Criterion, type EvidenceSlot } from '../../../shared/pack.js';
import { foldForMatch, foldPreservingOffsets, nfc } from '../../../shared/vietnamese.js';

export interface ContentInput {
  type: string | null;
  title: string | null;
  /** Page-1 text and the start of the body; matched with a lower weight than the subject. */
  text: string;
}

export interface ContentMatch {
  code: string;
  slotId: string | null;
  score: number;
  /** Human reason: "KH + 'tuyên truyền', 'CCHC' in subject". */
  reason: string;
}

/** Minimum score of a content link; one rare keyword in the subject plus a matching type passes. */
export const CONTENT_THRESHOLD = 2.5;
const TITLE_WEIGHT = 1;
const TEXT_WEIGHT = 0.25;
const TYPE_BONUS = 1.5;
const MAX_TEXT = 2000;

interface Target {
  criterion: Criterion;
  slot: EvidenceSlot | null;
  types: string[];
  keywords: string[];
}

/** "ke hoach", "bao cao", …: a subject that names its own type says nothing about its topic. */
const TYPE_NAMES = new Set(DOCUMENT_TYPES.map((t) => words(t.name).trim()));

/** Folded words separated by single spaces, padded, so " keyword " matches whole words only. */
function words(text: string): string {
  return ` ${foldForMatch(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

export class ContentMatcher {
  private readonly targets: Target[] = [];
  private readonly weight = new Map<string, number>();
  private readonly phraseCache = new WeakMap<ContentInput, { title: Words; text: Words }>();

  constructor(pack: Pick<CriteriaPack, 'criteria'>) {
    const leaves = leafCriteria(pack);
    const df = new Map<string, number>();
    for (const c of leaves) {
      const all = new Set([...c.keywords, ...c.evidence.flatMap((s) => s.keywords)].map(keyword).filter(Boolean));
      for (const k of all) df.set(k, (df.get(k) ?? 0) + 1);
      const criterionKeywords = c.keywords.map(keyword);
      if (c.evidence.length === 0) {
        this.targets.push({ criterion: c, slot: null, types: [], keywords: unique(criterionKeywords) });
      }
      for (const slot of c.evidence) {
        const keywords = unique([...slot.keywords.map(keyword), ...criterionKeywords]).filter(Boolean);
        this.targets.push({ criterion: c, slot, types: slot.types, keywords });
      }
    }
    const n = Math.max(leaves.length, 1);
    for (const [k, count] of df) this.weight.set(k, Math.log(1 + n / count));
  }

  /**
   * The subject and the text folded once per document, with the set of their words: a keyword
   * is looked up in the set before the (rarer) phrase search. Kept per input object, since one
   * document is matched several times (all criteria, then each link's best slot).
   */
  private phrasesOf(doc: ContentInput): { title: Words; text: Words } {
    let cached = this.phraseCache.get(doc);
    if (!cached) {
      cached = { title: new Words(doc.title ?? ''), text: new Words(doc.text.slice(0, MAX_TEXT)) };
      this.phraseCache.set(doc, cached);
    }
    return cached;
  }

  /** Every slot the document matches at or above the threshold, best first. */
  match(doc: ContentInput, within?: (code: string) => boolean): ContentMatch[] {
    const { title, text } = this.phrasesOf(doc);
    const out: ContentMatch[] = [];
    for (const t of this.targets) {
      if (within && !within(t.criterion.code)) continue;
      // A slot that names its types only takes documents of those types (when the type is known).
      if (t.types.length > 0 && doc.type && !t.types.includes(doc.type)) continue;
      let score = 0;
      const inTitle: string[] = [];
      let inText = 0;
      for (const k of t.keywords) {
        const w = this.weight.get(k) ?? 0;
        if (title.has(k)) {
          score += w * TITLE_WEIGHT;
          inTitle.push(k);
        } else if (text.has(k)) {
          score += w * TEXT_WEIGHT;
          inText++;
        }
      }
      // Without a keyword in the subject, body words alone are too weak to trust.
      if (inTitle.length === 0) continue;
      const typeMatched = t.types.length > 0 && doc.type !== null && t.types.includes(doc.type);
      if (typeMatched) score += TYPE_BONUS;
      if (score < CONTENT_THRESHOLD) continue;
      out.push({ code: t.criterion.code, slotId: t.slot?.id ?? null, score, reason: reasonOf(doc, typeMatched, inTitle, inText) });
    }
    out.sort((a, b) => b.score - a.score);
    // One link per criterion: its best slot.
    const seen = new Set<string>();
    return out.filter((m) => (seen.has(m.code) ? false : (seen.add(m.code), true)));
  }

  /** The slot of `code` a document fits best (for folder, file-name and manual links). */
  bestSlot(criterion: Criterion, doc: ContentInput): string | null {
    if (criterion.evidence.length === 0) return null;
    const matches = this.match(doc, (c) => c === criterion.code);
    if (matches[0]?.slotId) return matches[0].slotId;
    const byType = doc.type ? criterion.evidence.find((s) => s.types.includes(doc.type as string)) : undefined;
    if (byType) return byType.id;
    const untyped = criterion.evidence.find((s) => s.types.length === 0);
    return (untyped ?? criterion.evidence[0])?.id ?? null;
  }
}

const KEYWORD_PARTS = new Map<string, string[]>();

/** Folded words of a text, for whole-word keyword lookups. */
class Words {
  private readonly padded: string;
  private readonly set: Set<string>;

  constructor(text: string) {
    this.padded = words(text);
    this.set = new Set(this.padded.trim().split(' '));
  }

  has(keyword: string): boolean {
    let parts = KEYWORD_PARTS.get(keyword);
    if (!parts) KEYWORD_PARTS.set(keyword, (parts = keyword.split(' ')));
    for (const w of parts) if (!this.set.has(w)) return false;
    return parts.length === 1 || this.padded.includes(` ${keyword} `);
  }
}

/** A pack keyword as matched: folded words, or '' when it only names a document type. */
function keyword(k: string): string {
  const w = words(k).trim();
  return TYPE_NAMES.has(w) ? '' : w;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function reasonOf(doc: ContentInput, typeMatched: boolean, inTitle: string[], inText: number): string {
  // "cải cách hành chính" says it all; "cải cách" and "hành chính" inside it add nothing.
  const longest = inTitle.filter((k) => !inTitle.some((o) => o !== k && o.includes(k)));
  const shown = longest.slice(0, 3).map((k) => `'${originalSpelling(doc.title ?? '', k)}'`);
  const type = typeMatched && doc.type ? `${doc.type} + ` : '';
  const more = inText > 0 ? ` (+${inText} in text)` : '';
  return `${type}${shown.join(', ')} in subject${more}`;
}

/** The keyword as the subject spells it, with its diacritics ("tuyen truyen" → "tuyên truyền"). */
function originalSpelling(title: string, folded: string): string {
  const src = nfc(title);
  // foldPreservingOffsets keeps one character per character, so offsets carry over to `src`.
  const flat = foldPreservingOffsets(src).toLowerCase();
  const m = new RegExp(`(?<![a-z0-9])${folded.split(' ').join('[^a-z0-9]+')}(?![a-z0-9])`).exec(flat);
  return m ? src.slice(m.index, m.index + m[0].length) : folded;
}
