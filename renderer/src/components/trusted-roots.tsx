// Settings section: the root certificates this workspace trusts (trust:*). Adding or removing one
// re-checks every signed document; the result is said in words, and views reload.
import { useState } from 'react';
import type { TrustJson } from '../../../shared/trust.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';
import { formatDate } from '../format.js';
import { useConfirm } from './confirm-dialog.js';

export function TrustedRoots() {
  const { t } = useI18n();
  const { run, bump } = useApp();
  const { ask, dialog } = useConfirm();
  const list = useLoad('trust:list', {}, []);
  const [file, setFile] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const roots = list.data?.roots ?? [];
  const done = (r: TrustJson, verb: 'add' | 'remove'): void => {
    const c = r.recheck;
    const main =
      verb === 'add' && r.changedRoots.length === 0
        ? t('trust.alreadyTrusted')
        : t(verb === 'add' ? 'trust.added' : 'trust.removed', { n: r.changedRoots.length, contents: c?.contents ?? 0, trusted: c?.trustedSignatures ?? 0 });
    setSaid(c && c.unreadable > 0 ? `${main} ${t('trust.unreadable', { n: c.unreadable })}` : main);
    list.reload();
    bump();
  };
  return (
    <section data-testid="trusted-roots">
      {dialog}
      <h2>{t('trust.heading')}</h2>
      <p className="muted small">{t('trust.hint')}</p>
      {roots.length === 0 && <p className="notice">{t('trust.none')}</p>}
      {roots.length > 0 && (
        <table className="roots">
          <thead>
            <tr>
              <th>{t('trust.col.name')}</th>
              <th>{t('trust.col.valid')}</th>
              <th>{t('trust.col.added')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roots.map((r) => (
              <tr key={r.sha256} data-testid="trust-row" data-sha256={r.sha256}>
                <td title={`${r.subject}\nSHA-256: ${r.sha256}`}>
                  <strong>{r.commonName ?? r.subject}</strong>
                  {r.organisation && <span className="muted"> · {r.organisation}</span>}
                  {!r.selfSigned && <div className="muted small">{t('trust.intermediate', { issuer: r.issuer })}</div>}
                </td>
                <td>{t('trust.validRange', { from: formatDate(r.notBefore), to: formatDate(r.notAfter) })}</td>
                <td className="muted">{formatDate(r.addedAt)}</td>
                <td>
                  <button
                    data-testid="trust-remove"
                    onClick={() =>
                      ask({ question: t('ask.removeTrust', { name: r.commonName ?? r.subject }), detail: t('ask.removeTrust.detail'), confirmLabel: t('common.remove') }, () =>
                        run('trust:remove', { sha256: r.sha256 }).then((x) => done(x, 'remove')),
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
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run('trust:add', { path: file.trim() }).then(
            (r) => {
              setFile('');
              done(r, 'add');
            },
            // Refusals are worded in the status bar's error list by run().
            () => undefined,
          );
        }}
      >
        <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('trust.file')} size={50} data-testid="trust-file" />
        <button type="submit" disabled={!file.trim()} data-testid="trust-add">
          {t('trust.add')}
        </button>
      </form>
      {said && (
        <p className="muted" data-testid="trust-said">
          {said}
        </p>
      )}
    </section>
  );
}
