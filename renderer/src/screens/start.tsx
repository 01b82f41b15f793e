// Start: new workspace, open one, recent list, and "try the sample".
import { useState } from 'react';
import { ApiCallError } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { PathInput } from '../components/path-input.js';
import { formatDate } from '../format.js';
import { parseYear } from '../../../shared/parse-input.js';
import { FieldError } from '../components/field-error.js';

export function StartScreen() {
  const { t, w } = useI18n();
  const { appInfo, run, setWorkspace } = useApp();
  const packs = useLoad('packs:list', {}, []);
  const [dir, setDir] = useState('');
  const [packId, setPackId] = useState('');
  const [year, setYear] = useState('2023');
  const [unit, setUnit] = useState('');
  const [openDir, setOpenDir] = useState('');
  const [busy, setBusy] = useState(false);
  // The refusal of the last attempt, worded, shown at the form it came from (also in the error list).
  const [refused, setRefused] = useState<{ form: 'create' | 'open' | 'sample'; text: string } | null>(null);

  const act = (p: Promise<unknown>, form: 'create' | 'open' | 'sample'): void => {
    setBusy(true);
    setRefused(null);
    void p
      .catch((e: unknown) => setRefused({ form, text: e instanceof ApiCallError ? w.error(e.error) : t('error.internal') }))
      .finally(() => setBusy(false));
  };
  const refusal = (form: 'create' | 'open' | 'sample') =>
    refused?.form === form ? (
      <p className="field-error" role="alert" data-testid={`${form}-error`}>
        {refused.text}
      </p>
    ) : null;
  const chosenPack = packId || packs.data?.[0]?.id || '';
  // Blank year: the pack's own year is used.
  const parsedYear = parseYear(year, true);

  return (
    <div className="start">
      <p className="intro">{t('start.intro')}</p>
      <div className="cards">
        <section className="card">
          <h2>{t('start.new')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(
                run('workspace:create', { dir: dir.trim(), packId: chosenPack, year: parsedYear.ok ? parsedYear.value : null, unit: unit.trim() || null }).then((w) => {
                  setWorkspace(w);
                  location.hash = '/settings';
                }),
                'create',
              );
            }}
          >
            <label>
              {t('start.dir')}
              <PathInput value={dir} onChange={setDir} kind="folder" testId="new-dir" placeholder="/home/…/KiemChung-2023" />
            </label>
            <label>
              {t('start.pack')}
              <select value={chosenPack} onChange={(e) => setPackId(e.target.value)} data-testid="new-pack">
                {(packs.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.criteria})
                  </option>
                ))}
              </select>
            </label>
            <div className="row">
              <label>
                {t('start.year')}
                <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" size={6} data-testid="new-year" aria-invalid={!parsedYear.ok} />
                <FieldError parsed={parsedYear} testId="new-year-error" />
              </label>
              <label className="grow">
                {t('start.unit')}
                <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="Sở Y tế tỉnh Trà Vinh" data-testid="new-unit" />
              </label>
            </div>
            <button type="submit" className="primary" disabled={busy || !dir.trim() || !chosenPack || !parsedYear.ok} data-testid="create-workspace">
              {t('start.create')}
            </button>
            {refusal('create')}
          </form>
        </section>
        <section className="card">
          <h2>{t('start.open')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(run('workspace:open', { dir: openDir.trim() }).then(setWorkspace), 'open');
            }}
          >
            <PathInput value={openDir} onChange={setOpenDir} kind="folder" testId="open-dir" />
            <button type="submit" disabled={busy || !openDir.trim()} data-testid="open-workspace">
              {t('start.openBtn')}
            </button>
            {refusal('open')}
          </form>
          <h3>{t('start.recent')}</h3>
          {appInfo && appInfo.recent.length > 0 ? (
            <ul className="recent">
              {appInfo.recent.map((r) => (
                <li key={r.dir}>
                  <button className="link" onClick={() => act(run('workspace:open', { dir: r.dir }).then(setWorkspace), 'open')}>
                    {r.name}
                  </button>
                  <span className="muted"> {r.dir} · {formatDate(r.openedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('start.noRecent')}</p>
          )}
        </section>
        <section className="card">
          <h2>{t('start.sample')}</h2>
          <p className="muted">{t('start.sampleHint')}</p>
          <button className="primary" disabled={busy} data-testid="try-sample" onClick={() => act(run('workspace:sample', {}).then(setWorkspace), 'sample')}>
            {t('start.sample')}
          </button>
          {refusal('sample')}
        </section>
        <section className="card">
          <h2>{t('nav.appraisal')}</h2>
          <a href="#/appraisal" data-testid="start-appraisal">
            {t('start.appraisal')}
          </a>
        </section>
      </div>
      {appInfo && (
        <p className="muted small">
          KiemChung {appInfo.version} · {appInfo.shell} · {appInfo.platform}
        </p>
      )}
    </div>
  );
}
