// One criterion: its slots, evidence with recognised fields and why each is linked, PDF preview,
// reviewer decisions with a note, self-score and giải trình, and linking by hand or by dragging.
import { useMemo, useState } from 'react';
import type { ReviewDecision } from '../../../shared/api.js';
import type { DocumentJson } from '../../../shared/types.js';
import { useConfirm } from '../components/confirm-dialog.js';
import { DocumentFields } from '../components/document-detail.js';
import { PdfPreview } from '../components/pdf-preview.js';
import { useI18n } from '../i18n/index.js';
import { shownStatus } from '../i18n/words.js';
import { useApp, useLoad } from '../state.js';
import { formatDate, formatNumber, vietnameseCollator } from '../format.js';
import { parsePoints } from '../../../shared/parse-input.js';
import { FieldError } from '../components/field-error.js';
import { CriterionAppraisal } from '../components/criterion-appraisal.js';

const DRAG_TYPE = 'application/x-kiemchung-doc';

function EvidenceCard({ doc, code }: { doc: DocumentJson; code: string }) {
  const { t, w } = useI18n();
  const { run, bump } = useApp();
  const link = doc.criteria.find((c) => c.code === code) ?? doc.criteria.find((c) => c.code.startsWith(`${code}.`));
  const [note, setNote] = useState(link?.note ?? '');
  const [preview, setPreview] = useState(false);
  const { ask, dialog } = useConfirm();
  const decide = (decision: ReviewDecision): void => {
    if (!link) return;
    void run('review:decide', { doc: doc.id, code: link.code, decision, note: note.trim() || null }).then(bump);
  };
  return (
    <article className="evidence" data-testid="evidence" data-doc-id={doc.id} data-review={link?.status ?? 'pending'}>
      {dialog}
      <header>
        <h4 title={doc.path}>{doc.relPath}</h4>
        {link && <span className={`badge r-${link.status}`}>{t(`review.${link.status}`)}</span>}
      </header>
      {link && (
        <p className="why">
          <b>{t('crit.why')}:</b> {w.reason(link)} <span className="muted">({t(`source.${link.source}`)}{link.code !== code ? ` · ${link.code}` : ''})</span>
        </p>
      )}
      <DocumentFields doc={doc} />
      <div className="row actions">
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('crit.note')} className="grow" data-testid="review-note" />
        <button className="ok" onClick={() => decide('accepted')} data-testid="review-accept">
          {t('crit.accept')}
        </button>
        <button className="bad" onClick={() => decide('rejected')} data-testid="review-reject">
          {t('crit.reject')}
        </button>
        <button className="warn" onClick={() => decide('needs-supplement')} data-testid="review-supplement">
          {t('crit.supplement')}
        </button>
        {link && (
          <button
            onClick={() =>
              ask({ question: t('ask.unlink', { file: doc.relPath, code: link.code }), detail: t('ask.unlink.detail'), confirmLabel: t('crit.unlink') }, () =>
                run('review:unassign', { doc: doc.id, code: link.code }).then(bump),
              )
            }
            data-testid="review-unlink"
          >
            {t('crit.unlink')}
          </button>
        )}
        <button onClick={() => setPreview(!preview)}>{t('crit.preview')}</button>
      </div>
      {preview && doc.kind === 'pdf' && <PdfPreview key={doc.id} id={doc.id} />}
    </article>
  );
}

