// The appraiser's actions on an appraisal workspace: the appraised score (điểm thẩm định) per
// criterion, a decision per document, and requests for a giải trình or a supplement. Each refuses
// in plain words what it cannot record: an unknown code, points over the maximum, a document
// that is not evidence of the criterion.
import type { AppraisalDecideJson, AppraisalDecision, AppraisalRequestJson, AppraisalScoreJson, RequestKind } from '../../../shared/appraisal.js';
import { normalizeCriterionCode } from '../../../shared/criterion-code.js';
import { parsePoints } from '../../../shared/parse-input.js';
import { parseVnDate } from '../../../shared/vn-date.js';
import type { AppraisalCriterionRow } from '../db/stores/appraisal-criteria.js';
import { UserError } from '../errors.js';
import { requestJson } from './status.js';
import type { AppraisalWorkspace } from './workspace.js';

function criterionOf(aws: AppraisalWorkspace, code: string): AppraisalCriterionRow {
  const rows = aws.reader.criteria.all();
  const wanted = normalizeCriterionCode(code) ?? code.trim();
  const found = rows.find((c) => c.code === wanted || c.code === code.trim());
  if (!found) {
    const shown = rows.slice(0, 12).map((c) => c.code).join(', ');
    throw new UserError(`the bundle has no criterion '${code}' (its criteria: ${shown}${rows.length > 12 ? ', …' : ''}).`, { kind: 'appraisal.unknown-code', params: { code, known: shown } });
  }
  return found;
}

/** The most points a criterion can get: its own maximum, else the sum of its children's. */
function maxOf(aws: AppraisalWorkspace, c: AppraisalCriterionRow): number | null {
  if (c.max_points !== null) return c.max_points;
  const kids = aws.reader.criteria.all().filter((k) => k.code.startsWith(`${c.code}.`) && k.code.split('.').length === c.code.split('.').length + 1);
  const known = kids.map((k) => maxOf(aws, k)).filter((v): v is number => v !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
}

function pointsOf(points: number | string): number {
  if (typeof points === 'number') {
    if (!Number.isFinite(points) || points < 0 || Math.round(points * 100) / 100 !== points) {
      throw new UserError(`${points} is not a number of points (0 or more, at most two decimals).`, { kind: 'appraisal.bad-points', params: { points: String(points) } });
    }
    return points;
  }
  const parsed = parsePoints(points);
  if (!parsed.ok || parsed.value === null) {
    throw new UserError(`'${points}' is not a number of points; write it as 7,5 or 7.5.`, { kind: 'appraisal.bad-points', params: { points } });
  }
  return parsed.value;
}

export function scoreCriterion(aws: AppraisalWorkspace, code: string, points: number | string, note: string | null = null): AppraisalScoreJson {
  const c = criterionOf(aws, code);
  const value = pointsOf(points);
  const max = maxOf(aws, c);
  if (max !== null && value > max) {
    throw new UserError(`${String(value).replace('.', ',')} points is more than criterion ${c.code} can get (at most ${String(max).replace('.', ',')}).`, { kind: 'appraisal.over-max', params: { code: c.code, points: value, max } });
  }
  const clean = note?.trim() ? note.trim() : null;
  aws.writer.scores.set({ code: c.code, points: value, note: clean });
  return { code: c.code, points: value, maxPoints: max, note: clean };
}

/** DOC: the entry path in the bundle, the unit's source path, or a SHA-256 prefix (≥ 8 hex). */
export function decideDocument(aws: AppraisalWorkspace, doc: string, code: string, decision: AppraisalDecision, note: string | null = null): AppraisalDecideJson {
  const c = criterionOf(aws, code);
  const ref = doc.trim().normalize('NFC');
  const matches = (e: { path: string; sha256: string; json: string }): boolean => {
    if (e.path === ref) return true;
    if (/^[0-9a-f]{8,64}$/i.test(ref) && e.sha256.startsWith(ref.toLowerCase())) return true;
    return (JSON.parse(e.json) as { sourceRelPath?: string }).sourceRelPath === ref;
  };
  const all = aws.reader.evidence.all().filter((e) => e.withdrawn_round === null);
  const found = all.filter((e) => e.code === c.code && matches(e));
  if (found.length === 0) {
    const elsewhere = [...new Set(all.filter(matches).map((e) => e.code))];
    throw new UserError(
      elsewhere.length > 0
        ? `'${doc}' is not evidence of criterion ${c.code} (it is under ${elsewhere.join(', ')}).`
        : `no document '${doc}' under criterion ${c.code}; give its path in the bundle (e.g. ${all.find((e) => e.code === c.code)?.path ?? `${c.code}/${c.code}_01_….pdf`}) or the start of its SHA-256.`,
      { kind: 'appraisal.unknown-document', params: { doc, code: c.code } },
    );
  }
  if (found.length > 1 && new Set(found.map((e) => e.sha256)).size > 1) {
    throw new UserError(`'${doc}' matches ${found.length} documents of criterion ${c.code}; give its path in the bundle.`, { kind: 'appraisal.ambiguous-document', params: { doc, code: c.code } });
  }
  const e = found[0] as (typeof found)[number];
  const clean = note?.trim() ? note.trim() : null;
  aws.writer.decisions.set({ sha256: e.sha256, code: c.code, path: e.path, decision, note: clean });
  return { code: c.code, path: e.path, sha256: e.sha256, decision, note: clean };
}

/** Due as dd/mm/yyyy (or ISO); the request's id is YC-<round>-<nn>, numbered within the round. */
export function requestOn(aws: AppraisalWorkspace, code: string, kind: RequestKind, note: string, due: string | null = null, now = new Date()): AppraisalRequestJson {
  const c = criterionOf(aws, code);
  const text = note.trim();
  if (text === '') throw new UserError('a request needs a note saying what to explain or supply (--note TEXT).', { kind: 'appraisal.empty-note', params: {} });
  let dueIso: string | null = null;
  if (due !== null && due.trim() !== '') {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(due.trim()) ? parseVnDate(due.trim().split('-').reverse().join('/')) : parseVnDate(due);
    if (!iso.ok) throw new UserError(`the due date ${iso.message}.`, { kind: 'appraisal.bad-date', params: { due } });
    dueIso = iso.iso;
  }
  const rounds = aws.reader.rounds.all();
  const round = rounds[rounds.length - 1]?.round ?? 1;
  const inRound = aws.reader.requests.all().filter((r) => r.round === round).length;
  const id = `YC-${round}-${String(inRound + 1).padStart(2, '0')}`;
  const row = { id, code: c.code, kind, note: text, due: dueIso, round, created_at: now.toISOString() };
  aws.writer.requests.add(row);
  return requestJson({ ...row, answered_round: null, answer: null });
}
