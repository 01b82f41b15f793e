// What each office still owes, criterion by criterion.
import { useI18n } from '../i18n/index.js';
import { useLoad } from '../state.js';
import { formatDate, vietnameseCollator } from '../format.js';

export function OfficesScreen() {
  const { t } = useI18n();
  const data = useLoad('offices:missing', {}, []);
  if (data.error) return <p className="notice">{data.error.message}</p>;
  if (!data.data) return <p className="muted">{t('common.loading')}</p>;
  const offices = [...data.data].sort((a, b) => vietnameseCollator.compare(a.office, b.office));
  return (
    <div className="offices">
      <h2>{t('offices.heading')}</h2>
      {offices.length === 0 && <p>{t('offices.none')}</p>}
      {offices.map((o) => (
        <section key={o.office} className="card" data-testid="office" data-office={o.office}>
          <h3>
            {o.office} <span className="muted">({o.items.length})</span>
          </h3>
          <ul>
            {o.items.map((it) => (
              <li key={it.code}>
                <a href={`#/criterion/${encodeURIComponent(it.code)}`}>
                  {it.code}. {it.title}
                </a>
                {it.due && <span className="muted"> · {formatDate(it.due)}</span>}
                {it.missing.length > 0 && <div className="muted small">{it.missing.join('; ')}</div>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
