// Words for the engine's facts, from the catalogue only: an ApiError from its kind and params, a
// problem, a link's reason, a classification note, text quality, error kinds and export phases.
// No engine sentence reaches the screen; the CLI keeps printing the engine's `message`.
import type { ApiError, ArgumentIssue, ErrorFact, PackProblemJson } from '../../../shared/api.js';
import type { BundlePhase, VerifyProblemKind } from '../../../shared/api.js';
import { noteFact, reasonFact, type ContentReasonFact } from '../../../shared/reason-fact.js';
import type { ClassifyNoteJson, CriterionLink, CriterionProblem, CriterionStatus, CriterionStatusJson, ErrorKind, TextQuality } from '../../../shared/types.js';
import { formatDate, formatNumber } from '../format.js';
import type { Lang, Translate } from './index.js';
import { vi, type MessageKey } from './vi.js';

export interface Words {
  error: (e: ApiError) => string;
  problem: (p: Pick<CriterionProblem, 'kind' | 'params'>) => string;
  reason: (link: Pick<CriterionLink, 'reason' | 'source'>) => string;
  note: (n: ClassifyNoteJson) => string;
  quality: (q: TextQuality) => string;
  errorKind: (k: ErrorKind) => string;
  errorDesc: (k: ErrorKind) => string;
  phase: (p: BundlePhase) => string;
  issue: (i: ArgumentIssue) => string;
  verify: (k: VerifyProblemKind) => string;
  /** A criterion's status as the clerk should read it (see shownStatus). */
  status: (c: Pick<CriterionStatusJson, 'status' | 'pendingConfirmation'> | undefined) => string;
  packProblem: (p: PackProblemJson) => string;
}

/**
 * The status a screen shows: a criterion whose linked evidence still waits for a person to confirm
 * its date is neither "Đầy đủ" nor "Thiếu một phần" but "Chờ xác nhận" (issue 12: undated evidence
 * must not look finished, nor like nothing arrived).
 */
export function shownStatus(c: Pick<CriterionStatusJson, 'status' | 'pendingConfirmation'>): CriterionStatus | 'pendingConfirmation' {
  if (c.pendingConfirmation > 0 && c.status !== 'complete' && c.status !== 'not-applicable') return 'pendingConfirmation';
  return c.status;
}

function isKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

const DATE_FIELDS = new Set(['date', 'due']);

