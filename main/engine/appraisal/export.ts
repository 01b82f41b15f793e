// kiemchung appraisal export AWS --out DECISIONS.json: the appraisal as one file for the unit
// (format kiemchung-decisions: the bundle's SHA-256 and every round's, the appraised scores, the
// decisions per document, the requests), and DECISIONS.xlsx next to it that a person reads, with
// the place-and-date line and the signature block of a Vietnamese report. Both are written to a
// temporary file and renamed into place when complete.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AppraisalExportJson, DecisionsFile } from '../../../shared/appraisal.js';
import { appVersion } from '../app-version.js';
import { formatDateVi, placeOfUnit } from '../bundle/report-model.js';
import { signatureRows } from '../bundle/reports-xlsx.js';
import type { ManifestEvidence } from '../bundle/types.js';
import { UserError } from '../errors.js';
import { appraisalStatus } from './status.js';
import type { AppraisalWorkspace } from './workspace.js';

export const DECISIONS_FORMAT = 'kiemchung-decisions';

export function buildDecisions(aws: AppraisalWorkspace, now = new Date()): DecisionsFile {
  const st = appraisalStatus(aws);
  const first = st.rounds[0];
  if (!first) throw new UserError(`${aws.dir} holds no bundle yet.`, { kind: 'appraisal.empty', params: { path: aws.dir } });
  const source = new Map(aws.reader.evidence.all().map((e) => [`${e.code}\n${e.path}`, (JSON.parse(e.json) as Partial<ManifestEvidence>).sourceRelPath ?? null]));
  const scores = aws.reader.scores.all();
  return {
    format: DECISIONS_FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    app: { name: 'kiemchung', version: appVersion() },
    unit: st.unit,
    year: st.year,
    pack: st.pack,
    bundle: { sha256: first.sha256, file: first.file, createdAt: first.createdAt },
    rounds: st.rounds.map((r) => ({ round: r.round, sha256: r.sha256, file: r.file, createdAt: r.createdAt, since: r.since })),
    scores: st.criteria
      .filter((c) => scores.has(c.code))
      .map((c) => ({ code: c.code, title: c.title, maxPoints: c.maxPoints, selfScore: c.selfScore, points: scores.get(c.code)?.points ?? 0, note: c.note })),
    decisions: aws.reader.decisions.all().map((d) => ({ code: d.code, path: d.path, sha256: d.sha256, sourceRelPath: source.get(`${d.code}\n${d.path}`) ?? null, decision: d.decision, note: d.note })),
    requests: st.criteria.flatMap((c) => c.requests),
    totals: { maxPoints: st.summary.maxPoints, selfScore: st.summary.selfScore, appraisedScore: st.summary.appraisedScore },
  };
}

function atomicWrite(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

export async function exportDecisions(aws: AppraisalWorkspace, out: string, options: { place?: string | null; now?: Date } = {}): Promise<AppraisalExportJson> {
  const abs = path.resolve(out);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`the folder ${dir} does not exist; create it or choose another place for the decisions file.`, { kind: 'appraisal.missing-folder', params: { path: dir } });
  if (!/\.json$/i.test(abs)) throw new UserError(`${abs}: the decisions file is JSON; name it DECISIONS.json (the XLSX is written next to it).`, { kind: 'appraisal.not-json', params: { path: abs } });
  const now = options.now ?? new Date();
  const decisions = buildDecisions(aws, now);
  const json = Buffer.from(`${JSON.stringify(decisions, null, 2)}\n`, 'utf8');
  const xlsx = abs.replace(/\.json$/i, '.xlsx');
  const place = options.place?.trim() || placeOfUnit(decisions.unit);
  atomicWrite(xlsx, await decisionsXlsx(aws, decisions, place, now));
  atomicWrite(abs, json);
  const open = decisions.requests.filter((r) => r.status === 'open').length;
  return {
    out: abs,
    xlsx,
    sha256: decisions.bundle.sha256,
    rounds: decisions.rounds.length,
    scores: decisions.scores.length,
    decisions: decisions.decisions.length,
    requests: { open, answered: decisions.requests.length - open },
  };
}

