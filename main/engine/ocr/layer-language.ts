// A text layer without a single diacritic is either Vietnamese that a scanner's OCR flattened
// ("CONG HOA XA HOI CHU NGHIA") or simply not Vietnamese (an English report, a book). Only the
// first is worth reading again with the Vietnamese model: tell them apart by how often the
// commonest Vietnamese words (folded) occur among the layer's words.
import { foldForMatch } from '../../../shared/vietnamese.js';

const COMMON = new Set(
  'va cua cac co duoc trong cho theo nam ngay thang so nhung voi ve tai tren nay la mot khong cong hoa xa hoi chu nghia viet nam doc lap tu do hanh phuc can cu quyet dinh ke hoach bao tinh huyen uy ban nhan dan giao duc dao tao thuc hien'.split(' '),
);

/** Share of the first words of `text` that are common Vietnamese words (0..1). */
export function vietnameseWordShare(text: string, maxWords = 2_000): number {
  const words = foldForMatch(text.slice(0, 40_000))
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0)
    .slice(0, maxWords);
  if (words.length === 0) return 0;
  return words.filter((w) => COMMON.has(w)).length / words.length;
}

/**
 * Whether OCR should read a content whose layer has this quality and text. Vietnamese prose runs
 * at 25-40% of these words; English around 1-3% (its "a", "do", "so", "to"-like collisions).
 */
export function worthOcr(textQuality: string, fullText: string): boolean {
  if (textQuality !== 'no-diacritics') return true;
  return vietnameseWordShare(fullText) >= 0.08;
}
