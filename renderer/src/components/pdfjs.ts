// pdf.js for the renderer, loaded on first use only (the dashboard never pays for it), with the
// WebAssembly decoders and standard fonts vite.config.mjs ships beside the build.
type PdfJs = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return pdfjsPromise;
}

export const PDFJS_ASSETS = new URL('./pdfjs/', document.baseURI).href;
