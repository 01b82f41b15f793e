// Renderer build (React 19 + Vite 8). Output: renderer/dist, loaded by Electron from the app
// package and served by the loopback bridge (main/web). `npm run dev` proxies the API to the
// bridge (see main/web/dev.ts), which passes KIEMCHUNG_API_ORIGIN.
import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.KIEMCHUNG_API_ORIGIN;

// The built UI carries its CSP in the page too (Electron's app: protocol and the bridge also send
// it as a header). Not in dev: React Fast Refresh injects an inline script.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self' kc-doc:; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('vite').Plugin} */
const cspMeta = {
  name: 'kiemchung-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' }],
};

// pdf.js (the preview) loads its image decoders (JBIG2, JPEG 2000, colour profiles) as WebAssembly
// and the standard PDF fonts from folders it is given by URL: ship them beside the build, unhashed.
const PDFJS_ASSETS = ['wasm', 'standard_fonts', 'iccs'];
/** @type {import('vite').Plugin} */
const pdfjsAssets = {
  name: 'kiemchung-pdfjs-assets',
  apply: 'build',
  generateBundle() {
    for (const dir of PDFJS_ASSETS) {
      const src = path.resolve('node_modules', 'pdfjs-dist', dir);
      for (const f of fs.readdirSync(src)) this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${f}`, source: fs.readFileSync(path.join(src, f)) });
    }
  },
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta, pdfjsAssets],
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome130', sourcemap: false, chunkSizeWarningLimit: 1024 },
  server: {
    host: '127.0.0.1',
    proxy: api ? { '/api': { target: api, changeOrigin: true }, '/files': { target: api, changeOrigin: true } } : undefined,
  },
});
