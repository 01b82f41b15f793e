// Export wizard: destination (+ optional previous bundle, merged PDFs), progress, and the result
// of re-reading the bundle with the independent verifier.
import { useEffect, useState } from 'react';
import type { BundleProgress, ExportResultJson } from '../../../shared/api.js';
import { PathInput } from '../components/path-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';
import { formatSize } from '../format.js';

export function ExportScreen() {
  const { t, lang } = useI18n();
  const { run, client, appInfo } = useApp();
  const [out, setOut] = useState('');
  const [since, setSince] = useState('');
  const [merged, setMerged] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const [result, setResult] = useState<ExportResultJson | null>(null);
  useEffect(() => client.on('bundle:progress', setProgress), [client]);

  return (
    <div className="export">
      <h2>{t('export.heading')}</h2>
      {appInfo && !appInfo.features.bundle && <p className="notice">{t('common.unavailable')} (bundle)</p>}
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          setRunning(true);
          setResult(null);
          void run('bundle:export', { out: out.trim(), ...(since.trim() ? { since: since.trim() } : {}), mergedPdf: merged })
            .then(setResult)
            .catch(() => undefined)
            .finally(() => setRunning(false));
        }}
      >
        <label>
          {t('export.out')}
          <PathInput value={out} onChange={setOut} kind="save" testId="export-out" placeholder="/home/…/TLKC-2023.zip" defaultName="TLKC.zip" />
        </label>
        <label>
          {t('export.since')}
          <PathInput value={since} onChange={setSince} kind="save" testId="export-since" />
        </label>
        <label className="check">
          <input type="checkbox" checked={merged} onChange={(e) => setMerged(e.target.checked)} data-testid="export-merged" /> {t('export.merged')}
        </label>
        <div>
          <button type="submit" className="primary" disabled={running || !out.trim()} data-testid="export-bundle">
            {running ? t('export.running') : t('export.run')}
          </button>
        </div>
      </form>
      {running && progress && (
        <div className="progress" data-testid="export-progress">
          <div className="progress-track">
            <div className="progress-fill running" style={{ width: `${progress.total ? Math.round((progress.current / progress.total) * 100) : 100}%` }} />
          </div>
          <span>
            {progress.phase} {progress.total ? `${progress.current}/${progress.total}` : ''}
          </span>
        </div>
      )}
      {result && (
        <section className="card" data-testid="export-result" data-ok={String(result.verify?.ok ?? false)} data-entries={result.entries ?? ''}>
          <p>{t('export.done', { entries: result.entries ?? '—', size: formatSize(result.bytes, lang), out: result.out })}</p>
          {result.verify &&
            (result.verify.ok ? (
              <p className="ok-text" data-testid="verify-ok">
                {t('export.verifyOk', { entries: result.verify.entries })}
              </p>
            ) : (
              <>
                <p className="error-text">{t('export.verifyBad', { n: result.verify.problems.length })}</p>
                <ul>
                  {result.verify.problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.path}</code> {p.kind}: {p.message}
                    </li>
                  ))}
                </ul>
              </>
            ))}
        </section>
      )}
    </div>
  );
}
