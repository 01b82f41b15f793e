// Full-text search (diacritics optional); a hit opens the document's detail.
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/types.js';
import { ApiCallError } from '../api.js';
import { DocumentDetail } from '../components/document-detail.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';

export function SearchScreen() {
  const { t } = useI18n();
  const { client, reportError } = useApp();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let live = true;
    // Debounced: search as the user types without a query per keystroke.
    const timer = setTimeout(() => {
      void client.call('search:query', { query: q, limit: 100 }).then((r) => {
        if (!live) return;
        if (r.ok) setHits(r.value);
        else reportError(new ApiCallError(r.error));
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, client, reportError]);

  return (
    <div className={selected ? 'search with-detail' : 'search'}>
      <div className="search-main">
        <input className="search-input" type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search.placeholder')} data-testid="search-input" />
        {hits && (
          <p className="muted" data-testid="search-count" data-count={hits.length}>
            {hits.length ? t('search.results', { n: hits.length }) : t('search.none')}
          </p>
        )}
        <ul className="hits">
          {(hits ?? []).map((h) => (
            <li key={h.id} data-testid="search-hit" data-doc-id={h.id}>
              <button className="link" onClick={() => setSelected(h.id)}>
                {h.relPath}
              </button>
              <p className="snippet">{h.snippet}</p>
            </li>
          ))}
        </ul>
      </div>
      {selected && <DocumentDetail id={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
