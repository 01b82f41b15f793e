// Start: new workspace, open one, recent list, and "try the sample".
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { PathInput } from '../components/path-input.js';
import { formatDate } from '../format.js';

export function StartScreen() {
  const { t } = useI18n();
  const { appInfo, run, setWorkspace } = useApp();
  const packs = useLoad('packs:list', {}, []);
  const [dir, setDir] = useState('');
  const [packId, setPackId] = useState('');
  const [year, setYear] = useState('2023');
  const [unit, setUnit] = useState('');
  const [openDir, setOpenDir] = useState('');
  const [busy, setBusy] = useState(false);

  const act = (p: Promise<unknown>): void => {
    setBusy(true);
    void p.catch(() => undefined).finally(() => setBusy(false));
  };
  const chosenPack = packId || packs.data?.[0]?.id || '';

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
                run('workspace:create', { dir: dir.trim(), packId: chosenPack, year: year ? Number(year) : null, unit: unit.trim() || null }).then((w) => {
                  setWorkspace(w);
                  location.hash = '/settings';
                }),
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
                <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" size={6} data-testid="new-year" />
              </label>
              <label className="grow">
                {t('start.unit')}
                <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="Sở Y tế tỉnh Trà Vinh" data-testid="new-unit" />
              </label>
            </div>
            <button type="submit" className="primary" disabled={busy || !dir.trim() || !chosenPack} data-testid="create-workspace">
              {t('start.create')}
            </button>
          </form>
        </section>
        <section className="card">
          <h2>{t('start.open')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(run('workspace:open', { dir: openDir.trim() }).then(setWorkspace));
            }}
          >
            <PathInput value={openDir} onChange={setOpenDir} kind="folder" testId="open-dir" />
            <button type="submit" disabled={busy || !openDir.trim()} data-testid="open-workspace">
              {t('start.openBtn')}
            </button>
          </form>
          <h3>{t('start.recent')}</h3>
          {appInfo && appInfo.recent.length > 0 ? (
            <ul className="recent">
              {appInfo.recent.map((r) => (
                <li key={r.dir}>
                  <button className="link" onClick={() => act(run('workspace:open', { dir: r.dir }).then(setWorkspace))}>
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
          <button className="primary" disabled={busy} data-testid="try-sample" onClick={() => act(run('workspace:sample', {}).then(setWorkspace))}>
            {t('start.sample')}
          </button>
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
