// The engine in Electron's utility process: SQLite, scans, OCR and exports never block the main
// (UI) process. Speaks a tiny message protocol with main over process.parentPort:
//   main → host {id, name, args} (an API call, already allowed by main) | {id, resolveDocument}
//   host → main {id, result} | {event, payload}
import type { ApiResult } from '../../shared/api.js';
import { dispatch } from '../api/dispatch.js';
import { toApiError } from '../api/errors.js';
import { documentFile } from '../api/paths.js';
import { diskPathOf } from '../engine/db/disk-path.js';
import type { HandlerContext } from '../api/registry.js';
import { Session } from '../api/session.js';
import { findDocument } from '../engine/query/documents.js';

type Inbound = { id: number; name: string; args: unknown } | { id: number; resolveDocument: string };

const port = process.parentPort;
const session = new Session('electron', { rememberRecent: true, live: true });
const ctx: HandlerContext = { session, shell: { previewUrl: (id) => `kc-doc://doc/${encodeURIComponent(id)}` } };

session.onPush((event, payload) => port.postMessage({ event, payload }));
// A restarted engine opens the workspace that was open when it stopped.
void session.restoreLast();

port.on('message', (e: { data: Inbound }) => {
  const msg = e.data;
  void (async () => {
    let result: ApiResult<unknown>;
    if ('resolveDocument' in msg) {
      try {
        const ws = session.require();
        const doc = findDocument(ws, msg.resolveDocument);
        // The file as named on disk (doc.path is NFC: for an NFD name, another file or none).
        result = { ok: true, value: documentFile(ws, diskPathOf(ws.reader, doc.id) ?? doc.path) };
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
