// Reads the handwritten slots of a header (see handwritten-slots.ts) with the worker's Tesseract:
// each slot is cropped, cleaned, turned into a few versions and read digits-only; the versions
// vote. Costs ~10-30 ms per version on this machine, a few versions per slot, ≤ 3 slots.
import type Tesseract from 'tesseract.js';
import { cleanCrop, digitVariants, planSlots, vote, type HandwrittenReading, type RgbaImage } from './handwritten-slots.js';
import type { TesseractEngine } from './tesseract-engine.js';

export async function readHandwriting(engine: TesseractEngine, page: Tesseract.Page, rgba: RgbaImage): Promise<HandwrittenReading> {
  const plan = planSlots(page);
  const out: HandwrittenReading = { printedMonth: plan.month, year: plan.year };
  for (const slot of plan.slots) {
    const versions = digitVariants(cleanCrop(rgba, slot.box));
    const reads: { text: string; confidence: number }[] = [];
    for (const v of versions) reads.push(await engine.recognizeDigits(v));
    const best = vote(reads);
    if (best) out[slot.kind] = best;
  }
  return out;
}
