// Documents: a virtualised table (thousands of rows stay smooth) with sortable columns, a text
// filter (diacritics optional), the engine's filters (facets) with counts, keyboard navigation,
// multi-select to link several documents at once, and a detail panel.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { DOCUMENT_FACETS, type DocumentFacet, type DocumentJson } from '../../../shared/types.js';
import { DocumentDetail } from '../components/document-detail.js';
import { useI18n } from '../i18n/index.js';
import { useLoad, useRoute } from '../state.js';
import { formatDate } from '../format.js';
import { AssignBar } from './documents-assign.js';
import { facetCounts, officeLabel, reviewOf, selectRows, type Sort, type SortKey } from './documents-rows.js';

export const FILTERS = ['all', ...DOCUMENT_FACETS] as const;
type Filter = (typeof FILTERS)[number];

const ROW_HEIGHT = 34;
const GRID = { gridTemplateColumns: 'minmax(12rem, 2fr) minmax(6rem, 1fr) 8rem 4rem 6.5rem minmax(10rem, 3fr) 6rem 7rem' };
const COLUMNS: SortKey[] = ['file', 'office', 'number', 'type', 'date', 'title', 'criteria', 'review'];

export function DocumentsScreen() {
  const { t, w } = useI18n();
  const [route, go] = useRoute();
  const filter: Filter = (FILTERS as readonly string[]).includes(route[1] ?? '') ? (route[1] as Filter) : 'all';
  const docs = useLoad('docs:list', { brief: true }, []);
  const [detail, setDetail] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'file', dir: 1 });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [cursor, setCursor] = useState<number>(-1);
  const anchor = useRef<number>(-1);
  const all = useMemo(() => docs.data ?? [], [docs.data]);
  const counts = useMemo(() => facetCounts(all), [all]);
  const facet: DocumentFacet | null = filter === 'all' ? null : filter;
  const rows = useMemo(() => selectRows(all, facet, query, sort), [all, facet, query, sort]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const moveTo = (i: number, extend: boolean): void => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (extend && anchor.current >= 0) setPicked(range(rows, anchor.current, next));
    else {
      anchor.current = next;
      setPicked(new Set([(rows[next] as DocumentJson).id]));
    }
  };

  const onRowClick = (e: MouseEvent, i: number, d: DocumentJson): void => {
    if (e.shiftKey && anchor.current >= 0) {
      setPicked(range(rows, anchor.current, i));
      setCursor(i);
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(picked);
      if (next.has(d.id)) next.delete(d.id);
      else next.add(d.id);
      setPicked(next);
      setCursor(i);
      anchor.current = i;
      return;
    }
    anchor.current = i;
    setCursor(i);
    setPicked(new Set([d.id]));
    setDetail(d.id);
  };

  const onKey = (e: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((parent.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const step = steps[e.key];
    if (step !== undefined) moveTo(cursor < 0 ? 0 : cursor + step, e.shiftKey);
    else if (e.key === 'Home') moveTo(0, e.shiftKey);
    else if (e.key === 'End') moveTo(rows.length - 1, e.shiftKey);
    else if (e.key === 'Enter' && rows[cursor]) setDetail((rows[cursor] as DocumentJson).id);
    else if (e.key === 'Escape') {
      if (detail) setDetail(null);
      else setPicked(new Set());
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) setPicked(new Set(rows.map((d) => d.id)));
    else return;
    e.preventDefault();
  };

  const header = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <button
        key={key}
        className="sort-head"
        data-testid={`sort-${key}`}
        aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
        onClick={() => setSort(active ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 })}
        style={{ all: 'unset', cursor: 'pointer', fontWeight: active ? 700 : undefined }}
      >
        {key === 'office' || key === 'review' ? t(`docsTable.col.${key}`) : t(`docs.col.${key}`)}
        {active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    );
  };

  return (
    <div className={detail ? 'documents with-detail' : 'documents'}>
      <div className="documents-main">
        <div className="filters" role="tablist">
          {FILTERS.map((f) => (
            <button key={f} role="tab" aria-selected={f === filter} className={f === filter ? 'active' : ''} data-testid={`filter-${f}`} data-count={f === 'all' ? all.length : counts[f]} onClick={() => go(`/documents/${f}`)}>
              {t(`docs.filter.${f}`)} ({f === 'all' ? all.length : counts[f]})
            </button>
          ))}
          <input type="search" data-testid="documents-filter" placeholder={t('docsTable.filterText')} aria-label={t('docsTable.filterText')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <span className="spacer" />
          <span className="muted" data-testid="documents-count" data-count={rows.length}>
            {t('docs.count', { n: rows.length })}
          </span>
        </div>
        {picked.size > 1 && <AssignBar ids={[...picked]} onDone={() => setPicked(new Set())} />}
        {docs.error && <p className="error-text">{w.error(docs.error.error)}</p>}
        <div className="table-head doc-grid" style={GRID}>
          {COLUMNS.map(header)}
        </div>
        <div
          className="table-body"
          ref={parent}
          data-testid="documents-scroll"
          tabIndex={0}
          role="grid"
          aria-multiselectable
          aria-rowcount={rows.length}
          aria-label={t('docsTable.tableLabel')}
          onKeyDown={onKey}
        >
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const d = rows[v.index];
              if (!d) return null;
              const review = reviewOf(d);
              const isPicked = picked.has(d.id);
              return (
                <div
                  key={d.id}
                  role="row"
                  aria-selected={isPicked}
                  aria-rowindex={v.index + 1}
                  className={`doc-grid row${d.error ? ' has-error' : ''}${isPicked || detail === d.id ? ' selected' : ''}${cursor === v.index ? ' cursor' : ''}`}
                  data-testid="document-row"
                  data-doc-id={d.id}
                  data-picked={isPicked ? 'true' : 'false'}
                  data-cursor={cursor === v.index ? 'true' : 'false'}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData('application/x-kiemchung-doc', d.id);
                    e.dataTransfer.effectAllowed = 'link';
                  }}
                  onMouseDown={(e) => {
                    if (e.shiftKey) e.preventDefault(); // no text selection on Shift-click
                  }}
                  onClick={(e) => onRowClick(e, v.index, d)}
                  style={{ ...GRID, position: 'absolute', top: 0, left: 0, right: 0, height: `${ROW_HEIGHT}px`, transform: `translateY(${v.start}px)`, outline: cursor === v.index ? '2px solid #6b93d6' : undefined, outlineOffset: -2 }}
                >
                  <span className="file" title={`${officeLabel(d)} — ${d.path}`}>
                    {d.relPath}
                  </span>
                  <span data-testid="document-office" title={d.root}>
                    {officeLabel(d)}
                  </span>
                  <span>{d.number ?? '—'}</span>
                  <span>{d.type ?? '—'}</span>
                  <span>{formatDate(d.date)}</span>
                  <span className="ellipsis" title={d.title ?? ''}>
                    {d.error ? <span className="error-text">{t(`docsTable.error.${d.error.kind}`)}</span> : (d.title ?? '—')}
                  </span>
                  <span>{d.criteria.map((c) => c.code).join(', ') || '—'}</span>
                  <span data-testid="document-review" data-review={review ?? ''}>
                    {review ? t(`review.${review}`) : '—'}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {detail && <DocumentDetail id={detail} onClose={() => setDetail(null)} />}
    </div>
  );
}

function range(rows: readonly DocumentJson[], a: number, b: number): Set<string> {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return new Set(rows.slice(lo, hi + 1).map((d) => d.id));
}
