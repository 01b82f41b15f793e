// Reads the handwritten slots of a header (see handwritten-slots.ts): each slot the printed words
// locate is cropped, cleaned and read by the handwritten-digit model (digits/read-digits.ts),
// which refuses what it is unsure of. Tesseract's print-trained digits read almost none of these
// slots (4 of 21 on corpus/real, README) and are not asked. The model costs a few ms per slot.
import type Tesseract from 'tesseract.js';
import { readDigits, type DigitReading } from './digits/read-digits.js';
import { cleanCrop, PAD, type Box,
 type HandwrittenReading, type RgbaImage, type SlotKind, type SlotReading } from './handwritten-slots.js';
import { planSlots } from './slot-plan.js';
import type { TesseractEngine } from './tesseract-engine.js';

/** The most digits a slot holds: a day or month has two, a number rarely more than five. */
export const MAX_DIGITS: Record<SlotKind, number> = { number: 5, day: 2, month: 2 };

/**
 * The least probability each digit of a reading needs, by slot kind: measured on the dev and real
 * scans with the committed weights (scripts/slotdev-eval.ts), as the lowest bar that read no day
 * or month wrong (0.65 read one) and at most 2 of 32 numbers wrong at the slot, none of them
 * surviving the header's cross-checks. A number has more digits to cut wrongly than a day.
 */
const MIN_P: Record<SlotKind, number> = { number: 0.75, day: 0.7, month: 0.7 };

/** Readings no date can hold (a day of 88, a month of 40) are refused, not passed on. */
const LARGEST: Partial<Record<SlotKind, number>> = { day: 31, month: 12 };

function possible(kind: SlotKind, digits: string): boolean {
  const max = LARGEST[kind];
  return max === undefined || (Number(digits) >= 1 && Number(digits) <= max);
}

const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** What each position of a day or month can hold: "0"-"3" then any for a day, "0"-"1" for a month. */
const POSITIONS: Partial<Record<SlotKind, (position: number, count: number) => readonly number[] | null>> = {
  day: (i, n) => (n === 2 && i === 0 ? [0, 1, 2, 3] : n === 1 ? ALL.slice(1) : null),
  month: (i, n) => (n === 2 && i === 0 ? [0, 1] : n === 1 ? ALL.slice(1) : null),
};

/** The model's reading as the slot reading header-of.ts weighs: one reader, so support 1. */
export function slotReading(r: DigitReading): SlotReading | null {
  return r.digits ? { digits: r.digits, support: 1, confidence: Math.round(r.confidence * 100) } : null;
}

/**
 * One slot of the page read as the header pass reads it: cropped and cleaned, read by the digit
 * model with what each position of a day or month can hold, and refused when no date holds it.
 */
export function readSlot(rgba: RgbaImage, box: Box, kind: SlotKind): { reading: SlotReading | null; detail: DigitReading } {
  const detail = readDigits(cleanCrop(rgba, box), { pad: PAD, maxDigits: MAX_DIGITS[kind], allowed: POSITIONS[kind], smallLeftNeighbour: kind === 'number', minP: MIN_P[kind], boldVote: kind !== 'number' });
  const r = slotReading(detail);
  return { reading: r && possible(kind, r.digits) ? r : null, detail };
}

// `engine` stays in the signature for the worker (ocr-worker.ts), which owns the Tesseract worker.
export function readHandwriting(_engine: TesseractEngine | null, page: Tesseract.Page, rgba: RgbaImage): Promise<HandwrittenReading> {
  const plan = planSlots(page);
  const out: HandwrittenReading = { printedDay: plan.day, printedMonth: plan.month, year: plan.year };
  for (const slot of plan.slots) {
    const { reading } = readSlot(rgba, slot.box, slot.kind);
    if (reading) out[slot.kind] = reading;
  }
  return Promise.resolve(out);
}
