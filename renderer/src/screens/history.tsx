// History: who decided what, when (links, reviews, self-scores, corrections, pack changes), newest
// first, narrowed to one criterion (#/history/criterion/CODE) or one document (#/history/doc/ID).
import type { HistoryEntryJson } from '../../../shared/api.js';
import { useI18n } from '../i18n/index.js';
import type { Translate } from '../i18n/index.js';
import { vi, type MessageKey } from '../i18n/vi.js';
import { useApp, useLoad, useRoute } from '../state.js';
import { formatDate, formatDateTime, formatNumber } from '../format.js';

const LIMIT = 500;

const FIELD_WORD: Record<string, MessageKey> = {
  number: 'docs.col.number',
  date: 'docs.col.date',
  type: 'docs.col.type',
  title: 'docs.col.title',
  issuer: 'docs.issuer',
  place: 'docs.place',
};

function isKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** A criterion title cut for the filter list, at a word boundary (a cut word reads as another word). */
function shortTitle(title: string, max = 60): string {
  if (title.length <= max) return title;
  const cut = title.lastIndexOf(' ', max);
  return `${title.slice(0, cut > 20 ? cut : max)}…`;
}

function actionWord(t: Translate, action: string): string {
  const key = `history.action.${action}`;
  return isKey(key) ? t(key) : t('history.action.other', { action });
}

/** What the entry changed, in a few words: the note, the points, the corrected fields. */
function detailWords(t: Translate, lang: 'vi' | 'en', h: HistoryEntryJson): string {
  const d = h.detail;
  const parts: string[] = [];
  if (typeof d.note === 'string' && d.note) parts.push(`“${d.note}”`);
  if (h.action === 'score') {
    if (d.notApplicable === true) parts.push(t('history.notApplicable'));
    else parts.push(t('history.points', { points: typeof d.selfScore === 'number' ? formatNumber(d.selfScore, lang) : '—' }));
    if (typeof d.explanation === 'string' && d.explanation) parts.push(`“${d.explanation}”`);
  }
  if (h.action === 'fix' && d.fields && typeof d.fields === 'object') {
    for (const [field, change] of Object.entries(d.fields as Record<string, { from: string | null; to: string | null }>)) {
      const show = (v: string | null): string => (v === null ? '—' : field === 'date' ? formatDate(v) : v);
      const key = FIELD_WORD[field];
      const name = key ? t(key) : field;
      parts.push(`${name}: ${show(change.from)} → ${show(change.to)}`);
    }
  }
  const str = (v: unknown): string => (typeof v === 'string' && v ? v : '—');
  if (h.action.startsWith('offices:')) {
    if (h.action === 'offices:seed') parts.push(t('history.officesSeed', { n: Array.isArray(d.added) ? d.added.length : 0 }));
    else if (h.action === 'offices:merge') parts.push(`${str(d.from)} → ${str(d.into)}`);
    else if (h.action === 'offices:alias' || h.action === 'offices:unalias') parts.push(`${str(d.alias)} → ${str(d.office)}`);
    else if (h.action === 'offices:members') parts.push(`${str(d.group)}: ${Array.isArray(d.members) ? d.members.map(str).join(', ') : '—'}`);
    else if ('from' in d || 'to' in d) parts.push(`${typeof d.path === 'string' ? `${d.path}: ` : ''}${str(d.from)} → ${str(d.to)}`);
    else if (typeof d.name === 'string') parts.push(d.name);
  }
  if (h.action === 'pack-edit' && Array.isArray(d.changed)) parts.push(t('history.changed', { n: d.changed.length }));
  if (h.action === 'pack-use' && d.after && typeof d.after === 'object' && typeof (d.after as { name?: unknown }).name === 'string') {
    parts.push((d.after as { name: string }).name);
  }
  return parts.join(' · ');
}

export function HistoryScreen() {
  const { t, lang } = useI18n();
  const { workspace } = useApp();
  const [route, go] = useRoute();
  const by = route[1] === 'criterion' || route[1] === 'doc' ? route[1] : null;
  const ref = by ? (route[2] ?? '') : '';
  const args = by === 'criterion' ? { code: ref, limit: LIMIT } : by === 'doc' ? { doc: ref, limit: LIMIT } : { limit: LIMIT };
  const history = useLoad('review:history', workspace ? args : null, [by, ref]);
  const pack = useLoad('packs:workspace', workspace ? {} : null, [workspace?.dir]);
  const entries = history.data ?? [];
  const named = entries.find((h) => typeof h.detail.relPath === 'string')?.detail.relPath;
  const docName = typeof named === 'string' ? named : ref;

  return (
    <div className="history" data-testid="history">
      <div className="row filters">
        <label>
          {t('history.criterion')}{' '}
          <select value={by === 'criterion' ? ref : ''} onChange={(e) => go(e.target.value ? `/history/criterion/${encodeURIComponent(e.target.value)}` : '/history')} data-testid="history-criterion">
            <option value="">{t('history.all')}</option>
            {(pack.data?.criteria ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}. {shortTitle(c.title)}
              </option>
            ))}
          </select>
        </label>
        {by === 'doc' && (
          <span className="chip" data-testid="history-doc-filter">
            {t('history.forDocument', { doc: docName })}{' '}
            <button className="link" onClick={() => go('/history')}>
              {t('history.all')}
            </button>
          </span>
        )}
        <span className="muted" data-testid="history-count" data-count={entries.length}>
          {entries.length >= LIMIT ? t('history.latest', { n: LIMIT }) : t('history.count', { n: entries.length })}
        </span>
      </div>
      {history.error && <p className="notice">{t('history.error')}</p>}
      {history.data && entries.length === 0 && <p className="muted">{t('history.none')}</p>}
      {entries.length > 0 && (
        <table className="history-table">
          <thead>
            <tr>
              <th>{t('history.at')}</th>
              <th>{t('history.actor')}</th>
              <th>{t('history.action')}</th>
              <th>{t('history.criterion')}</th>
              <th>{t('history.document')}</th>
              <th>{t('history.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((h) => (
              <tr key={h.id} data-testid="history-row" data-action={h.action}>
                <td className="num">{formatDateTime(h.at)}</td>
                <td>{h.actor}</td>
                <td>{actionWord(t, h.action)}</td>
                <td>{h.criterionCode ? <a href={`#/criterion/${encodeURIComponent(h.criterionCode)}`}>{h.criterionCode}</a> : '—'}</td>
                <td>
                  {typeof h.detail.relPath === 'string' && typeof h.detail.document === 'string' ? (
                    <a href={`#/history/doc/${encodeURIComponent(h.detail.document)}`}>{h.detail.relPath}</a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{detailWords(t, lang, h)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
