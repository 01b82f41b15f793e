// PDF preview drawn by pdf.js into a canvas. Chromium's own PDF viewer is refused inside a
// sandboxed frame (ERR_BLOCKED_BY_CLIENT) and Electron's sandbox refuses it the same way, so the
// renderer reads the bytes itself. pdf.js is loaded on first use only: the dashboard never pays
// for it. The preview URL is same-origin (loopback bridge) or kc-doc: (Electron), both allowed by
// the CSP's connect-src.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useI18n } from '../i18n/index.js';
import { useLoad } from '../state.js';
import { PDFJS_ASSETS, loadPdfJs } from './pdfjs.js';

type Failure = 'encrypted' | 'damaged' | 'unreadable';

/** pdf.js names its exceptions; only the name survives the worker boundary reliably. */
function failureOf(e: unknown): Failure {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'PasswordException') return 'encrypted';
  if (name === 'InvalidPDFException' || name === 'FormatError') return 'damaged';
  return 'unreadable';
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** Mount one per document (`key={id}`): its page, zoom and "drawn" state belong to that document. */
export function PdfPreview({ id }: { id: string }) {
  const { t } = useI18n();
  const url = useLoad('docs:previewUrl', { id }, [id]);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [page, setPage] = useState(1);
  /** null = fit the width of the panel. */
  const [zoom, setZoom] = useState<number | null>(null);
  /** The page last drawn completely (tests and screen readers wait for it). */
  const [drawn, setDrawn] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const src = url.data;
    if (!src) return;
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    setDoc(null);
    setFailure(null);
    setPage(1);
    void loadPdfJs()
      .then((lib) => lib.getDocument({
          url: src,
          isEvalSupported: false,
          enableXfa: false,
          // Shipped beside the build by vite.config.mjs (decoders for JBIG2 / JPEG 2000 scans, fonts).
          wasmUrl: PDFJS_ASSETS + 'wasm/',
          iccUrl: PDFJS_ASSETS + 'iccs/',
          standardFontDataUrl: PDFJS_ASSETS + 'standard_fonts/',
        }).promise)
      .then((d) => {
        loaded = d;
        if (cancelled) void d.destroy();
        else setDoc(d);
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailure(failureOf(e));
      });
    return () => {
      cancelled = true;
      if (loaded) void loaded.destroy();
    };
  }, [url.data]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc
      .getPage(page)
      .then((p) => {
        if (cancelled || !canvas.current) return;
        const base = p.getViewport({ scale: 1 });
        const width = (box.current?.clientWidth ?? base.width) - 2;
        const scale = zoom ?? Math.max(0.25, width / base.width);
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: scale * ratio });
        const c = canvas.current;
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        c.style.width = `${Math.floor(viewport.width / ratio)}px`;
        c.style.height = `${Math.floor(viewport.height / ratio)}px`;
        task = p.render({ canvas: c, viewport });
        return task.promise.then(() => {
          if (!cancelled) setDrawn(page);
        });
      })
      .catch((e: unknown) => {
        // A cancelled render (page or zoom changed meanwhile) is not a failure.
        if (!cancelled && !(typeof e === 'object' && e !== null && (e as { name?: string }).name === 'RenderingCancelledException')) setFailure(failureOf(e));
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  if (url.error) return <p className="muted">{t('preview.unavailable')}</p>;
  if (failure) {
    return (
      <p className="error-text" data-testid="preview-failure" data-failure={failure}>
        {t(`preview.${failure}`)}
      </p>
    );
  }
  const pages = doc?.numPages ?? 0;
  const zoomIndex = zoom === null ? -1 : ZOOMS.indexOf(zoom);
  return (
    <div className="pdf-preview" data-testid="pdf-preview">
      <div className="row preview-bar">
        <button onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1} aria-label={t('preview.prev')}>
          ‹
        </button>
        <span data-testid="preview-page">{pages ? t('preview.page', { page, pages }) : t('common.loading')}</span>
        <button onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={page >= pages} aria-label={t('preview.next')}>
          ›
        </button>
        <button onClick={() => setZoom(ZOOMS[Math.max(0, (zoomIndex < 0 ? 2 : zoomIndex) - 1)] ?? null)} aria-label={t('preview.zoomOut')}>
          −
        </button>
        {/* At fit width the button below says so (disabled); a chosen zoom shows its percentage. */}
        {zoom !== null && <span>{`${Math.round(zoom * 100)}%`}</span>}
        <button onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, (zoomIndex < 0 ? 2 : zoomIndex) + 1)] ?? null)} aria-label={t('preview.zoomIn')}>
          +
        </button>
        <button onClick={() => setZoom(null)} disabled={zoom === null}>
          {t('preview.fitWidth')}
        </button>
      </div>
      <div className="preview-canvas" ref={box} data-testid="preview-drawn" data-page={drawn}>
        <canvas ref={canvas} data-testid="preview-canvas" />
      </div>
    </div>
  );
}
