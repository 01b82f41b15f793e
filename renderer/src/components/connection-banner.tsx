// Shown while the engine does not answer (stopped, restarting, or the machine asleep): the page
// keeps trying by itself (api.ts) and, once the engine is back, reloads what it shows; a
// restarted engine has reopened the last workspace, so the clerk lands where they were.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';

const BACK_SHOWN_MS = 3000;
// Inline: the stylesheet belongs to the screens; the banner must show whatever screen is up.
const STYLE = { position: 'sticky', top: 0, zIndex: 50, padding: '8px 16px', color: '#fff' } as const;

export function ConnectionBanner() {
  const { t } = useI18n();
  const { connected } = useApp();
  const [back, setBack] = useState(false);
  const wasLost = useRef(false);
  useEffect(() => {
    if (!connected) {
      wasLost.current = true;
      setBack(false);
      return;
    }
    if (!wasLost.current) return;
    wasLost.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), BACK_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [connected]);
  if (connected && !back) return null;
  return (
    <div className="connection-banner" style={{ ...STYLE, background: connected ? '#067647' : '#b42318' }} role={connected ? 'status' : 'alert'} data-testid="connection-banner" data-connected={String(connected)}>
      {connected ? (
        <strong>{t('conn.back')}</strong>
      ) : (
        <>
          <strong>{t('conn.lost')}</strong> <span>{t('conn.hint')}</span>
        </>
      )}
    </div>
  );
}
