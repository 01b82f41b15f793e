// Malformed HTTP input to the loopback bridge, sent byte for byte on a raw socket: each gets a
// 4xx answer (never 500), a body that trickles in is cut off, and the bridge answers the next call.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/web/server.js';
import { tempDir } from '../helpers/corpus.js';

let server: RunningServer;
let port = 0;
const BODY_TIMEOUT_MS = 1_000;

/** Writes `parts` (with a pause between them) and returns the status line and how the connection ended. */
function raw(parts: (string | Buffer)[], pauseMs = 0, waitMs = 8_000): Promise<{ status: string; body: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    let closed = false;
    const end = (): void => {
      const [head = '', body = ''] = out.split('\r\n\r\n');
      resolve({ status: head.split('\r\n')[0] ?? '', body, closed });
    };
    socket.on('data', (d: Buffer) => (out += d.toString('utf8')));
    socket.on('close', () => {
      closed = true;
      end();
    });
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      void (async () => {
        for (const p of parts) {
          if (socket.destroyed) return;
          socket.write(p);
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      })();
    });
    setTimeout(() => {
      socket.destroy();
    }, waitMs).unref();
  });
}

const headers = (extra = ''): string => `Host: 127.0.0.1:${port}\r\nX-Kiemchung-Token: ${server.token}\r\n${extra}`;

beforeAll(async () => {
  process.env.KIEMCHUNG_HOME = tempDir('web-malformed-home');
  server = await startServer({ staticDir: tempDir('web-malformed-static'), bodyTimeoutMs: BODY_TIMEOUT_MS });
  port = Number(new URL(server.origin).port);
});

afterAll(async () => {
  await server?.close();
});

describe('malformed requests to the loopback bridge', () => {
  // Built once the server is up (they carry its port and token).
  const cases: [string, () => (string | Buffer)[], RegExp][] = [
    ['a call name that is not valid percent-encoding', () => [`POST /api/%E0%A4%A HTTP/1.1\r\n${headers('Connection: close\r\nContent-Length: 2\r\n')}\r\n{}`], / 400 /],
    ['a request target no URL parser accepts', () => [`GET http://[::1 HTTP/1.1\r\n${headers('Connection: close\r\n')}\r\n`], / 400 /],
    ['a document reference that is not valid percent-encoding', () => [`GET /files/%E0%A4%A HTTP/1.1\r\n${headers('Connection: close\r\n')}\r\n`], / 400 /],
    ['a body that is not JSON', () => [`POST /api/status:get HTTP/1.1\r\n${headers('Connection: close\r\nContent-Length: 3\r\n')}\r\n{x}`], / 400 /],
    ['a body that is not UTF-8', () => [Buffer.concat([Buffer.from(`POST /api/status:get HTTP/1.1\r\n${headers('Connection: close\r\nContent-Length: 4\r\n')}\r\n`), Buffer.from([0xff, 0xfe, 0x7b, 0x7d])])], / 400 /],
    ['a body larger than the limit', () => [`POST /api/status:get HTTP/1.1\r\n${headers('Connection: close\r\nContent-Length: 2000000\r\n')}\r\n`, 'x'.repeat(1_100_000)], / 413 /],
    ['a broken chunked body', () => [`POST /api/status:get HTTP/1.1\r\n${headers('Transfer-Encoding: chunked\r\n')}\r\nzz\r\n`], / 400 /],
    ['deeply nested JSON', () => [`POST /api/status:get HTTP/1.1\r\n${headers(`Connection: close\r\nContent-Length: ${200_000}\r\n`)}\r\n${'['.repeat(100_000)}${']'.repeat(100_000)}`], / 200 /],
  ];
  for (const [what, parts, status] of cases) {
    it(`${what}: ${status.source.trim()}`, async () => {
      const r = await raw(parts());
      expect(r.status).toMatch(status);
      expect(r.status).not.toMatch(/ 5\d\d /);
    });
  }

  it('a body that trickles in is cut off with 408 and the connection closed; the bridge answers the next call', async () => {
    const started = Date.now();
    // Announces 100 bytes, sends one every 300 ms: never done before the body deadline.
    const parts = [`POST /api/status:get HTTP/1.1\r\n${headers('Content-Length: 100\r\n')}\r\n`, ...Array.from({ length: 60 }, () => ' ')];
    const r = await raw(parts, 300, 30_000);
    expect(r.status).toMatch(/ 408 /);
    expect(r.closed).toBe(true);
    // The body may come chunked: the JSON is between its first '{' and its last '}'.
    expect(JSON.parse(r.body.slice(r.body.indexOf('{'), r.body.lastIndexOf('}') + 1))).toMatchObject({ ok: false, error: { kind: 'invalid-argument', params: { issue: 'unreadable-body' } } });
    console.log(`trickled body cut off after ${Date.now() - started} ms (limit ${BODY_TIMEOUT_MS} ms)`);
    const next = await fetch(`${server.origin}/api/app:info`, { method: 'POST', body: '{}', headers: { 'X-Kiemchung-Token': server.token } });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { ok: boolean }).ok).toBe(true);
  }, 60_000);
});
