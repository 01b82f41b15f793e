// "Cần xác nhận": linked documents whose number or date is blank, doubtful or outside the
// assessment year, one at a time, with the document's own header beside the fields and the
// suggestion pre-filled. Enter confirms (a correction by hand, docs:fix) and moves on, Tab moves
// between the fields, Esc skips.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ConfirmQueueJson } from '../../../shared/api.js';
import type { DocumentJson, StatusJson } from '../../../shared/types.js';
import { HeaderCrop } from '../components/header-crop.js';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../format.js';
import { useApp, useLoad } from '../state.js';

/** What the form starts with: the value read, else the suggestion (a date as dd/mm/yyyy). */
function initial(d: DocumentJson, f: 'number' | 'date'): string {
  const v = d[f] ?? d.suggestions[f]?.value ?? '';
  return f === 'date' && v ? formatDate(v) : v;
}

function Item({ doc, reasons, status, onDone, onSkip }: { doc: DocumentJson; reasons: ConfirmQueueJson['items'][number]['reasons']; status: StatusJson | null; onDone: () => void; onSkip: () => void }) {
  const { t, w } = useI18n();
  const { run } = useApp();
  const [number, setNumber] = useState(() => initial(doc, 'number'));
  const [date, setDate] = useState(() => initial(doc, 'date'));
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const target = reasons.some((r) => r.startsWith('number')) ? first.current : dateInput.current;
    target?.focus();
    target?.select();
  }, [doc.id, reasons]);

  const confirm = (): void => {
    if (busy) return;
    const args: { doc: string; number?: string; date?: string } = { doc: doc.id };
    if (number.trim()) args.number = number;
    if (date.trim()) args.date = date;
    if (!args.number && !args.date) return onSkip();
    setBusy(true);
    void run('docs:fix', args)
      .then(() => onDone())
      // Refused (a date that does not exist): the status bar shows why; the clerk corrects and retries.
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onSkip();
    }
  };
  const byCode = new Map((status?.criteria ?? []).map((c) => [c.code, c]));
  return (
    <form
      className="confirm-item"
      data-testid="confirm-item"
      data-doc-id={doc.id}
      onKeyDown={onKey}
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
    >
      <h3 title={doc.path}>{doc.relPath}</h3>
      <p className="muted small">{reasons.map((r) => t(`confirm.reason.${r}`)).join(' · ')}</p>
      <div className="confirm-body">
        <div>
          <p className="muted small">{t('confirm.header')}</p>
          {doc.kind === 'pdf' && <HeaderCrop id={doc.id} />}
        </div>
        <div className="confirm-fields">
          <label>
            {t('docs.col.number')}
            <input ref={first} value={number} onChange={(e) => setNumber(e.target.value)} data-testid="confirm-number" />
            {doc.number === null && doc.suggestions.number && <span className="muted small"> ({t('confirm.suggested')})</span>}
          </label>
          <label>
            {t('docs.col.date')}
            <input ref={dateInput} value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('fix.datePlaceholder')} data-testid="confirm-date" />
            {doc.date === null && doc.suggestions.date && <span className="muted small"> ({t('confirm.suggested')})</span>}
          </label>
          <div className="row">
            <button type="submit" disabled={busy} data-testid="confirm-ok">
              {t('confirm.confirm')}
            </button>
            <button type="button" onClick={onSkip} data-testid="confirm-skip">
              {t('confirm.skip')}
            </button>
          </div>
          <ul className="links" data-testid="confirm-criteria">
            {doc.criteria.map((c) => (
              <li key={c.code} data-code={c.code} data-testid="confirm-criterion">
                <a href={`#/criterion/${encodeURIComponent(c.code)}`}>{c.code}</a> · <span data-testid="confirm-criterion-status">{w.status(byCode.get(c.code))}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </form>
  );
}

export function ConfirmScreen() {
  const { t, w } = useI18n();
  const { bump } = useApp();
  const queue = useLoad('docs:queue', {}, []);
  const status = useLoad('status:get', {}, []);
  const [skipped, setSkipped] = useState<Set<string>>(() => new Set());
  if (queue.error) return <p className="error-text">{w.error(queue.error.error)}</p>;
  if (!queue.data) return <p className="muted">{t('common.loading')}</p>;
  const items = queue.data.items.filter((i) => !skipped.has(i.document.id));
  const current = items[0];
  return (
    <section className="confirm" data-testid="confirm-screen">
      <h2>{t('confirm.heading')}</h2>
      <p data-testid="confirm-count">{t('confirm.count', { n: queue.data.items.length })}</p>
      <p className="muted small">{t('confirm.help')}</p>
      {current ? (
        <Item
          key={current.document.id}
          doc={current.document}
          reasons={current.reasons}
          status={status.data}
          onDone={bump}
          onSkip={() => setSkipped(new Set(skipped).add(current.document.id))}
        />
      ) : (
        <p data-testid="confirm-empty">{t('confirm.empty')}</p>
      )}
    </section>
  );
}
