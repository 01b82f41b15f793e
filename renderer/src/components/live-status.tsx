// The status bar's live part: what watches, what writes the database now and what waits for it,
// and the pause / resume switch of watching.
import type { WriterKind } from '../../../shared/api.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';

const WARN = { color: '#b54708' } as const;

export function LiveStatus() {
  const { t } = useI18n();
  const { watch, run } = useApp();
  if (!watch) return null;
  let state: string;
  switch (watch.state) {
    case 'watching':
      state = watch.polling > 0 ? t('live.watchingPolling', { n: watch.folders, polling: watch.polling }) : t('live.watching', { n: watch.folders });
      break;
    case 'starting':
      state = t('live.starting');
      break;
    case 'paused':
      state = t('live.paused');
      break;
    default:
      state = t('live.off');
  }
  const writer: WriterKind | null = watch.writers.running;
  const waiting = [...new Set(watch.writers.waiting)].map((w) => t(`live.wait.${w}`)).join(', ');
  const paused = watch.state === 'paused';
  return (
    <span className="live" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-testid="live-status" data-state={watch.state} data-writer={writer ?? ''} title={watch.lastError ? t('live.lastError', { message: watch.lastError }) : undefined}>
      <span data-testid="watch-state">{state}</span>
      {watch.missing > 0 && <span style={WARN}>· {t('live.missing', { n: watch.missing })}</span>}
      {writer && <span data-testid="writer-running">· {t(`live.writer.${writer}`)}</span>}
      {waiting && (
        <span style={WARN} data-testid="writers-waiting">
          · {t('live.waiting', { what: waiting })}
        </span>
      )}
      {(watch.state === 'watching' || paused) && (
        <button data-testid={paused ? 'watch-resume' : 'watch-pause'} onClick={() => void run(paused ? 'watch:resume' : 'watch:pause', {}).catch(() => undefined)}>
          {paused ? t('live.resume') : t('live.pause')}
        </button>
      )}
    </span>
  );
}
