// The content of the two reports (evidence list, self-assessment table), in Vietnamese, shared by
// the PDF and XLSX renderings so both always say the same thing.
import { formatDateVi } from '../../../shared/bundle-names.js';
import type { CriterionStatus, DocumentJson, ReviewStatus } from '../../../shared/types.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './collect.js';
import type { ManifestWithdrawn } from './types.js';

export const REVIEW_LABEL: Record<ReviewStatus, string> = {
  pending: 'Chưa thẩm định',
  accepted: 'Đạt',
  rejected: 'Không đạt',
  'needs-supplement': 'Cần bổ sung',
};

export const STATUS_LABEL: Record<CriterionStatus, string> = {
  complete: 'Đầy đủ',
  partial: 'Chưa đầy đủ',
  missing: 'Chưa có',
  'not-applicable': 'Không áp dụng',
};

export interface ReportEvidence {
  nn: number;
  number: string;
  date: string | null;
  title: string;
  issuer: string;
  path: string;
  note: string;
}

export interface ReportGroup {
  code: string;
  title: string;
  evidence: ReportEvidence[];
}

export interface AssessmentRow {
  code: string;
  title: string;
  depth: number;
  leaf: boolean;
  maxPoints: number | null;
  selfScore: number | null;
  explanation: string;
  count: number | null;
  status: string;
}

export interface ReportModel {
  unit: string;
  /** The place of the place-and-date line ("Trà Vinh"), null when the unit's name gives none. */
  place: string | null;
  year: number | null;
  packName: string;
  createdAt: Date;
  supplement: { file: string; date: string | null } | null;
  groups: ReportGroup[];
  withdrawn: ManifestWithdrawn[];
  assessment: AssessmentRow[];
}

/** 1.5 → "1,5" (Vietnamese decimal comma); null → "". */
export function formatPoints(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace('.', ',');
}

/** The local calendar date of `d` as dd/mm/yyyy. */
export function formatLocalDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** `answers`: a supplement's appraisal requests answered, by "<code>\n<entry path>" (issue 15). */
export function buildReportModel(input: BundleInput, plan: BundlePlan, createdAt: Date, supplement: ReportModel['supplement'], answers: ReadonlyMap<string, string[]> = new Map()): ReportModel {
  const groups: ReportGroup[] = [];
  for (const { criterion, evidence } of plan.criteria) {
    if (!criterion.leaf) continue;
    if (supplement && evidence.length === 0) continue;
    groups.push({
      code: criterion.code,
      title: criterion.title,
      evidence: evidence.map((e) => ({
        nn: e.nn,
        number: e.doc.number ?? '',
        date: e.doc.date,
        title: e.doc.title ?? e.doc.relPath.split('/').pop() ?? '',
        issuer: e.doc.issuer ?? '',
        path: e.path,
        note: [
          e.change === 'changed' ? 'Thay thế bản trước' : e.change === 'added' ? 'Bổ sung' : '',
          answers.has(`${e.code}\n${e.path}`) ? `Trả lời yêu cầu ${(answers.get(`${e.code}\n${e.path}`) ?? []).join(', ')}` : '',
          REVIEW_LABEL[e.review.status],
          e.review.note ?? '',
          signatureNote(e.doc.signatureChecks, e.doc.signatures),
          e.doc.encrypted ? 'Có mật khẩu' : '',
        ]
          .filter((s) => s !== '')
          .join('; '),
      })),
    });
  }
  const counts = new Map(plan.state.reduce((m, s) => m.set(s.code, (m.get(s.code) ?? 0) + 1), new Map<string, number>()));
  const assessment = input.criteria.map((c): AssessmentRow => ({
    code: c.code,
    title: c.title,
    depth: c.code.split('.').length - 1,
    leaf: c.leaf,
    maxPoints: c.maxPoints,
    selfScore: c.selfScore,
    explanation: c.explanation ?? '',
    count: c.leaf ? (counts.get(c.code) ?? 0) : null,
    status: c.status ? STATUS_LABEL[c.status] : '',
  }));
  return {
    unit: input.unit ?? '',
    place: placeOfUnit(input.unit),
    year: input.year,
    packName: input.pack.name,
    createdAt,
    supplement,
    groups,
    withdrawn: plan.withdrawn,
    assessment,
  };
}

/** Sum over leaf criteria (where points are given per leaf); null when no leaf has a value. */
export function totals(rows: AssessmentRow[]): { maxPoints: number | null; selfScore: number | null } {
  const sum = (pick: (r: AssessmentRow) => number | null): number | null => {
    const vals = rows.filter((r) => r.leaf).map(pick).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  return { maxPoints: sum((r) => r.maxPoints), selfScore: sum((r) => r.selfScore) };
}

export { formatDateVi };

/** The evidence list's word on signatures: who signed, and whether the signature still holds. */
function signatureNote(checks: DocumentJson['signatureChecks'], count: number): string {
  if (count === 0) return '';
  if (checks.length === 0) return 'Có chữ ký số';
  const last = checks[checks.length - 1];
  const who = last ? [last.signer, last.organisation].filter(Boolean).join(', ') : '';
  const broken = checks.some((c) => c.status !== 'valid');
  const modified = checks.some((c) => c.modifiedAfterSigning);
  const verdict = broken ? 'chữ ký không khớp nội dung' : modified ? 'bị sửa sau khi ký' : 'chữ ký hợp lệ, chưa xác minh được nguồn';
  return `Ký số${who ? ` bởi ${who}` : ''}: ${verdict}`;
}

/**
 * The place of a Vietnamese report's place-and-date line, from the unit's name: "Sở Y tế tỉnh Trà
 * Vinh" → "Trà Vinh", "UBND huyện Trà Cú, tỉnh Trà Vinh" → "Trà Cú"; null when it names none
 * (the line then leaves dots for the clerk rather than a wrong place).
 */
export function placeOfUnit(unit: string | null): string | null {
  const m = /(?:^|[\s,])(?:tỉnh|thành phố|huyện|thị xã|quận)\s+([^,;()]+)/iu.exec((unit ?? '').normalize('NFC'));
  const place = m?.[1]?.trim() ?? '';
  return place === '' ? null : place;
}

/** "Trà Vinh, ngày 02 tháng 12 năm 2026" (Nghị định 30/2020); dots where the place is unknown. */
export function placeDateLine(place: string | null, d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${place ?? '……………'}, ngày ${p(d.getDate())} tháng ${p(d.getMonth() + 1)} năm ${d.getFullYear()}`;
}

/** The signature block under a report: who prepared it and the head of the unit. */
export const SIGNATURE_BLOCK = {
  left: ['NGƯỜI LẬP', '(Ký, ghi rõ họ tên)'],
  right: ['THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)'],
} as const;
