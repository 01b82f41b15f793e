// Names derived from the API contract, without zod, so the renderer and the sandboxed preload can
// use them without bundling the schemas.

/** `review:decide` → `reviewDecide`: the preload's named function for a call. */
export function functionNameOf(name: string): string {
  const [domain = '', verb = ''] = name.split(':');
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}

/** `index:progress` → `onIndexProgress`: the preload's named subscription for an event. */
export function listenerNameOf(name: string): string {
  const fn = functionNameOf(name);
  return `on${fn.charAt(0).toUpperCase()}${fn.slice(1)}`;
}

export const EVENT_NAMES = ['index:progress', 'index:done', 'bundle:progress', 'watch:event', 'workspace:changed', 'app:error'] as const;
