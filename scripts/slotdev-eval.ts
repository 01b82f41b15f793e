// DEV TOOL (not shipped): the slot finder and digit reader on the cached header OCR
// (slotdev-cache.ts), against the truth boxes. `npx tsx scripts/slotdev-eval.ts [filter] [--crops]`
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type Tesseract from 'tesseract.js';
import { appendHandwriting, cleanCrop, type Box, type SlotKind } from '../main/engine/ocr/handwritten-slots.js';
import { planSlots } from '../main/engine/ocr/slot-plan.js';
import { headerOf } from '../main/engine/recognize/header-of.js';
import type { ContentRow } from '../main/engine/db/stores/contents.js';
import { readHandwriting, MAX_DIGITS } from '../main/engine/ocr/read-handwriting.js';
import { readDigits } from '../main/engine/ocr/digits/read-digits.js';
import { PAD } from '../main/engine/ocr/handwritten-slots.js';

const CACHE = process.env.SLOTDEV_CACHE ?? '/tmp/slotdev/cache';
const CORPUS = path.resolve('test/fixtures/corpus');
const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const crops = process.argv.includes('--crops');
const verbose = process.argv.includes('-v');
interface Entry { file: string; scanned?: boolean; number: string | null; date: string | null; boxes?: Partial<Record<SlotKind, { x: number; y: number; w: number; h: number; digits: string }>> }
const truths = new Map<string, Entry>();
for (const sub of ['dev', 'real', 'seeds']) for (const e of JSON.parse(fs.readFileSync(path.join(CORPUS, sub, 'truth.json'), 'utf8')) as Entry[]) truths.set(`${sub}__${e.file}`, e);
const area = (b: Box): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
const inter = (a: Box, b: Box): Box => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
const header = { number: { right: 0, blank: 0, wrong: 0 }, date: { right: 0, blank: 0, wrong: 0 } };
const stats: Record<string, { truth: number; located: number; right: number; blank: number; wrong: number }> = {};
fs.mkdirSync('/tmp/slotdev/crops', { recursive: true });
for (const f of fs.readdirSync(CACHE).filter((x) => x.endsWith('.json') && x.includes(filter)).sort()) {
  const key = f.slice(0, -5);
  const c = JSON.parse(fs.readFileSync(path.join(CACHE, f), 'utf8')) as { page: Tesseract.Page; width: number; height: number; text: string; dpi?: number };
  const scale = (c.dpi ?? 300) / 72;
  const img = await loadImage(fs.readFileSync(path.join(CACHE, `${key}.png`)));
  const cv = createCanvas(c.width, c.height);
  const ctx = cv.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = { width: c.width, height: c.height, data: ctx.getImageData(0, 0, c.width, c.height).data };
  const e = truths.get(key) as Entry;
  const plan = planSlots(c.page);
  const hw = await readHandwriting(null, c.page, rgba);
  const want: Partial<Record<SlotKind, { digits: string; box: Box | null }>> = {};
  if (e.boxes) for (const [k, b] of Object.entries(e.boxes)) want[k as SlotKind] = { digits: b.digits, box: { x0: b.x * scale, y0: b.y * scale, x1: (b.x + b.w) * scale, y1: (b.y + b.h) * scale } };
  else {
    const d = e.number?.split('/')[0];
    if (d && /^\d+$/.test(d)) want.number = { digits: d, box: null };
    if (e.date) want.day = { digits: String(Number(e.date.slice(8))), box: null };
  }
  const cells: string[] = [];
  for (const kind of ['number', 'day', 'month'] as SlotKind[]) {
    const w = want[kind];
    const got = hw[kind]?.digits;
    const found = plan.slots.find((s) => s.kind === kind);
    if (!w) { if (got || found) cells.push(`${kind}:(${got ?? ''}${found ? ' slot' : ''})`); continue; }
    const s = (stats[kind] ??= { truth: 0, located: 0, right: 0, blank: 0, wrong: 0 });
    s.truth++;
    const loc = found && (!w.box || area(inter(found.box, w.box)) >= 0.5 * area(w.box));
    if (loc) s.located++;
    const same = got !== undefined && (got === w.digits || (!e.boxes && kind === 'day' && Number(got) === Number(w.digits)));
    if (got === undefined) s.blank++; else if (same) s.right++; else s.wrong++;
    cells.push(`${kind}:${w.digits}→${got ?? '–'}${found ? (loc ? '' : ' (MISPLACED)') : ' (NO SLOT)'}`);
    if (crops) {
      const wr = (name: string, b: Box): void => {
        const g = cleanCrop(rgba, b);
        const o = createCanvas(g.width, g.height);
        const oc = o.getContext('2d');
        const id = oc.createImageData(g.width, g.height);
        for (let i = 0; i < g.data.length; i++) { id.data[i * 4] = id.data[i * 4 + 1] = id.data[i * 4 + 2] = g.data[i] as number; id.data[i * 4 + 3] = 255; }
        oc.putImageData(id, 0, 0);
        fs.writeFileSync(`/tmp/slotdev/crops/${key}-${kind}-${name}.png`, o.toBuffer('image/png'));
      };
      if (found) wr('slot', found.box);
      if (w.box) wr('truth', { x0: Math.round(w.box.x0 - 10), y0: Math.round(w.box.y0 - 10), x1: Math.round(w.box.x1 + 10), y1: Math.round(w.box.y1 + 10) });
    }
  }
  const row = {
    sha256: 'x', analyzer_version: 1, size: 1, kind: 'pdf', pages: 1, text_layer: 0, text_quality: 'none', ocr: 1, encrypted: 0, signatures: 0,
    error_kind: null, error_message: null, header_text: '', full_text: '', ocr_status: 'header', ocr_header_text: appendHandwriting(c.text, hw),
  } as unknown as ContentRow;
  // Neutral names, as the accuracy test scores them.
  const hd = headerOf(row, 'scan.pdf');
  const hcell: string[] = [];
  for (const fld of ['number', 'date'] as const) {
    const v = hd[fld];
    const t = header[fld];
    if (v === null) t.blank++; else if (v === e[fld]) t.right++; else { t.wrong++; hcell.push(`WRONG ${fld} ${v} vs ${e[fld]}`); }
    if (v !== null && v === e[fld]) hcell.push(`${fld}✓`);
  }
  console.log(`${key.padEnd(40)} ${cells.join('  ')}   | ${hcell.join(' ')}`);
  if (verbose) {
    for (const b of c.page.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) {
      if (/s[oốô6é]|ng[aà]y|th[aá]ng/i.test(l.text)) console.log('    ', l.words.map((w) => `${w.text}[${w.bbox.x0},${w.bbox.y0}-${w.bbox.x1},${w.bbox.y1}]`).join(' '));
    }
    for (const s of plan.slots) { const r = readDigits(cleanCrop(rgba, s.box), { pad: PAD, maxDigits: MAX_DIGITS[s.kind] }); console.log('     slot', s.kind, JSON.stringify(s.box), r.rejected ?? '', r.perDigit.map((d) => `${d.digit}:${d.p}/${d.second}:${d.pSecond}`).join(' ')); }
    for (const [k, w] of Object.entries(want)) if (w.box) console.log('     truth', k, JSON.stringify(Object.fromEntries(Object.entries(w.box).map(([a, v]) => [a, Math.round(v)]))));
  }
}
console.log(JSON.stringify(stats));
console.log('header (neutral names)', JSON.stringify(header));
