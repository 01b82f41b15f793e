// One document: recognised fields with where each came from, its links and why, a PDF preview,
// linking it to a criterion by hand, and correcting its number and date by hand (FixForm).
import { useState } from 'react';
import type { DocumentJson, HeaderFieldName } from '../../../shared/types.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { formatDate, formatSize } from '../format.js';
import { PdfPreview } from './pdf-preview.js';
import { SignatureList } from './signature-list.js';

/** Number and date by hand (docs:fix), pre-filled with the value read or else the suggestion. */
function FixForm({ doc }: { doc: DocumentJson }) {
  const { t } = useI18n();
  const { run, bump } = useApp();
  const start = (f: 'number' | 'date'): string => {
    const v = doc[f] ?? doc.suggestions[f]?.value ?? '';
    return f === 'date' && v ? formatDate(v) : v;
  };
  const [number, setNumber] = useState(() => start('number'));
  const [date, setDate] = useState(() => start('date'));
  return (
    <form
      className="row fix-form"
      data-testid="fix-form"
      onSubmit={(e) => {
        e.preventDefault();
        const args: { doc: string; number?: string; date?: string } = { doc: doc.id };
        if (number.trim()) args.number = number;
        if (date.trim()) args.date = date;
        if (!args.number && !args.date) return;
        void run('docs:fix', args).then(bump, () => undefined);
      }}
    >
      <span className="muted small">{t('fix.heading')}</span>
      <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('docs.col.number')} size={14} data-testid="fix-number" />
      <input value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('fix.datePlaceholder')} size={10} data-testid="fix-date" />
      <button type="submit" data-testid="fix-save">
        {t('fix.save')}
      </button>
    </form>
  );
}

const FIELDS: HeaderFieldName[] = ['number', 'type', 'issuer', 'place', 'date', 'title'];

export function DocumentFields({ doc }: { doc: DocumentJson }) {
  const { t, w, lang } = useI18n();
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
          {w.quality(doc.textQuality)}
          {doc.ocr ? ' · OCR' : ''}
        </dd>
      </div>
      <div>
        <dt>{t('docs.signatures')}</dt>
        <dd>{doc.signatures}</dd>
      </div>
      {doc.error && (
        <div className="error-text">
          <dt>{w.errorKind(doc.error.kind)}</dt>
          <dd>{w.errorDesc(doc.error.kind)}</dd>
        </div>
      )}
    </dl>
  );
}

export function DocumentDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, w } = useI18n();
  const { run, bump } = useApp();
  const doc = useLoad('docs:get', { ref: id }, [id]);
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState(false);
  if (!doc.data) return <aside className="detail">{doc.error ? w.error(doc.error.error) : t('common.loading')}</aside>;
  const d = doc.data;
  return (
    <aside className="detail" data-testid="document-detail" data-doc-id={d.id}>
      <header>
        <h3 title={d.path}>{d.relPath}</h3>
        <a className="history-link" href={`#/history/doc/${encodeURIComponent(d.id)}`} data-testid="document-history">
          {t('history.open')}
        </a>
        <button onClick={onClose}>{t('common.close')}</button>
      </header>
      <DocumentFields doc={d} />
      <FixForm key={`${d.id}:${d.number ?? ''}:${d.date ?? ''}`} doc={d} />
      {d.signatures > 0 && (
        <>
          <h4>{t('sig.heading')}</h4>
          <SignatureList checks={d.signatureChecks} />
        </>
      )}
      <h4>{t('docs.col.criteria')}</h4>
      <ul className="links">
        {d.criteria.map((c) => (
          <li key={c.code}>
            <a href={`#/criterion/${encodeURIComponent(c.code)}`}>{c.code}</a> · {t(`review.${c.status}`)} · <span className="muted">{w.reason(c)}</span>
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
      <button onClick={() => setPreview(!preview)} data-testid="preview-toggle">
        {t('crit.preview')}
      </button>
      {preview && d.kind === 'pdf' && <PdfPreview key={d.id} id={d.id} />}
    </aside>
  );
}
