// The facts behind a link's reason and a classification note, read back from the sentences the
// classifier stores (main/engine/classify/classify.ts, content-match.ts), so the app can word
// them from its catalogue while the CLI keeps printing the stored English.

/** Keywords found in the subject, the document type matched, how many more were found in the text. */
export interface ContentReasonFact {
  type: string | null;
  keywords: string[];
  inText: number;
}

export type ReasonFact =
  | { kind: 'manual' }
  | { kind: 'path'; origin: 'folder' | 'filename'; segment: string; content: ContentReasonFact | null }
  | { kind: 'content'; content: ContentReasonFact }
  | { kind: 'other'; text: string };

const PATH = /^(folder|file name) '(.*?)'(?: \+ (.*))?$/s;
const CONTENT = /^(?:(\S+) \+ )?(.*) in subject(?: \(\+(\d+) in text\))?$/s;

export function contentFact(text: string): ContentReasonFact | null {
  const m = CONTENT.exec(text);
  if (!m) return null;
  const keywords = [...(m[2] ?? '').matchAll(/'([^']*)'/g)].map((k) => k[1] ?? '').filter(Boolean);
  return { type: m[1] ?? null, keywords, inText: m[3] ? Number(m[3]) : 0 };
}

export function reasonFact(reason: string): ReasonFact {
  if (reason === 'assigned by hand' || reason.startsWith('assigned by hand')) return { kind: 'manual' };
  const p = PATH.exec(reason);
  if (p) return { kind: 'path', origin: p[1] === 'folder' ? 'folder' : 'filename', segment: p[2] ?? '', content: p[3] ? contentFact(p[3]) : null };
  const c = contentFact(reason);
  if (c) return { kind: 'content', content: c };
  return { kind: 'other', text: reason };
}

/** The folder or file name a note is about (unknown-code, area-only) and the codes a drift names. */
export function noteFact(message: string): { origin: 'folder' | 'filename' | null; segment: string | null; filedUnder: string[] } {
  const p = /^(folder|file name) '(.*?)' names /s.exec(message);
  const d = /^filed under (.*?) but its content matches /s.exec(message);
  return {
    origin: p ? (p[1] === 'folder' ? 'folder' : 'filename') : null,
    segment: p?.[2] ?? null,
    filedUnder: d?.[1] ? d[1].split(', ') : [],
  };
}
