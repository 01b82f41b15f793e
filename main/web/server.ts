// Loopback bridge: serves the built renderer and the same typed API the Electron preload exposes,
// on 127.0.0.1 only, random port, with a per-session token required on every API call. Used by
// `npm start` where Electron cannot run, by `npm run dev` (behind Vite) and by the e2e tests.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EVENT_NAMES } from '../../shared/api.js';
import { findDocument } from '../engine/query/documents.js';
import { toApiError } from './failure.js';
import { dispatch, type HandlerContext } from './handlers.js';
import { documentFile } from './paths.js';
import { Session } from './session.js';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 1024 * 1024;

export interface ServerOptions {
  staticDir: string;
  port?: number;
  token?: string;
  session?: Session;
  /** Extra origins allowed to call the API (the Vite dev server). */
  allowOrigins?: string[];
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  session: Session;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

function serveStatic(staticDir: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    send(res, 400, 'bad path');
    return;
  }
  const root = path.resolve(staticDir);
  let file = path.resolve(root, `.${rel}`);
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    send(res, 403, 'forbidden');
    return;
  }
  // The UI routes with the hash; any other unknown path gets the app.
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    send(res, 500, `The UI is not built (${file} is missing). Run: npm run build`);
    return;
  }
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (file.endsWith('.html')) {
    headers['Content-Security-Policy'] = CSP;
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = options.session ?? new Session('web');
  let origin = '';
  const ctx: HandlerContext = {
    session,
    shell: { previewUrl: (id) => `/files/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}` },
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      // DNS-rebinding guard: only our own host name reaches the API.
      const host = req.headers.host ?? '';
      const port = new URL(origin).port;
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        send(res, 421, 'wrong host');
        return;
      }
      const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/files/');
      if (!isApi) {
        if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, 'method not allowed');
        else serveStatic(options.staticDir, url.pathname, res);
        return;
      }
      const given = (req.headers['x-kiemchung-token'] as string | undefined) ?? url.searchParams.get('token');
      if (!sameToken(given, token)) {
        send(res, 403, JSON.stringify({ ok: false, error: { kind: 'forbidden', message: 'missing or wrong session token' } }), 'application/json');
        return;
      }
      const reqOrigin = req.headers.origin;
      if (reqOrigin && reqOrigin !== origin && reqOrigin !== origin.replace('127.0.0.1', 'localhost') && !(options.allowOrigins ?? []).includes(reqOrigin)) {
        send(res, 403, JSON.stringify({ ok: false, error: { kind: 'forbidden', message: `origin ${reqOrigin} may not call this API` } }), 'application/json');
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        const off = session.onPush((name, payload) => {
          if (EVENT_NAMES.includes(name)) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
        });
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => {
          clearInterval(ping);
          off();
        });
        return;
      }
      if (url.pathname.startsWith('/files/') && req.method === 'GET') {
        try {
          const ws = session.require();
          const doc = findDocument(ws, decodeURIComponent(url.pathname.slice('/files/'.length)));
          const file = documentFile(ws, doc.path);
          res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
          fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
        } catch (e) {
          send(res, 404, toApiError(e).message);
        }
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, 'method not allowed');
        return;
      }
      let args: unknown;
      try {
        args = await readBody(req);
      } catch (e) {
        send(res, 400, JSON.stringify({ ok: false, error: { kind: 'invalid-argument', message: `Unreadable request: ${(e as Error).message}` } }), 'application/json');
        return;
      }
      const result = await dispatch(decodeURIComponent(url.pathname.slice('/api/'.length)), args, ctx);
      send(res, 200, JSON.stringify(result), 'application/json');
    })().catch((e: unknown) => {
      console.error('kiemchung: request failed:', e);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  // Scans and exports answer when they finish; Node's default 5-minute request limit would cut them.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        session.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
