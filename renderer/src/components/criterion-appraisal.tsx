// The appraisal's results on one criterion, once the unit imported the decisions file (issue 15):
// the appraised score beside the self-score, the appraiser's note, the decision per document and
// the open requests (giải trình / bổ sung) with their note, deadline and office.
import type { CriterionStatusJson } from '../../../shared/types.js';
import { formatDate, formatNumber } from '../format.js';
import { useI18n } from '../i18n/index.js';

export function CriterionAppraisal({ status }: { status: CriterionStatusJson }) {
  const { t, lang } = useI18n();
  const { appraisedScore, appraisedDocuments, requests } = status;
  if (appraisedScore === null && appraisedDocuments.length === 0 && requests.length === 0) return null;
  return (
    <section data-testid="criterion-appraisal" data-appraised={appraisedScore ?? ''} data-self={status.selfScore ?? ''} data-requests={requests.length}>
      <h3>{t('crit.appr.heading')}</h3>
      <p data-testid="criterion-appraisal-scores">
        {t('appr.self')}: <strong>{status.selfScore === null ? '—' : formatNumber(status.selfScore, lang)}</strong> · {t('appr.appraised')}:{' '}
        <strong>{appraisedScore === null ? '—' : formatNumber(appraisedScore, lang)}</strong>
        {status.maxPoints !== null && (
          <span className="muted">
            {' '}
            / {t('appr.max')} {formatNumber(status.maxPoints, lang)}
          </span>
        )}
        {status.appraisalNote && <span> · {status.appraisalNote}</span>}
      </p>
      {appraisedDocuments.length > 0 && (
        <ul>
          {appraisedDocuments.map((d) => (
            <li key={`${d.path}-${d.decision}`} data-testid="criterion-appraised-doc" data-decision={d.decision} data-path={d.path}>
              <code>{d.path}</code>: <strong className={d.decision === 'rejected' ? 'error-text' : undefined}>{t(`appr.${d.decision}`)}</strong>
              {d.note && <span> · {d.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {requests.length > 0 && (
        <>
          <h4>{t('dash.openRequests')}</h4>
          <ul>
            {requests.map((r) => (
              <li key={r.id} data-testid="criterion-request" data-kind={r.kind} data-due={r.due ?? ''}>
                <strong>{t(`appr.kind.${r.kind}`)}</strong>: {r.note}
                {r.due && <span className="muted"> · {t('crit.appr.due', { due: formatDate(r.due) })}</span>}
                {r.office && <span className="muted"> · {r.office}</span>}
                <span className="muted"> · {t('appr.round', { n: r.round })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
