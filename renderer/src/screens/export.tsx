// Export wizard: destination (+ optional previous bundle, merged PDFs), progress, and the result
// of re-reading the bundle with the independent verifier.
import { useEffect, useState } from 'react';
import type { BundleProgress, ExportResultJson } from '../../../shared/api.js';
import { ApiCallError } from '../api.js';
import { PathInput } from '../components/path-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { formatDate, formatNumber, formatSize } from '../format.js';

export function ExportScreen() {
  const { t, w, lang } = useI18n();
  const { run, client } = useApp();
  const [out, setOut] = useState('');
  const [since, setSince] = useState('');
  // The supplement chain is chosen from the submissions (issue 15); a file path still works.
  const [sinceSubmission, setSinceSubmission] = useState('');
  const [batch, setBatch] = useState('');
  const [merged, setMerged] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const [result, setResult] = useState<ExportResultJson | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const submissions = useLoad('submissions:list', {}, [result]);
  useEffect(() => client.on('bundle:progress', setProgress), [client]);

  return (
    <div className="export">
      <h2>{t('export.heading')}</h2>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          setRunning(true);
          setResult(null);
          setRefused(null);
          const sinceArg = sinceSubmission ? { sinceSubmission } : since.trim() ? { since: since.trim() } : {};
          void run('bundle:export', { out: out.trim(), ...sinceArg, ...(batch.trim() ? { batch: batch.trim() } : {}), mergedPdf: merged })
            .then(setResult)
            .catch((err: unknown) => setRefused(err instanceof ApiCallError ? w.error(err.error) : t('error.internal')))
            .finally(() => setRunning(false));
        }}
      >
        <label>
          {t('export.out')}
          <PathInput value={out} onChange={setOut} kind="save" testId="export-out" placeholder="/home/…/TLKC-2023.zip" defaultName="TLKC.zip" />
          {refused && (
            <span className="field-error" role="alert" data-testid="export-error">
              {refused}
            </span>
          )}
        </label>
        <label>
          {t('export.since')}
          <PathInput value={since} onChange={setSince} kind="save" testId="export-since" />
        </label>
        <label>
          {t('export.sinceSubmission')}
          <select value={sinceSubmission} onChange={(e) => setSinceSubmission(e.target.value)} data-testid="export-since-submission">
            <option value="">{t('export.sinceNone')}</option>
            {(submissions.data ?? []).map((s) => (
              <option key={s.id} value={String(s.id)}>
                {t('export.submissionOption', { batch: s.batch, date: formatDate(s.createdAt), n: s.documents })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.batch')}
          <input value={batch} onChange={(e) => setBatch(e.target.value)} data-testid="export-batch" />
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
            {w.phase(progress.phase)} {progress.total ? `${formatNumber(progress.current, lang)}/${formatNumber(progress.total, lang)}` : ''}
          </span>
        </div>
      )}
      {result && (
        <section className="card" data-testid="export-result" data-ok={String(result.verify?.ok ?? false)} data-entries={result.entries ?? ''}>
          <p>{t('export.done', { entries: result.entries ?? '—', size: formatSize(result.bytes, lang), out: result.out })}</p>
          {result.answers > 0 && <p data-testid="export-answers">{t('export.answers', { n: result.answers })}</p>}
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
                      <code>{p.path}</code> {w.verify(p.kind)}
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