export function makeWords(t: Translate, lang: Lang): Words {
  const tk = (key: string, fallback: MessageKey, vars?: Record<string, string | number>): string => t(isKey(key) ? key : fallback, vars);
  const vars = (params: Record<string, unknown>): Record<string, string | number> => {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) {
      // A year is a name, not a quantity: 2023, never 2.023.
      if (typeof v === 'number') out[k] = k === 'year' ? String(v) : formatNumber(v, lang);
      else if (typeof v === 'string') out[k] = DATE_FIELDS.has(k) ? formatDate(v) : v;
    }
    return out;
  };
  const errorKind = (k: ErrorKind): string => tk(`errorKind.${k}`, 'errorKind.unreadable');
  const field = (path: string): string => {
    const last = path.split('.').pop() ?? '';
    const name = /score|points/i.test(last) ? 'points' : last;
    return tk(`field.${name}`, 'field.unknown');
  };
  const issue = (i: ArgumentIssue): string => {
    const f = field(i.path);
    const isYear = f === t('field.year');
    const num = (n: number | undefined): string => (n === undefined ? '' : isYear ? String(n) : formatNumber(n, lang));
    const min = num(i.minimum);
    const max = num(i.maximum);
    // A year too small or too big: name the whole range (2000 to 2100) as the form does.
    if ((i.code === 'too_small' || i.code === 'too_big') && isYear) return t('issue.range', { field: f, min: min || '2000', max: max || '2100' });
    return tk(`issue.${i.code}`, 'issue.other', { field: f, min, max });
  };
  const fact = (f: ErrorFact): string => {
    if (f.kind === 'file-system') return tk(`fact.file-system.${String(f.params.code)}`, 'fact.file-system', vars(f.params));
    return tk(`fact.${f.kind}`, 'error.user', vars(f.params));
  };
  const error = (e: ApiError): string => {
    switch (e.kind) {
      case 'invalid-argument': {
        const issues = e.params.issues ?? [{ path: e.params.field, code: e.params.issue }];
        return issues.map(issue).join('; ');
      }
      case 'unknown-call':
        return t('error.unknown-call');
      case 'forbidden':
        if (e.params.reason === 'evidence-folder') return t('error.forbidden.evidence-folder', { root: e.params.root ?? e.params.path ?? '' });
        if (e.params.reason === 'outside-roots') return t('error.forbidden.outside-roots', { path: e.params.path ?? '' });
        return t('error.forbidden.session');
      case 'no-workspace':
        return t('error.no-workspace');
      case 'not-found':
        return t(`error.not-found.${e.params.what}`, { ref: e.params.ref });
      case 'user': {
        if (!e.params.fact) return t('error.user');
        const head = fact(e.params.fact);
        const rows = e.params.problems.slice(0, 5).map((p) => t('fact.pack-problem', { row: p.row ?? '—', column: p.column ?? '—' }));
        return rows.length ? `${head} (${rows.join('; ')})` : head;
      }
      case 'busy':
        return t('error.busy', { job: t(`job.${e.params.job}`) });
      case 'unavailable':
        return t(`error.unavailable.${e.params.what}`);
      case 'cancelled':
        return t('error.cancelled');
      case 'internal':
        // fetch() refused: the engine is not there (stopped, restarting, or the network is down).
        return /fetch|network|load failed/i.test(e.message) ? t('error.network') : t('error.internal');
    }
  };
  const problem = (p: Pick<CriterionProblem, 'kind' | 'params'>): string => {
    const params = (p as { params?: CriterionProblem['params'] }).params ?? {};
    const v = vars({ ...params, errorKind: params.errorKind ? errorKind(params.errorKind as ErrorKind) : '' });
    if (p.kind === 'no-evidence') {
      const base = (params.valid ?? 0) > 0 ? t('problem.no-evidence-some', v) : t('problem.no-evidence', v);
      return params.due ? base + t('problem.dueSuffix', v) : base;
    }
    const base = tk(`problem.${p.kind}`, 'problem.unknown', v);
    return params.note ? base + t('problem.noteSuffix', v) : base;
  };
  const content = (c: ContentReasonFact): string => {
    const keywords = c.keywords.map((k) => `«${k}»`).join(', ');
    const base = c.type ? t('reason.contentType', { type: c.type, keywords }) : t('reason.content', { keywords });
    return c.inText > 0 ? base + t('reason.inText', { n: formatNumber(c.inText, lang) }) : base;
  };
  const reason = (link: Pick<CriterionLink, 'reason' | 'source'>): string => {
    const r = reasonFact(link.reason);
    switch (r.kind) {
      case 'manual':
        return t('reason.manual');
      case 'path': {
        const where = t(r.origin === 'folder' ? 'reason.folder' : 'reason.filename', { segment: r.segment });
        return r.content ? t('reason.plus', { path: where, content: content(r.content) }) : where;
      }
      case 'content':
        return content(r.content);
      case 'other':
        return link.source === 'manual' ? t('reason.manual') : t('reason.other');
    }
  };
  const note = (n: ClassifyNoteJson): string => {
    const f = noteFact(n.message);
    return tk(`note.${n.kind}`, 'reason.other', { code: n.code ?? '', segment: f.segment ?? n.code ?? '', filed: f.filedUnder.join(', ') });
  };
  return {
    error,
    problem,
    reason,
    note,
    quality: (q) => tk(`quality.${q}`, 'quality.none'),
    errorKind,
    errorDesc: (k) => tk(`errorKind.desc.${k}`, 'errorKind.desc.unreadable'),
    phase: (p) => tk(`phase.${p}`, 'phase.preparing'),
    issue,
    verify: (k) => tk(`verify.${k}`, 'verify.zip'),
    status: (c) => (c ? t(`status.${shownStatus(c)}`) : '—'),
    // Row numbers, versions and counts are names here (dòng 1234, not 1.234); points are quantities.
    packProblem: (p) => {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(p.params)) params[k] = typeof v === 'number' && (k === 'points' || k === 'sum') ? formatNumber(v, lang) : String(v);
      return tk(`packs.problem.${p.kind}`, 'packs.problem.json-field', params);
    },
  };
}
