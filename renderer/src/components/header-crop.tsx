// The header of a document as an image: the top of page 1 (the "Số:" line and the place-date
// line), drawn by pdf.js and enlarged, so a clerk reads the handwritten number and day beside
// the fields. pdf.js loads on first use only, as in pdf-preview.tsx.
import { useEffect, useRef, useState } from 'react';
import type { RenderTask } from 'pdfjs-dist';
import { useLoad } from '../state.js';
import { PDFJS_ASSETS, loadPdfJs } from './pdfjs.js';

/** The share of page 1's height the header takes (issuer, Số line, place-date line, title start). */
const TOP = 0.3;

export function HeaderCrop({ id, width = 760 }: { id: string; width?: number }) {
  const url = useLoad('docs:previewUrl', { id }, [id]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    const src = url.data;
    if (!src) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    let destroy: (() => Promise<void>) | null = null;
    setState('loading');
    void loadPdfJs()
      .then((lib) =>
        lib.getDocument({ url: src, isEvalSupported: false, enableXfa: false, wasmUrl: `${PDFJS_ASSETS}wasm/`, iccUrl: `${PDFJS_ASSETS}iccs/`, standardFontDataUrl: `${PDFJS_ASSETS}standard_fonts/` })
          .promise,
      )
      .then(async (doc) => {
        destroy = () => doc.destroy();
        if (cancelled) return;
        const page = await doc.getPage(1);
        const base = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const scale = (width / base.width) * ratio;
        const viewport = page.getViewport({ scale });
        const full = document.createElement('canvas');
        full.width = Math.floor(viewport.width);
        full.height = Math.floor(viewport.height);
        task = page.render({ canvas: full, viewport });
        await task.promise;
        const c = canvas.current;
        if (cancelled || !c) return;
        const h = Math.floor(full.height * TOP);
        c.width = full.width;
        c.height = h;
        c.style.width = `${Math.floor(full.width / ratio)}px`;
        c.style.height = `${Math.floor(h / ratio)}px`;
        c.getContext('2d')?.drawImage(full, 0, 0, full.width, h, 0, 0, full.width, h);
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      task?.cancel();
      void destroy?.();
    };
  }, [url.data, width]);

  return (
    <div className="header-crop" data-testid="header-crop" data-state={url.error ? 'failed' : state}>
      <canvas ref={canvas} />
    </div>
  );
}
