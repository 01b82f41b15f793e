// A document's digital signatures as checked (SignatureJson): signer, organisation, time, whether
// the signed content still matches, bytes added after signing, and whether the certificate leads
// to a root the user trusts ("chưa xác minh được nguồn" otherwise).
import type { SignatureJson } from '../../../shared/types.js';
import { useI18n } from '../i18n/index.js';
import { formatDateTime, formatSize } from '../format.js';

function digest(s: SignatureJson, t: ReturnType<typeof useI18n>['t']): string {
  if (s.status === 'valid') return t('sig.digest.ok');
  if (s.status === 'broken') return t('sig.digest.broken');
  return t('sig.digest.error', { kind: s.errorKind ?? '—' });
}

export function SignatureList({ checks }: { checks: SignatureJson[] }) {
  const { t, lang } = useI18n();
  if (checks.length === 0) return <p className="muted">{t('sig.none')}</p>;
  return (
    <ol className="signatures" data-testid="signature-list">
      {checks.map((s, i) => {
        const after = s.modifiedAfterSigning ? t('sig.after.modified', { bytes: formatSize(s.bytesAfterSigning, lang) }) : s.coversWholeFile ? t('sig.after.none') : t('sig.after.covered');
        return (
          <li key={i} data-testid="signature" data-status={s.status} data-chain={s.chain ?? ''}>
            <dl className="fields">
              <div>
                <dt>{t('sig.signer')}</dt>
                <dd data-testid="signature-signer">{s.signer ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('sig.organisation')}</dt>
                <dd>{[s.organisation, ...s.units].filter(Boolean).join(' · ') || '—'}</dd>
              </div>
              <div>
                <dt>{t('sig.time')}</dt>
                <dd>{formatDateTime(s.time)}</dd>
              </div>
              <div className={s.status === 'valid' ? '' : 'error-text'}>
                <dt>{t('sig.digest')}</dt>
                <dd>{digest(s, t)}</dd>
              </div>
              <div className={s.modifiedAfterSigning ? 'error-text' : ''}>
                <dt>{t('sig.after')}</dt>
                <dd>{after}</dd>
              </div>
              {s.chain && (
                <div className={s.chain === 'broken-chain' ? 'error-text' : ''}>
                  <dt>{t('sig.chain')}</dt>
                  <dd data-testid="signature-chain">{t(`sig.chain.${s.chain}`)}</dd>
                </div>
              )}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