export function CriterionScreen({ code }: { code: string }) {
  const { t, w, lang } = useI18n();
  const { run, bump } = useApp();
  const detail = useLoad('criterion:get', { code }, [code]);
  const all = useLoad('docs:list', {}, []);
  const [pick, setPick] = useState('');
  const [over, setOver] = useState(false);
  const [points, setPoints] = useState<string | null>(null);
  const [explain, setExplain] = useState<string | null>(null);
  const candidates = useMemo(() => {
    const linked = new Set((detail.data?.documents ?? []).map((d) => d.id));
    return (all.data ?? []).filter((d) => !linked.has(d.id) && !d.error).sort((a, b) => vietnameseCollator.compare(a.relPath, b.relPath));
  }, [all.data, detail.data]);

  if (detail.error) return <p className="error-text">{w.error(detail.error.error)}</p>;
  if (!detail.data) return <p className="muted">{t('common.loading')}</p>;
  const { criterion, status, documents, children } = detail.data;
  const link = (id: string): void => void run('review:assign', { doc: id, code: criterion.code }).then(bump);
  const isLeaf = children.length === 0;
  const pointsText = points ?? status?.selfScore?.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') ?? '';
  // Within the criterion's maximum when the pack knows it.
  const parsedPoints = parsePoints(pointsText, 0, criterion.maxPoints ?? 1000);

  return (
    <div className="criterion" data-testid="criterion-view" data-code={criterion.code} data-status={status?.status ?? ''}>
      <header>
        <h2>
          {criterion.code}. {criterion.title}
        </h2>
        {status && <span className={`badge s-${shownStatus(status)}`}>{w.status(status)}</span>}
        <a className="history-link" href={`#/history/criterion/${encodeURIComponent(criterion.code)}`} data-testid="criterion-history">
          {t('history.open')}
        </a>
      </header>
      <p className="muted">
        {t('crit.responsible')}: {criterion.responsible ?? '—'} · {t('crit.due')}: {criterion.due ? formatDate(criterion.due) : (criterion.dueText ?? '—')} · {t('crit.max')}:{' '}
        {formatNumber(criterion.maxPoints, lang)}
      </p>
      {children.length > 0 && (
        <section>
          <h3>{t('crit.children')}</h3>
          <ul>
            {children.map((c) => (
              <li key={c.code}>
                <a href={`#/criterion/${encodeURIComponent(c.code)}`}>
                  {c.code}. {c.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {status && status.slots.length > 0 && (
        <section>
          <h3>{t('crit.slots')}</h3>
          <ul className="slots">
            {status.slots.map((s) => (
              <li key={s.id} className={s.satisfied ? 'ok' : 'missing'} data-testid="slot" data-satisfied={String(s.satisfied)}>
                {s.satisfied ? '✓' : '✗'} {s.label} {s.types.length > 0 && <span className="muted">({s.types.join(', ')})</span>}{' '}
                <span className="muted" data-testid="slot-count" data-valid={s.valid} data-linked={s.documents.length} title={t('crit.slot.countMeans')}>
                  {t('crit.slot.count', { valid: s.valid, minCount: s.minCount })}
                  {s.documents.length > s.valid ? ` (${t('crit.slot.linked', { linked: s.documents.length })})` : ''}
                  {s.due ? ` · ${formatDate(s.due)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {status && <CriterionAppraisal status={status} />}
      {status && status.problems.length > 0 && (
        <section>
          <h3>{t('crit.problems')}</h3>
          <ul className="problems">
            {status.problems.map((p, i) => (
              <li key={i} className="warn-text">
                {w.problem(p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section
        className={over ? 'drop over' : 'drop'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(DRAG_TYPE)) {
            e.preventDefault();
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const id = e.dataTransfer.getData(DRAG_TYPE);
          if (id) link(id);
        }}
      >
        <h3>{t('crit.evidence')}</h3>
        {documents.length === 0 && <p className="muted">{t('crit.noDocs')}</p>}
        {documents.map((d) => (
          <EvidenceCard key={d.id} doc={d} code={criterion.code} />
        ))}
        {isLeaf && <p className="muted small">{t('crit.drop')}</p>}
      </section>
      {isLeaf && (
        <section>
          <h3>{t('crit.link')}</h3>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (pick) link(pick);
              setPick('');
            }}
          >
            <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="link-select" className="grow">
              <option value="">{t('crit.chooseDoc')}</option>
              {candidates.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.relPath}
                  {d.number ? ` · ${d.number}` : ''}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!pick} data-testid="link-button">
              {t('crit.linkBtn')}
            </button>
          </form>
          <ul className="drag-list">
            {candidates
              .filter((d) => d.criteria.length === 0)
              .slice(0, 12)
              .map((d) => (
                <li key={d.id} draggable onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, d.id)} data-testid="drag-candidate" data-doc-id={d.id}>
                  ⠿ {d.relPath}
                </li>
              ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('crit.score')}</h3>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!parsedPoints.ok) return;
            void run('review:score', { code: criterion.code, points: parsedPoints.value, explanation: (explain ?? status?.explanation ?? '') || null }).then(() => {
              setPoints(null);
              setExplain(null);
              bump();
            });
          }}
        >
          <label>
            {t('crit.points')}
            <input value={pointsText} onChange={(e) => setPoints(e.target.value)} size={6} data-testid="score-points" aria-invalid={!parsedPoints.ok} />
            <FieldError parsed={parsedPoints} testId="score-points-error" />
          </label>
          <label className="grow">
            {t('crit.explain')}
            <textarea value={explain ?? status?.explanation ?? ''} onChange={(e) => setExplain(e.target.value)} rows={2} data-testid="score-explain" />
          </label>
          <button type="submit" data-testid="score-save" disabled={!parsedPoints.ok}>
            {t('common.save')}
          </button>
        </form>
      </section>
    </div>
  );
}
