// Vietnamese text helpers shared by the engine and the UI.
// NFD decomposition strips tone and vowel marks but leaves đ/Đ intact (it is a separate
// letter, not d + combining mark), so it is mapped explicitly.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, as every stored string and every JSON field must be. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Remove all diacritics, mapping đ→d and Đ→D. Case is kept. */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Folded and lower-cased: the form used for matching (search, keywords, codes). */
export function foldForMatch(s: string): string {
  return foldDiacritics(s).toLowerCase();
}

/**
 * Length-preserving fold: the result has exactly one UTF-16 unit per unit of `nfc(s)`, so an
 * offset found in the folded text is the same offset in the NFC original (used to cut search
 * snippets from the original text). Combining marks that do not compose are left in place.
 */
export function foldPreservingOffsets(s: string): string {
  const src = nfc(s);
  let out = '';
  for (const ch of src) {
    if (ch.length !== 1) {
      out += ch;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code < 0xc0) {
      out += ch;
    } else if (ch === 'đ') {
      out += 'd';
    } else if (ch === 'Đ') {
      out += 'D';
    } else {
      const base = ch.normalize('NFD').charAt(0);
      out += base.length === 1 && base.charCodeAt(0) < 0x80 ? base : ch;
    }
  }
  return out;
}

/** Vietnamese collation for sorting names in the UI and in exports. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Characters only Vietnamese uses among Latin scripts: a cheap "is this Vietnamese with marks" probe. */
export const VIETNAMESE_MARKED_LETTERS =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
