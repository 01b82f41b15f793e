// What each office still owes up to a batch (đợt): missing evidence, documents rejected or to
// supplement; the reminder letters and list saved to a file; the office registry (names, other
// names, groups) and the office of each evidence folder.
import { useState } from 'react';
import type { RemindersJson, RemindResultJson } from '../../../shared/api.js';
import { ApiCallError } from '../api.js';
import { PathInput } from '../components/path-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { formatDate } from '../format.js';
import { OfficeRegistryEditor } from './offices-registry.js';

type Format = RemindResultJson['format'];

/** The four buttons: letters as DOCX or PDF, the list as XLSX or PDF. */
const OUTPUTS = [
  { key: 'docx', format: 'docx', kind: 'letters', label: 'offices.remind.docx' },
  { key: 'pdf', format: 'pdf', kind: 'letters', label: 'offices.remind.pdf' },
  { key: 'xlsx', format: 'xlsx', kind: 'list', label: 'offices.remind.xlsx' },
  { key: 'list-pdf', format: 'pdf', kind: 'list', label: 'offices.remind.listPdf' },
] as const;

function withExtension(p: string, format: Format): string {
  const trimmed = p.trim();
  return /\.(docx|pdf|xlsx)$/i.test(trimmed) ? trimmed.replace(/\.(docx|pdf|xlsx)$/i, `.${format}`) : `${trimmed}.${format}`;
}

function RemindForm({ data }: { data: RemindersJson }) {
  const { t, w } = useI18n();
  const { run, client } = useApp();
  const [office, setOffice] = useState('');
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RemindResultJson | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const batch = data.batch ? String(data.batch.number) : undefined;
  const defaultName = `${t('offices.remind.defaultName')}${data.batch ? `-${data.batch.number}` : ''}`;
  const save = async (format: Format, kind: RemindResultJson['kind']): Promise<void> => {
    let target: string | null = out.trim() ? withExtension(out, format) : null;
    if (client.shell === 'electron') target = await run('dialog:pickSaveFile', { defaultName: target ? (target.split(/[\\/]/).pop() ?? `${defaultName}.${format}`) : `${defaultName}.${format}` });
    if (!target) return;
    setBusy(true);
    setDone(null);
    setRefused(null);
    try {
      setDone(await run('offices:remind', { out: target, kind, ...(batch ? { batch } : {}), ...(office ? { office } : {}) }));
    } catch (err) {
      setRefused(err instanceof ApiCallError ? w.error(err.error) : t('error.internal'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="remind-form">
      <h3>{t('offices.remind.heading')}</h3>
      <div className="grid-form">
        <label>
          {t('offices.remind.office')}
          <select value={office} onChange={(e) => setOffice(e.target.value)} data-testid="remind-office">
            <option value="">{t('offices.remind.allOffices')}</option>
            {data.offices.map((o) => (
              <option key={o.office} value={o.office}>
                {o.office}
              </option>
            ))}
          </select>
        </label>
        {client.shell !== 'electron' && (
          <label>
            {t('offices.remind.out')}
            <PathInput value={out} onChange={setOut} kind="save" testId="remind-out" placeholder={`/home/…/${defaultName}.docx`} defaultName={`${defaultName}.docx`} />
          </label>
        )}
        <div className="row span-all">
          {OUTPUTS.map((o) => (
            <button key={o.key} type="button" disabled={busy || (client.shell !== 'electron' && !out.trim())} onClick={() => void save(o.format, o.kind)} data-testid={`remind-${o.key}`}>
              {t(o.label)}
            </button>
          ))}
        </div>
      </div>
      {refused && (
        <p className="field-error" role="alert" data-testid="remind-error">
          {refused}
        </p>
      )}
      {done && (
        <p className="ok-text" data-testid="remind-done" data-out={done.out}>
          {t('offices.remind.done', { out: done.out, offices: done.offices, items: done.items })}
        </p>
      )}
    </section>
  );
}

export function OfficesScreen() {
  const { t, w } = useI18n();
  const [batch, setBatch] = useState('');
  const data = useLoad('offices:reminders', batch ? { batch } : {}, [batch]);
  const registry = useLoad('offices:list', {}, []);
  const reload = (): void => {
    data.reload();
    registry.reload();
  };
  if (data.error) return <p className="notice">{w.error(data.error.error)}</p>;
  if (!data.data) return <p className="muted">{t('common.loading')}</p>;
  const r = data.data;
  return (
    <div className="offices">
      <h2>{t('offices.heading')}</h2>
      <div className="row">
        {r.batches.length > 0 && (
          <label>
            {t('offices.batch')}{' '}
            <select value={r.batch ? String(r.batch.number) : ''} onChange={(e) => setBatch(e.target.value)} data-testid="offices-batch">
              {r.batches.map((b, i) => (
                <option key={b.label} value={String(i + 1)}>
                  {t('offices.batchOption', { label: b.label, due: formatDate(b.due) })}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted" data-testid="offices-as-of">
          {r.batch ? t('offices.asOf', { date: formatDate(r.asOf), batch: r.batch.label, due: formatDate(r.batch.due) }) : t('offices.asOfNoBatch', { date: formatDate(r.asOf) })}
        </span>
      </div>
      {r.offices.length === 0 ? <p>{t('offices.none')}</p> : <RemindForm data={r} />}
      {r.offices.map((o) => (
        <section key={o.office} className="card" data-testid="office" data-office={o.office}>
          <h3>
            {o.office} <span className="muted">({t('offices.itemCount', { n: o.items.length })})</span>
          </h3>
          <ul>
            {o.items.map((it, i) => (
              <li key={`${it.code}-${i}`} data-testid="office-item" data-kind={it.kind}>
                <a href={`#/criterion/${encodeURIComponent(it.code)}`}>
                  {it.code}. {it.title}
                </a>
                <div className="small">
                  <strong className={it.kind === 'missing' ? undefined : 'error-text'}>{t(`offices.item.${it.kind}`)}</strong>
                  {': '}
                  {it.kind === 'missing' ? (it.slot ?? t('offices.item.noSlot')) : it.document !== null && <code>{it.document}</code>}
                  {it.kind === 'missing' && it.have !== null && it.need !== null && <span className="muted"> · {t('offices.item.have', { have: it.have, need: it.need })}</span>}
                  {it.note && <span> · {it.note}</span>}
                  {it.due && <span className="muted"> · {t('offices.item.due', { due: formatDate(it.due) })}</span>}
                  {it.batch && <span className="muted"> · {it.batch}</span>}
                  {it.overdue && <span className="error-text"> · {t('offices.item.overdue')}</span>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {registry.error && <p className="notice">{w.error(registry.error.error)}</p>}
      {registry.data && <OfficeRegistryEditor data={registry.data} onChanged={reload} />}
    </div>
  );
}
