// Dashboard: summary, a chart per area, score estimate and the criteria tree with completeness bars,
// from `status:dashboard` (what it draws, not the whole status: shared/dashboard.ts).
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DashboardCriterionJson, DashboardJson } from '../../../shared/dashboard.js';
import { compareCodes } from '../../../shared/criterion-code.js';
import { useI18n } from '../i18n/index.js';
import { shownStatus } from '../i18n/words.js';
import { useLoad } from '../state.js';
import { formatNumber } from '../format.js';

function Bar({ satisfied, required, status }: { satisfied: number; required: number; status: string }) {
  const pct = required > 0 ? Math.min(100, Math.round((satisfied / required) * 100)) : status === 'complete' ? 100 : 0;
  return (
    <span className="bar" title={`${satisfied}/${required}`}>
      <span className={`bar-fill s-${status}`} style={{ width: `${pct}%` }} />
    </span>
  );
}

const AREA_COUNT = { complete: 'complete', partial: 'partial', missing: 'missing', 'not-applicable': 'notApplicable' } as const;

function AreaChart({ status }: { status: DashboardJson }) {
  const { t } = useI18n();
  return (
    <div className="area-chart" data-testid="area-chart">
      {status.areas.map((a) => {
        const n = Math.max(1, a.leaves);
        const count = (s: keyof typeof AREA_COUNT): number => a[AREA_COUNT[s]];
        return (
          <div key={a.code} className="area">
            <span className="area-label" title={a.title}>
              {a.code}. {a.title}
            </span>
            <span className="stack">
              {(['complete', 'partial', 'missing', 'not-applicable'] as const).map((s) =>
                count(s) ? <span key={s} className={`seg s-${s}`} style={{ width: `${(count(s) / n) * 100}%` }} title={`${t(`status.${s}`)}: ${count(s)}`} /> : null,
              )}
            </span>
            <span className="muted small">
              {a.complete}/{a.leaves}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function Tree({ status }: { status: DashboardJson }) {
  const { t, w, lang } = useI18n();
  const byParent = useMemo(() => {
    const m = new Map<string | null, DashboardCriterionJson[]>();
    for (const c of status.criteria) {
      const list = m.get(c.parent) ?? [];
      list.push(c);
      m.set(c.parent, list);
    }
    for (const list of m.values()) list.sort((a, b) => compareCodes(a.code, b.code));
    return m;
  }, [status]);
  const rows: ReactNode[] = [];
  // The first problems, worded; the rest counted ("… và 12 vấn đề khác").
  const problemsTitle = (c: DashboardCriterionJson): string => {
    const lines = c.problems.map((p) => w.problem(p));
    if (c.problemCount > c.problems.length) lines.push(t('dash.moreProblems', { n: formatNumber(c.problemCount - c.problems.length, lang) }));
    return lines.join('\n');
  };
  // After a decisions import: the appraised score next to the self-score (issue 15).
  const appraised = status.summary.appraisedScore !== null || status.summary.openRequests > 0;
  const walk = (parent: string | null, depth: number): void => {
    for (const c of byParent.get(parent) ?? []) {
      rows.push(
        <tr key={c.code} data-testid="criterion-row" data-code={c.code} data-status={c.status} data-appraised={c.appraisedScore ?? ''} data-requests={c.requests.length} className={`depth-${Math.min(depth, 3)}`}>
          <td className="code">
            <a href={`#/criterion/${encodeURIComponent(c.code)}`}>{c.code}</a>
          </td>
          <td className="title" style={{ paddingLeft: `${0.5 + depth * 1.2}rem` }}>
            <a href={`#/criterion/${encodeURIComponent(c.code)}`}>{c.title}</a>
            {c.problemCount > 0 && (
              <span className="badge warn" data-testid="criterion-problems" data-count={c.problemCount} title={problemsTitle(c)}>
                {c.problemCount}
              </span>
            )}
            {c.requests.length > 0 && (
              <span className="badge warn" data-testid="criterion-requests" title={c.requests.map((r) => `${r.id}: ${r.note}`).join('\n')}>
                {t('dash.requestsBadge', { n: c.requests.length })}
              </span>
            )}
          </td>
          <td>
            <Bar satisfied={c.satisfied} required={c.required} status={c.status} />
          </td>
          <td className={`status s-${shownStatus(c)}`}>{w.status(c)}</td>
          <td className="num">
            {c.satisfied}/{c.required}
          </td>
          <td className="num">{formatNumber(c.maxPoints, lang)}</td>
          <td className="num">{formatNumber(c.selfScore, lang)}</td>
          {appraised && <td className="num">{formatNumber(c.appraisedScore, lang)}</td>}
        </tr>,
      );
      walk(c.code, depth + 1);
    }
  };
  walk(null, 0);
  return (
    <table className="tree">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('dash.criteria')}</th>
          <th />
          <th />
          <th className="num">✓</th>
          <th className="num">{t('crit.max')}</th>
          <th className="num">{t('dash.selfScore')}</th>
          {appraised && <th className="num">{t('dash.appraised')}</th>}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

export function Dashboard() {
  const { t, w, lang } = useI18n();
  const started = useRef(performance.now());
  const status = useLoad('status:dashboard', {}, []);
  const [renderMs, setRenderMs] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (status.data && renderMs === null) setRenderMs(Math.round(performance.now() - started.current));
  }, [status.data, renderMs]);

  if (status.error) return <p className="notice">{t('dash.noStatus', { message: w.error(status.error.error) })}</p>;
  if (!status.data) return <p className="muted">{t('common.loading')}</p>;
  const s = status.data.summary;
  return (
    <div className="dashboard" data-render-ms={renderMs ?? ''}>
      <section
        className="summary"
        data-testid="summary"
        data-complete={s.complete}
        data-partial={s.partial}
        data-missing={s.missing}
        data-criteria={s.criteria}
        data-documents={s.documents}
        data-errors={s.errors}
        data-unassigned={s.unassigned}
      >
        <h2>{status.data.pack.name}</h2>
        <div className="tiles">
          <div className="tile s-complete">
            <b>{s.complete}</b>
            {t('dash.complete')}
          </div>
          <div className="tile s-partial">
            <b>{s.partial}</b>
            {t('dash.partial')}
          </div>
          <div className="tile s-missing">
            <b>{s.missing}</b>
            {t('dash.missing')}
          </div>
          <div className="tile">
            <b>{s.notApplicable}</b>
            {t('dash.na')}
          </div>
          <a className="tile" href="#/documents">
            <b>{s.documents}</b>
            {t('dash.documents')}
          </a>
          <a className="tile s-missing" href="#/documents/errors">
            <b>{s.errors}</b>
            {t('dash.errors')}
          </a>
          <a className="tile" href="#/documents/unassigned">
            <b>{s.unassigned}</b>
            {t('dash.unassigned')}
          </a>
          <div className="tile score" data-testid="score">
            <b>
              {formatNumber(s.estimatedPoints, lang)} / {formatNumber(s.maxPoints, lang)}
            </b>
            {t('dash.score')} · {t('dash.selfScore')}: {formatNumber(s.selfScore, lang)} · {t('dash.atRisk')}: {formatNumber(s.pointsAtRisk, lang)}
          </div>
          {(s.appraisedScore !== null || s.openRequests > 0) && (
            <a className="tile s-partial" href="#/appraisal" data-testid="appraisal-tile" data-appraised={s.appraisedScore ?? ''} data-open-requests={s.openRequests}>
              <b>
                {formatNumber(s.appraisedScore, lang)} / {formatNumber(s.selfScore, lang)}
              </b>
              {t('dash.appraised')} / {t('dash.selfScore')} · {t('dash.openRequests')}: {s.openRequests}
            </a>
          )}
        </div>
      </section>
      <section>
        <h3>{t('dash.byArea')}</h3>
        <AreaChart status={status.data} />
      </section>
      <section>
        <h3>{t('dash.tree')}</h3>
        <Tree status={status.data} />
      </section>
    </div>
  );
}
