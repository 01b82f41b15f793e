// Always visible: indexing / OCR progress, the workspace's document counts (docs:counts) and the
// error count, which opens the error list.
import { useState } from 'react';
import type { DocumentCountsJson } from '../../../shared/dashboard.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';
import { formatDate, formatNumber } from '../format.js';
import { LiveStatus } from './live-status.js';

export function StatusBar({ counts = null }: { counts?: DocumentCountsJson | null }) {
  const { t, lang } = useI18n();
  const { progress, errors, clearErrors, lastScan, workspace } = useApp();
  const [open, setOpen] = useState(false);
  const pct = progress.total > 0 ? Math.round((progress.current / progress.total) * 100) : progress.running ? 100 : 0;
  let label: string;
  switch (progress.phase) {
    case 'listing':
      label = t('progress.listing');
      break;
    case 'indexing':
      label = t('progress.indexing', { current: progress.current, total: progress.total });
      break;
    case 'ocr-header':
    case 'ocr-pages':
      label = t('progress.ocr', { current: progress.current, total: progress.total });
      break;
    case 'classifying':
      label = t('progress.classifying');
      break;
    case 'done':
      label = lastScan
        ? t('scan.result', { files: lastScan.files, indexed: lastScan.indexed + lastScan.reused, unchanged: lastScan.unchanged, removed: lastScan.removed, errors: lastScan.errors.length })
        : t('progress.done');
      break;
    default:
      label = t('progress.idle');
  }
  return (
    <>
      {open && (
        <section className="error-panel" data-testid="error-list" aria-label={t('errors.title')}>
          <header>
            <h2>{t('errors.title')}</h2>
            <button onClick={clearErrors}>{t('errors.clear')}</button>
            <button onClick={() => setOpen(false)}>{t('common.close')}</button>
          </header>
          {errors.length === 0 ? (
            <p>{t('errors.none')}</p>
          ) : (
            <ul>
              {errors.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}</strong> <span className="muted">{formatDate(e.at)} {e.at.slice(11, 19)}</span>
                  <div>{e.message}</div>
                  {e.path && <code>{e.path}</code>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <footer className="status-bar" data-testid="status-bar">
        <div className="progress" data-testid="index-progress" data-phase={progress.phase} data-running={String(progress.running)}>
          <div className="progress-track">
            <div className={`progress-fill${progress.running ? ' running' : ''}`} style={{ width: `${pct}%` }} />
          </div>
          <span>{label}</span>
        </div>
        {workspace && <LiveStatus />}
        {workspace && counts && (
          <a className="muted doc-counts" href="#/documents" data-testid="doc-counts" data-total={counts.total} data-unreadable={counts.unreadable} data-queue={counts.queue}>
            {t('bar.documents', { n: formatNumber(counts.total, lang) })}
            {counts.unreadable > 0 && <> · {t('bar.unreadable', { n: formatNumber(counts.unreadable, lang) })}</>}
          </a>
        )}
        {workspace && <span className="muted ws-path" title={workspace.dir}>{workspace.dir}</span>}
        <button className={errors.length ? 'errors-btn has-errors' : 'errors-btn'} data-testid="errors-button" onClick={() => setOpen(!open)}>
          {t('errors.count', { n: errors.length })}
        </button>
      </footer>
    </>
  );
}
