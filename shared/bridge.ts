// The preload's object, built from the contract's name lists (api-names.ts) so nothing is copied
// by hand: one function per call that invokes it, one subscription per push event. The sandboxed
// preload bundles this file (main/electron/build-preload.mjs); the contract test loads the bundle.
import { CALL_NAMES, EVENT_NAMES, functionNameOf, listenerNameOf, type CallName, type EventName } from './api-names.js';
import type { KiemchungBridge } from './api.js';

export interface BridgeTransport {
  invoke(name: CallName, args: unknown): Promise<unknown>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildBridge(transport: BridgeTransport): KiemchungBridge {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) api[functionNameOf(name)] = (args: unknown) => transport.invoke(name, args);
  for (const name of EVENT_NAMES) api[listenerNameOf(name)] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener);
  // The loop writes exactly the mapped type's keys (functionNameOf/listenerNameOf are the runtime
  // twins of FunctionNameOf/ListenerNameOf); TypeScript cannot follow a loop, hence this one cast.
  return api as KiemchungBridge;
}
