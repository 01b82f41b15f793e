// --merged-pdf: one review PDF per criterion: a cover (criterion, self-score, giải trình, evidence
// list with start pages), then every evidence document's pages, each stamped "TC <code> – TLKC
// <nn>", with a bookmark per document. Encrypted, damaged or non-PDF evidence cannot be merged:
// it is listed on the cover with the reason (its original is in the folder), never skipped silently.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PDFDocument, PDFHexString, PDFName, degrees, rgb, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';
import { formatDateVi } from '../../../shared/bundle-names.js';
import { UserError } from '../errors.js';
import { embedFonts } from './pdf-fonts.js';
import { pageTreeProblem } from './page-tree.js';
import { A4, Flow, type Column, type TableRow } from './pdf-layout.js';
import type { BundleCriterion } from './collect.js';
import type { PlannedEvidence } from './plan.js';
import { formatLocalDate, formatPoints } from './report-model.js';

export interface MergedResult {
  bytes: Uint8Array;
  pages: number;
  omitted: { path: string; reason: string }[];
}

export interface MergedContext {
  unit: string | null;
  year: number | null;
  createdAt: Date;
  signal?: AbortSignal;
}

function stamp(page: PDFPage, text: string, font: PDFFont): void {
  const size = 9;
  const m = 14;
  const tw = font.widthOfTextAtSize(text, size);
  const { x: x0, y: y0, width: w, height: h } = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  // Place the stamp at the top-right corner as the page is displayed, whatever its /Rotate.
  const placements: Record<number, { x: number; y: number; r: number }> = {
    0: { x: x0 + w - m - tw, y: y0 + h - m - size, r: 0 },
    90: { x: x0 + m + size, y: y0 + h - m - tw, r: 90 },
    180: { x: x0 + m + tw, y: y0 + m + size, r: 180 },
    270: { x: x0 + w - m - size, y: y0 + m + tw, r: 270 },
  };
  const p = placements[rotation] ?? placements[0];
  if (!p) return;
  // The white box starts 3 pt below the baseline, "below" meaning against the text's up direction.
  const rad = (p.r * Math.PI) / 180;
  const bx = p.x + 3 * Math.sin(rad);
  const by = p.y - 3 * Math.cos(rad);
  page.drawRectangle({ x: bx, y: by, width: tw, height: size + 5, rotate: degrees(p.r), color: rgb(1, 1, 1), opacity: 0.85 });
  page.drawText(text, { x: p.x, y: p.y, size, font, color: rgb(0.75, 0.05, 0.05), rotate: degrees(p.r) });
}

function addOutline(doc: PDFDocument, items: { title: string; page: number }[]): void {
  if (items.length === 0) return;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = items.map(() => ctx.nextRef());
  items.forEach((item, i) => {
    const dict = ctx.obj({ Title: PDFHexString.fromText(item.title), Parent: root, Dest: [doc.getPage(item.page).ref, 'Fit'] });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) dict.set(PDFName.of('Prev'), prev);
    if (next) dict.set(PDFName.of('Next'), next);
    ctx.assign(refs[i] as PDFRef, dict);
  });
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs[refs.length - 1] as PDFRef, Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function tlkc(nn: number): string {
  return String(nn).padStart(2, '0');
}

/** Why a document cannot be merged, judged from the index before reading it. */
function refusal(e: PlannedEvidence): string | null {
  if (e.doc.kind !== 'pdf') return 'không phải tệp PDF';
  if (e.doc.encrypted || e.doc.error?.kind === 'encrypted') return 'tệp có mật khẩu (mã hóa), không ghép được';
  if (e.doc.error) return `tệp không đọc được (${e.doc.error.kind})`;
  return null;
}

interface Included {
  e: PlannedEvidence;
  start: number;
  pages: number;
}

