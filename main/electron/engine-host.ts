// The engine in Electron's utility process: SQLite, scans, OCR and exports never block the main
// (UI) process. Speaks a tiny message protocol with main over process.parentPort:
//   main → host {id, name, args} (an API call, already allowed by main) | {id, resolveDocument}
//   host → main {id, result} | {event, payload}
import type { ApiResult } from '../../shared/api.js';
import { findDocument } from '../engine/query/documents.js';
import { toApiError } from '../web/failure.js';
import { dispatch, type HandlerContext } from '../web/handlers.js';
import { documentFile } from '../web/paths.js';
import { Session } from '../web/session.js';

type Inbound = { id: number; name: string; args: unknown } | { id: number; resolveDocument: string };

const port = process.parentPort;
const session = new Session('electron');
const ctx: HandlerContext = { session, shell: { previewUrl: (id) => `kc-doc://doc/${encodeURIComponent(id)}` } };

session.onPush((event, payload) => port.postMessage({ event, payload }));

port.on('message', (e: { data: Inbound }) => {
  const msg = e.data;
  void (async () => {
    let result: ApiResult<unknown>;
    if ('resolveDocument' in msg) {
      try {
        const ws = session.require();
        result = { ok: true, value: documentFile(ws, findDocument(ws, msg.resolveDocument).path) };
      } catch (err) {
        result = { ok: false, error: toApiError(err) };
      }
    } else {
      result = await dispatch(msg.name, msg.args, ctx);
    }
    port.postMessage({ id: msg.id, result });
  })();
});

process.on('uncaughtException', (err) => {
  port.postMessage({ event: 'app:error', payload: { message: `The engine failed: ${err.message}`, detail: err.stack ?? null } });
  process.exit(70);
});
