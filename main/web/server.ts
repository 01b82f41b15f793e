// Loopback bridge: serves the built renderer and the same typed API the Electron preload exposes,
// on 127.0.0.1 only, random port, with a per-session token required on every API call. Used by
// `npm start` where Electron cannot run, by `npm run dev` (behind Vite) and by the e2e tests.
// Transport only: every call goes to main/api's dispatcher.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { apiError, EVENT_NAMES, type ApiError } from '../../shared/api.js';
import { dispatch } from '../api/dispatch.js';
import { toApiError } from '../api/errors.js';
import { documentFile } from '../api/paths.js';
import { diskPathOf } from '../engine/db/disk-path.js';
import type { HandlerContext } from '../api/registry.js';
import { Session } from '../api/session.js';
import { findDocument } from '../engine/query/documents.js';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'", // pdf.js's image decoders are WebAssembly
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // pdf.js's worker (the preview)
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
  /** How long a request body may take to arrive (BODY_TIMEOUT_MS by default). */
  bodyTimeoutMs?: number;
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

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  send(res, status, JSON.stringify({ ok: false, error }), 'application/json');
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body must arrive whole within this time: a client that trickles it is cut off. */
export const BODY_TIMEOUT_MS = 10_000;

/** A request the bridge cannot read: answered with its HTTP status (400, 408, 413), never 500. */
class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

function readBody(req: http.IncomingMessage, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | null, value?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new BadRequest(408, `request body not received within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY) finish(new BadRequest(413, `request body too large (more than ${MAX_BODY} bytes)`));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', (e) => finish(new BadRequest(400, e.message)));
    req.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        finish(null, text ? (JSON.parse(text) as unknown) : {});
      } catch (e) {
        finish(new BadRequest(400, (e as Error).message));
      }
    });
  });
}

/** Answers a request that could not be read and closes its connection (its body may still be coming). */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: ApiError): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
  sendError(res, status, error);
}

/** decodeURIComponent that says "bad request" instead of throwing URIError. */
function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
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
  const session = options.session ?? new Session('web', { rememberRecent: true, live: true });
  let origin = '';
  const ctx: HandlerContext = {
    session,
    shell: { previewUrl: (id) => `/files/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}` },
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', origin);
      } catch {
        send(res, 400, 'bad request target');
        return;
      }
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
        sendError(res, 403, apiError('forbidden', { reason: 'token', path: null, root: null }, 'missing or wrong session token'));
        return;
      }
      const reqOrigin = req.headers.origin;
      if (reqOrigin && reqOrigin !== origin && reqOrigin !== origin.replace('127.0.0.1', 'localhost') && !(options.allowOrigins ?? []).includes(reqOrigin)) {
        sendError(res, 403, apiError('forbidden', { reason: 'origin', path: null, root: null }, `origin ${reqOrigin} may not call this API`));
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        // A page whose engine went away tries again this soon (EventSource's own retry).
        res.write('retry: 1500\n: connected\n\n');
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
        const ref = decoded(url.pathname.slice('/files/'.length));
        if (ref === null) {
          send(res, 400, 'bad document reference');
          return;
        }
        try {
          const ws = session.require();
          const doc = findDocument(ws, ref);
          // The file as named on disk (doc.path is NFC: for an NFD name, another file or none).
          const file = documentFile(ws, diskPathOf(ws.reader, doc.id) ?? doc.path);
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
      const name = decoded(url.pathname.slice('/api/'.length));
      if (name === null) {
        refuse(req, res, 400, apiError('invalid-argument', { call: url.pathname.slice('/api/'.length), field: '', issue: 'bad-call-name', value: null }, 'Unreadable request: the call name is not valid percent-encoding.'));
        return;
      }
      let args: unknown;
      try {
        args = await readBody(req, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
      } catch (e) {
        const status = e instanceof BadRequest ? e.status : 400;
        refuse(req, res, status, apiError('invalid-argument', { call: name, field: '', issue: 'unreadable-body', value: null }, `Unreadable request: ${(e as Error).message}`));
        return;
      }
      const result = await dispatch(name, args, ctx);
      send(res, 200, JSON.stringify(result), 'application/json');
    })().catch((e: unknown) => {
      console.error('kiemchung: request failed:', e);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  // Scans and exports answer when they finish; Node's default 5-minute request limit would cut them.
  // A request body must still arrive within BODY_TIMEOUT_MS (readBody).
  server.requestTimeout = 0;
  // Idle keep-alive connections are closed by the client first: a server closing one (after Node's
  // 5 s) while the client reuses it resets the client's next request (seen when the engine's event
  // loop was busy past those 5 s).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  // After a restart the page that was open finds its workspace again (not the start screen).
  await session.restoreLast();
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void session.shutdown().then(resolve));
      }),
  };
}
