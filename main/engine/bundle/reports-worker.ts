// Worker thread: builds the four reports from a ReportModel while the main thread streams the
// originals. The 2,000-row evidence list costs seconds of CPU (fontkit lays out every line);
// run on the main thread it would add straight onto the export time.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportModel } from './report-model.js';
import { evidenceListPdf, selfAssessmentPdf } from './reports-pdf.js';
import { evidenceListXlsx, selfAssessmentXlsx } from './reports-xlsx.js';

export interface BuiltReport {
  name: string;
  bytes: Uint8Array;
}

export async function buildReports(model: ReportModel): Promise<BuiltReport[]> {
  return [
    { name: '00_DanhMuc_TLKC.pdf', bytes: await evidenceListPdf(model) },
    { name: '00_DanhMuc_TLKC.xlsx', bytes: new Uint8Array(await evidenceListXlsx(model)) },
    { name: '00_BangTuDanhGia.pdf', bytes: await selfAssessmentPdf(model) },
    { name: '00_BangTuDanhGia.xlsx', bytes: new Uint8Array(await selfAssessmentXlsx(model)) },
  ];
}

if (parentPort && (workerData as { kind?: string } | null)?.kind === 'bundle-reports') {
  const port = parentPort;
  const model = (workerData as { model: ReportModel }).model;
  buildReports(model).then(
    (reports) => port.postMessage({ ok: true, reports }),
    (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
