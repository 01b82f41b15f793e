// Documents: a virtualised table (thousands of rows stay smooth), filters, and a detail panel.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { DocumentJson } from '../../../shared/types.js';
import { DocumentDetail } from '../components/document-detail.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad, useRoute } from '../state.js';
import { formatDate, vietnameseCollator } from '../format.js';

export const FILTERS = ['all', 'unassigned', 'errors', 'scans', 'outsideYear', 'duplicates'] as const;
type Filter = (typeof FILTERS)[number];

function applyFilter(docs: DocumentJson[], filter: Filter, year: number | null): DocumentJson[] {
  switch (filter) {
    case 'unassigned':
      return docs.filter((d) => d.criteria.length === 0);
    case 'errors':
      return docs.filter((d) => d.error !== null);
    case 'scans':
      return docs.filter((d) => d.ocr || (d.kind === 'pdf' && !d.error && d.textQuality !== 'usable'));
    case 'outsideYear':
      return year === null ? [] : docs.filter((d) => d.date !== null && Number(d.date.slice(0, 4)) !== year);
    case 'duplicates': {
      const counts = new Map<string, number>();
      for (const d of docs) counts.set(d.sha256, (counts.get(d.sha256) ?? 0) + 1);
      return docs.filter((d) => (counts.get(d.sha256) ?? 0) > 1);
    }
    default:
      return docs;
  }
}

const ROW_HEIGHT = 34;

export function DocumentsScreen() {
  const { t } = useI18n();
  const { workspace } = useApp();
  const [route, go] = useRoute();
  const filter: Filter = (FILTERS as readonly string[]).includes(route[1] ?? '') ? (route[1] as Filter) : 'all';
  const docs = useLoad('docs:list', {}, []);
  const [selected, setSelected] = useState<string | null>(null);
  const rows = useMemo(() => {
    const list = applyFilter(docs.data ?? [], filter, workspace?.settings.year ?? null);
    return [...list].sort((a, b) => vietnameseCollator.compare(a.relPath, b.relPath));
  }, [docs.data, filter, workspace?.settings.year]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  return (
    <div className={selected ? 'documents with-detail' : 'documents'}>
      <div className="documents-main">
        <div className="filters" role="tablist">
          {FILTERS.map((f) => (
            <button key={f} role="tab" aria-selected={f === filter} className={f === filter ? 'active' : ''} data-testid={`filter-${f}`} onClick={() => go(`/documents/${f}`)}>
              {t(`docs.filter.${f}`)}
            </button>
          ))}
          <span className="spacer" />
          <span className="muted" data-testid="documents-count" data-count={rows.length}>
            {t('docs.count', { n: rows.length })}
          </span>
        </div>
        {docs.error && <p className="error-text">{docs.error.message}</p>}
        <div className="table-head doc-grid">
          <span>{t('docs.col.file')}</span>
          <span>{t('docs.col.number')}</span>
          <span>{t('docs.col.type')}</span>
          <span>{t('docs.col.date')}</span>
          <span>{t('docs.col.title')}</span>
          <span>{t('docs.col.criteria')}</span>
        </div>
        <div className="table-body" ref={parent} data-testid="documents-scroll">
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const d = rows[v.index];
              if (!d) return null;
              return (
                <div
                  key={d.id}
                  className={`doc-grid row${d.error ? ' has-error' : ''}${selected === d.id ? ' selected' : ''}`}
                  data-testid="document-row"
                  data-doc-id={d.id}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData('application/x-kiemchung-doc', d.id);
                    e.dataTransfer.effectAllowed = 'link';
                  }}
                  onClick={() => setSelected(d.id)}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: `${ROW_HEIGHT}px`, transform: `translateY(${v.start}px)` }}
                >
                  <span className="file" title={d.path}>
                    {d.relPath}
                  </span>
                  <span>{d.number ?? '—'}</span>
                  <span>{d.type ?? '—'}</span>
                  <span>{formatDate(d.date)}</span>
                  <span className="ellipsis" title={d.title ?? ''}>
                    {d.error ? <span className="error-text">{d.error.kind}</span> : (d.title ?? '—')}
                  </span>
                  <span>{d.criteria.map((c) => c.code).join(', ') || '—'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {selected && <DocumentDetail id={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
