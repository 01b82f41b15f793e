// One document: recognised fields with where each came from, its links and why, a PDF preview,
// and linking it to a criterion by hand.
import { useState } from 'react';
import type { DocumentJson, HeaderFieldName } from '../../../shared/types.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { formatDate, formatSize } from '../format.js';

const FIELDS: HeaderFieldName[] = ['number', 'type', 'issuer', 'place', 'date', 'title'];

export function DocumentFields({ doc }: { doc: DocumentJson }) {
  const { t, lang } = useI18n();
  const label: Record<HeaderFieldName, string> = {
    number: t('docs.col.number'),
    type: t('docs.col.type'),
    issuer: t('docs.issuer'),
    place: t('docs.place'),
    date: t('docs.col.date'),
    title: t('docs.col.title'),
  };
  const value = (f: HeaderFieldName): string => (f === 'date' ? formatDate(doc.date) : f === 'type' ? [doc.type, doc.typeName].filter(Boolean).join(' – ') : (doc[f] ?? '—'));
  return (
    <dl className="fields">
      {FIELDS.map((f) => (
        <div key={f}>
          <dt>{label[f]}</dt>
          <dd>
            {value(f) || '—'}
            {doc.fields[f] && (
              <span className="muted small">
                {' '}
                ({t(`docs.source.${doc.fields[f].source}`)}, {Math.round(doc.fields[f].confidence * 100)}%)
              </span>
            )}
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('docs.pages')}</dt>
        <dd>
          {doc.pages ?? '—'} · {formatSize(doc.size, lang)}
        </dd>
      </div>
      <div>
        <dt>{t('docs.text')}</dt>
        <dd>
          {doc.textQuality}
          {doc.ocr ? ' · OCR' : ''}
        </dd>
      </div>
      <div>
        <dt>{t('docs.signatures')}</dt>
        <dd>{doc.signatures}</dd>
      </div>
      {doc.error && (
        <div className="error-text">
          <dt>{doc.error.kind}</dt>
          <dd>{doc.error.message}</dd>
        </div>
      )}
    </dl>
  );
}

export function Preview({ id }: { id: string }) {
  const { t } = useI18n();
  const url = useLoad('docs:previewUrl', { id }, []);
  if (url.error) return <p className="muted">{url.error.message}</p>;
  if (!url.data) return null;
  return <iframe className="preview" title={t('crit.preview')} src={url.data} sandbox="allow-scripts allow-same-origin" />;
}

export function DocumentDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { run, bump } = useApp();
  const doc = useLoad('docs:get', { ref: id }, [id]);
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState(false);
  if (!doc.data) return <aside className="detail">{doc.error ? doc.error.message : t('common.loading')}</aside>;
  const d = doc.data;
  return (
    <aside className="detail" data-testid="document-detail" data-doc-id={d.id}>
      <header>
        <h3 title={d.path}>{d.relPath}</h3>
        <button onClick={onClose}>{t('common.close')}</button>
      </header>
      <DocumentFields doc={d} />
      <h4>{t('docs.col.criteria')}</h4>
      <ul className="links">
        {d.criteria.map((c) => (
          <li key={c.code}>
            <a href={`#/criterion/${encodeURIComponent(c.code)}`}>{c.code}</a> · {t(`review.${c.status}`)} · <span className="muted">{c.reason}</span>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run('review:assign', { doc: d.id, code: code.trim() }).then(() => {
            setCode('');
            bump();
          });
        }}
      >
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="1.3" size={8} data-testid="assign-code" />
        <button type="submit" disabled={!code.trim()} data-testid="assign-button">
          {t('crit.linkBtn')}
        </button>
      </form>
      <button onClick={() => setPreview(!preview)}>{t('crit.preview')}</button>
      {preview && d.kind === 'pdf' && <Preview id={d.id} />}
    </aside>
  );
}
