// Settings: evidence folders (roots) with their office, scanning, the workspace knobs, and the
// root certificates the workspace trusts.
import { useState } from 'react';
import type { WorkspaceSettingsJson } from '../../../shared/api.js';
import { formatBatchesText, parseBatchesText } from '../../../shared/batches.js';
import { useConfirm } from '../components/confirm-dialog.js';
import { FieldError } from '../components/field-error.js';
import { PathInput } from '../components/path-input.js';
import { TrustedRoots } from '../components/trusted-roots.js';
import { parseYear } from '../../../shared/parse-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';
import { formatDate } from '../format.js';

export function SettingsScreen() {
  const { t } = useI18n();
  const { workspace, run, setWorkspace, progress } = useApp();
  const { ask, dialog } = useConfirm();
  const [dir, setDir] = useState('');
  const [office, setOffice] = useState('');
  const [form, setForm] = useState<WorkspaceSettingsJson | null>(null);
  const [saved, setSaved] = useState(false);
  // Batches are edited as text ("Đợt 1=30/06/2023; …"); null = the usual three of the year.
  const [batchText, setBatchText] = useState<string | null>(null);
  // The year as typed: "20x3" or 1800 is refused next to the field, never sent (nor bent into 2023).
  const [yearText, setYearText] = useState<string | null>(null);
  if (!workspace) return null;
  const s = form ?? workspace.settings;
  const shownBatches = batchText ?? (s.batches ? formatBatchesText(s.batches) : '');
  const parsedBatches = shownBatches.trim() ? parseBatchesText(shownBatches) : { batches: null };
  const batchProblem = 'problem' in parsedBatches ? parsedBatches.problem : null;
  const parsedYear = parseYear(yearText ?? (s.year === null ? '' : String(s.year)), true);
  const batchError = batchProblem ? t(`settings.${batchProblem.kind}`, { entry: batchProblem.entry, date: batchProblem.date }) : null;
  const num = (key: 'watchStabilityMs' | 'watchSweepMs' | 'fileTimeoutMs', label: string) => (
    <label>
      {label}
      <input type="number" value={s[key]} onChange={(e) => setForm({ ...s, [key]: Number(e.target.value) })} data-testid={`setting-${key}`} />
    </label>
  );

  return (
    <div className="settings">
      {dialog}
      <section>
        <h2>{t('settings.roots')}</h2>
        {workspace.roots.length === 0 && <p className="notice">{t('settings.noRoots')}</p>}
        <table className="roots">
          <tbody>
            {workspace.roots.map((r) => (
              <tr key={r.id} data-testid="root-row" data-path={r.path}>
                <td>
                  <code>{r.path}</code>
                </td>
                <td>{r.office ?? '—'}</td>
                <td className="muted">{formatDate(r.addedAt)}</td>
                <td>
                  <button
                    data-testid="root-remove"
                    onClick={() =>
                      ask({ question: t('ask.removeRoot', { path: r.path }), detail: t('ask.removeRoot.detail'), confirmLabel: t('common.remove') }, () =>
                        run('roots:remove', { dir: r.path }).then(setWorkspace),
                      )
                    }
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run('roots:add', { dir: dir.trim(), office: office.trim() || null }).then((w) => {
              setWorkspace(w);
              setDir('');
              setOffice('');
            });
          }}
        >
          <PathInput value={dir} onChange={setDir} kind="folder" testId="root-dir" placeholder="/srv/TLKC/Phòng TCCB" />
          <input value={office} onChange={(e) => setOffice(e.target.value)} placeholder={t('settings.office')} data-testid="root-office" />
          <button type="submit" disabled={!dir.trim()} data-testid="add-root">
            {t('settings.addRoot')}
          </button>
        </form>
        <p>
          {progress.running ? (
            <button onClick={() => void run('index:cancel', {})}>{t('settings.cancelScan')}</button>
          ) : (
            <button className="primary" data-testid="scan-now" disabled={workspace.roots.length === 0} onClick={() => void run('index:scan', {}).catch(() => undefined)}>
              {t('settings.scan')}
            </button>
          )}
        </p>
      </section>
      <section>
        <h2>{t('settings.general')}</h2>
        <form
          className="grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            if ('error' in parsedBatches || !parsedYear.ok) return;
            void run('settings:update', { ...s, year: parsedYear.value, batches: parsedBatches.batches })
              .then((w) => {
                setWorkspace(w);
                setForm(null);
                setBatchText(null);
                setYearText(null);
                setSaved(true);
              })
              // Refusals are worded in the status bar's error list by run().
              .catch(() => undefined);
          }}
        >
          <label>
            {t('settings.pack')}
            <input value={`${workspace.pack.name} (${workspace.pack.id})`} readOnly />
          </label>
          <label>
            {t('start.unit')}
            <input value={s.unit ?? ''} onChange={(e) => setForm({ ...s, unit: e.target.value || null })} />
          </label>
          <label>
            {t('start.year')}
            <input
              inputMode="numeric"
              value={yearText ?? (s.year === null ? '' : String(s.year))}
              onChange={(e) => {
                const parsed = parseYear(e.target.value, true);
                setYearText(e.target.value);
                setForm({ ...s, year: parsed.ok ? parsed.value : s.year });
              }}
              data-testid="setting-year"
            />
            <FieldError parsed={parsedYear} testId="setting-year-error" />
          </label>
          <label className="check">
            <input type="checkbox" checked={s.ocr} onChange={(e) => setForm({ ...s, ocr: e.target.checked })} /> {t('settings.ocr')}
          </label>
          {num('watchStabilityMs', t('settings.stability'))}
          {num('watchSweepMs', t('settings.sweep'))}
          {num('fileTimeoutMs', t('settings.timeout'))}
          <label>
            {t('settings.batches')}
            <input
              value={shownBatches}
              placeholder="Đợt 1=30/06/2023; Đợt 2=30/09/2023; Đợt 3=15/11/2023"
              onChange={(e) => {
                setBatchText(e.target.value);
                setForm({ ...s });
              }}
              data-testid="setting-batches"
            />
            {batchError && (
              <span className="error" data-testid="setting-batches-error">
                {t('settings.batchesInvalid')} {batchError}
              </span>
            )}
          </label>
          <div>
            <button type="submit" className="primary" disabled={!form || batchError !== null || !parsedYear.ok} data-testid="save-settings">
              {t('common.save')}
            </button>
            {saved && !form && <span className="muted"> {t('settings.saved')}</span>}
          </div>
        </form>
      </section>
      <TrustedRoots />
    </div>
  );
}