function drawCover(flow: Flow, c: BundleCriterion, ctx: MergedContext, included: Included[], omitted: { e: PlannedEvidence; reason: string }[], coverPages: number): void {
  const { bold, regular, italic } = flow.fonts;
  flow.paragraph((ctx.unit ?? '').toLocaleUpperCase('vi'), { font: bold, size: 11 });
  flow.space(16);
  flow.paragraph('HỒ SƠ TÀI LIỆU KIỂM CHỨNG', { font: bold, size: 16, align: 'center' });
  flow.paragraph(`Tiêu chí ${c.code}. ${c.title}`, { font: bold, size: 12, align: 'center' });
  flow.space(8);
  const facts = [ctx.year !== null ? `Năm đánh giá: ${ctx.year}` : '', `Điểm tối đa: ${formatPoints(c.maxPoints) || 'chưa quy định'}`, `Điểm tự đánh giá: ${formatPoints(c.selfScore) || 'chưa chấm'}`, `Ngày lập: ${formatLocalDate(ctx.createdAt)}`];
  flow.paragraph(facts.filter(Boolean).join('   ·   '), { size: 10, align: 'center' });
  flow.space(10);
  flow.paragraph('Giải trình:', { font: bold, size: 10 });
  flow.paragraph(c.explanation && c.explanation.trim() !== '' ? c.explanation : '(chưa có giải trình)', { font: c.explanation ? regular : italic, size: 10 });
  flow.space(10);
  const columns: Column[] = [
    { header: 'TLKC', width: 34, align: 'center' },
    { header: 'Số, ký hiệu', width: 80 },
    { header: 'Ngày', width: 58, align: 'center' },
    { header: 'Trích yếu', width: 240 },
    { header: 'Trang', width: 40, align: 'center' },
  ];
  const rows: TableRow[] = included.map(({ e, start }) => ({
    kind: 'cells',
    cells: [tlkc(e.nn), e.doc.number ?? '', formatDateVi(e.doc.date), e.doc.title ?? e.path.split('/').pop() ?? '', String(coverPages + start + 1)],
  }));
  if (rows.length === 0) rows.push({ kind: 'cells', cells: ['', '', '', 'Không có tài liệu nào ghép được', ''] });
  flow.table(columns, rows, 9);
  if (omitted.length > 0) {
    flow.space(12);
    flow.paragraph('Tài liệu không ghép được vào tệp tổng hợp (bản gốc có trong thư mục tiêu chí):', { font: bold, size: 10 });
    flow.space(4);
    flow.table(
      [
        { header: 'TLKC', width: 34, align: 'center' },
        { header: 'Tệp trong bộ hồ sơ', width: 230 },
        { header: 'Lý do', width: 188 },
      ],
      omitted.map(({ e, reason }) => ({ kind: 'cells', cells: [tlkc(e.nn), e.path, reason] })),
      9,
    );
  }
}

export async function buildMergedPdf(criterion: BundleCriterion, evidence: PlannedEvidence[], ctx: MergedContext): Promise<MergedResult> {
  const out = await PDFDocument.create();
  const fonts = await embedFonts(out);
  out.setTitle(`Tiêu chí ${criterion.code} – tài liệu kiểm chứng`);
  out.setCreator('KiemChung');
  out.setProducer('KiemChung');
  out.setCreationDate(ctx.createdAt);
  out.setModificationDate(ctx.createdAt);
  out.setLanguage('vi-VN');
  const included: Included[] = [];
  const omitted: { e: PlannedEvidence; reason: string }[] = [];
  for (const e of evidence) {
    if (ctx.signal?.aborted) break;
    const why = refusal(e);
    if (why) {
      omitted.push({ e, reason: why });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(e.doc.path);
    } catch (err) {
      throw new UserError(`evidence file vanished during export: ${e.doc.path} (${(err as Error).message}). Run kiemchung scan again, then export. Nothing was written.`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== e.doc.sha256) {
      throw new UserError(`evidence file changed since the last scan: ${e.doc.path}. Run kiemchung scan again, then export. Nothing was written.`);
    }
    try {
      const src = await PDFDocument.load(bytes, { updateMetadata: false });
      const treeProblem = pageTreeProblem(src);
      if (treeProblem) {
        omitted.push({ e, reason: treeProblem });
        continue;
      }
      const pages = await out.copyPages(src, src.getPageIndices());
      const start = out.getPageCount();
      const label = `TC ${criterion.code} – TLKC ${tlkc(e.nn)}`;
      for (const p of pages) {
        out.addPage(p);
        stamp(p, label, fonts.bold);
      }
      included.push({ e, start, pages: pages.length });
    } catch (err) {
      const encrypted = (err as Error).name === 'EncryptedPDFError' || /encrypt/i.test((err as Error).message);
      omitted.push({ e, reason: encrypted ? 'tệp có mật khẩu (mã hóa), không ghép được' : `tệp không đọc được: ${(err as Error).message.slice(0, 120)}` });
    }
  }
  // Lay the cover out once in a scratch document to learn its length, which shifts the start
  // pages printed on it; the start pages themselves never change the length.
  const scratch = await PDFDocument.create();
  const scratchFlow = new Flow(await embedFonts(scratch), A4, 48, (size) => scratch.addPage(size));
  drawCover(scratchFlow, criterion, ctx, included, omitted, 1);
  const coverPages = scratchFlow.pages.length;
  let at = 0;
  const flow = new Flow(fonts, A4, 48, (size) => out.insertPage(at++, size));
  drawCover(flow, criterion, ctx, included, omitted, coverPages);
  flow.numberPages(0, flow.pages.length);
  addOutline(out, [
    { title: `Bìa: Tiêu chí ${criterion.code}`, page: 0 },
    ...included.map(({ e, start }) => ({
      title: `TLKC ${tlkc(e.nn)} – ${[e.doc.number, e.doc.title].filter(Boolean).join(' – ') || e.path.split('/').pop() || ''}`,
      page: flow.pages.length + start,
    })),
  ]);
  const bytes = await out.save();
  return { bytes, pages: out.getPageCount(), omitted: omitted.map(({ e, reason }) => ({ path: e.path, reason })) };
}
