// Link several chosen documents to one criterion at once: one `review:assign` per document (each
// recorded in history, as when linking one by one).
import { useMemo, useState } from 'react';
import { compareCodes } from '../../../shared/criterion-code.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';

export function AssignBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const { run, bump } = useApp();
  const status = useLoad('status:get', {}, []);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ n: number; code: string } | null>(null);
  const leaves = useMemo(() => {
    const criteria = status.data?.criteria ?? [];
    const parents = new Set(criteria.map((c) => c.parent));
    return criteria.filter((c) => !parents.has(c.code) && c.status !== 'not-applicable').sort((a, b) => compareCodes(a.code, b.code));
  }, [status.data]);

  const assign = async (): Promise<void> => {
    if (!code) return;
    setBusy(true);
    let n = 0;
    try {
      for (const doc of ids) {
        await run('review:assign', { doc, code });
        n++;
      }
    } catch {
      // run() listed the failure; the documents linked so far stay linked.
    } finally {
      setBusy(false);
      setDone({ n, code });
      bump();
      if (n === ids.length) onDone();
    }
  };

  return (
    <div className="assign-bar" data-testid="assign-bar" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', padding: '0.25rem 0.5rem', background: '#f2f6fd' }}>
      <span data-testid="picked-count" data-count={ids.length}>
        {t('docsTable.picked', { n: ids.length })}
      </span>
      <select data-testid="assign-code" aria-label={t('docsTable.assignTo')} value={code} onChange={(e) => setCode(e.target.value)}>
        <option value="">{t('docsTable.assignTo')}</option>
        {leaves.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code}. {c.title.length > 70 ? `${c.title.slice(0, 70)}…` : c.title}
          </option>
        ))}
      </select>
      <button data-testid="assign-many" disabled={!code || busy} onClick={() => void assign()}>
        {busy ? t('docsTable.assigning') : t('docsTable.assign')}
      </button>
      {done && (
        <span className="muted" data-testid="assign-done">
          {t('docsTable.assigned', { n: done.n, code: done.code })}
        </span>
      )}
    </div>
  );
}
