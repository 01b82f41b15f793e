// Finds English words in text that should be Vietnamese. A Vietnamese word is one syllable that
// follows Vietnamese phonotactics (an initial consonant, one to three vowels, an allowed final);
// English words almost never do ("scan", "usable", "none", "manual", "failed" all fail), so any
// ASCII word that is not a Vietnamese syllable, not a code and not on the allow-list is reported.
// Short English words that happen to be syllables ("can", "an", "to") pass: this catches
// sentences, not every word.
import { foldForMatch } from '../../shared/vietnamese.js';

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** Proper names, product and format names, units, and codes that are not all capitals. */
export const ALLOWED = new Set(
  [
    'KiemChung', 'English', 'PDF', 'OCR', 'XLSX', 'DOCX', 'JSON', 'CSV', 'ZIP', 'SHA', 'KB', 'MB', 'GB', 'TB', 'Unicode',
    'Electron', 'Chromium', 'Linux', 'Windows', 'web', 'PAR', 'Index', 'PAPI', 'SIPAS', 'CCHC', 'VGCA', 'TTĐT', 'TLKC',
    'Enter', 'Tab', 'Esc', 'dd', 'mm', 'yyyy', 'ms',
  ].map((w) => w.toLowerCase()),
);

export interface EnglishHit {
  word: string;
  context: string;
}

export function englishWords(text: string, extraAllowed: Iterable<string> = []): EnglishHit[] {
  const allowed = new Set([...ALLOWED, ...[...extraAllowed].map((w) => w.toLowerCase())]);
  const hits: EnglishHit[] = [];
  // Placeholders ({path}, {known}) are filled in with values, never shown as words.
  text = text.replace(/\{[A-Za-z]+\}/g, '{}');
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)) {
    const raw = m[0];
    // Only words written without Vietnamese letters can be English.
    if (!/^[A-Za-z'’-]+$/.test(raw)) continue;
    for (const part of raw.split(/['’-]/)) {
      if (part.length < 2) continue;
      // Codes and abbreviations (KH, UBND, QĐ-UBND, TC) are capitals.
      if (part === part.toUpperCase()) continue;
      const lower = part.toLowerCase();
      if (allowed.has(lower) || SYLLABLE.test(foldForMatch(lower))) continue;
      const at = m.index ?? 0;
      hits.push({ word: part, context: text.slice(Math.max(0, at - 30), at + raw.length + 30).replace(/\s+/g, ' ') });
    }
  }
  return hits;
}