const KIND_LABEL = { explain: 'Giải trình', supplement: 'Bổ sung tài liệu' } as const;
const DECISION_LABEL = { accepted: 'Đạt', rejected: 'Không đạt' } as const;

async function decisionsXlsx(aws: AppraisalWorkspace, d: DecisionsFile, place: string | null, now: Date): Promise<Buffer> {
  const st = appraisalStatus(aws);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KiemChung';
  wb.created = now;
  wb.modified = now;
  const header = (ws: ExcelJS.Worksheet, title: string, span: number): void => {
    const lines = [
      title,
      `Đơn vị được thẩm định: ${d.unit ?? ''}${d.year !== null ? `   ·   Năm đánh giá: ${d.year}` : ''}`,
      `Bộ tiêu chí: ${d.pack.name}`,
      ...d.rounds.map((r) => `Lần ${r.round}: ${r.file}${r.createdAt ? ` (lập ngày ${formatDateVi(r.createdAt.slice(0, 10))})` : ''}, SHA-256 ${r.sha256}`),
    ];
    lines.forEach((text, i) => {
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, span);
      row.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
      row.alignment = { horizontal: 'center' };
    });
    ws.addRow([]);
  };
  const tableHeader = (ws: ExcelJS.Worksheet, names: string[]): void => {
    const row = ws.addRow(names);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    row.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF4' } }));
  };
  const sheet = (name: string): ExcelJS.Worksheet => wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });

  const scores = sheet('Kết quả thẩm định');
  scores.columns = [{ width: 9 }, { width: 60 }, { width: 11 }, { width: 13 }, { width: 13 }, { width: 40 }, { width: 12 }];
  header(scores, 'BẢNG KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', 7);
  tableHeader(scores, ['Mã', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Ghi chú thẩm định', 'Yêu cầu còn mở']);
  for (const c of st.criteria) {
    const row = scores.addRow([c.code, c.title, c.maxPoints, c.selfScore, c.appraisedScore, c.note ?? '', c.requests.filter((r) => r.status === 'open').length || '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (c.parent === null) row.font = { bold: true };
  }
  scores.addRow(['', 'TỔNG ĐIỂM', d.totals.maxPoints, d.totals.selfScore, d.totals.appraisedScore]).font = { bold: true };
  signatureRows(scores, place, now, 7);

  const docs = sheet('Tài liệu');
  docs.columns = [{ width: 9 }, { width: 55 }, { width: 14 }, { width: 50 }, { width: 40 }];
  header(docs, 'KẾT QUẢ THẨM ĐỊNH TÀI LIỆU KIỂM CHỨNG', 5);
  tableHeader(docs, ['Tiêu chí', 'Tệp trong bộ hồ sơ', 'Kết quả', 'Ghi chú', 'Tệp gốc của đơn vị']);
  for (const x of d.decisions) docs.addRow([x.code, x.path, DECISION_LABEL[x.decision], x.note ?? '', x.sourceRelPath ?? '']).alignment = { wrapText: true, vertical: 'top' };
  signatureRows(docs, place, now, 5);

  const reqs = sheet('Yêu cầu giải trình, bổ sung');
  reqs.columns = [{ width: 12 }, { width: 9 }, { width: 18 }, { width: 60 }, { width: 13 }, { width: 22 }];
  header(reqs, 'YÊU CẦU GIẢI TRÌNH, BỔ SUNG TÀI LIỆU KIỂM CHỨNG', 6);
  tableHeader(reqs, ['Số yêu cầu', 'Tiêu chí', 'Loại', 'Nội dung', 'Hạn', 'Tình trạng']);
  for (const r of d.requests) {
    reqs.addRow([r.id, r.code, KIND_LABEL[r.kind], r.note, r.due ? formatDateVi(r.due) : '', r.status === 'open' ? 'Chưa trả lời' : `Đã trả lời (lần ${r.answeredRound ?? ''})`]).alignment = { wrapText: true, vertical: 'top' };
  }
  signatureRows(reqs, place, now, 6);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
