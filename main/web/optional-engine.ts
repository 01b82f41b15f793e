// Engine parts that may be missing from a build (the watcher). They are loaded by path at run time so the UI works with whatever has landed; a missing
// part answers 'unavailable' with a plain message instead of breaking the build.
export interface WatchModule {
  startWatching(...args: unknown[]): unknown;
}

export interface OptionalEngine {
  watch: WatchModule | null;
}

function hasFunctions(mod: unknown, names: string[]): boolean {
  if (typeof mod !== 'object' || mod === null) return false;
  const rec = mod as Record<string, unknown>;
  return names.every((n) => typeof rec[n] === 'function');
}

async function load<T>(candidates: string[], names: string[]): Promise<T | null> {
  for (const rel of candidates) {
    const url = new URL(rel, import.meta.url);
    let mod: unknown;
    try {
      mod = await import(url.href);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Only "this file is not there yet" means not built; a broken module is a real failure.
      if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(url.pathname.split('/').pop() ?? '')) continue;
      throw e;
    }
    if (hasFunctions(mod, names)) return mod as T;
  }
  return null;
}

let cached: Promise<OptionalEngine> | null = null;

export function optionalEngine(): Promise<OptionalEngine> {
  cached ??= (async () => ({
    watch: await load<WatchModule>(['../engine/watch/index.js', '../engine/watch/watcher.js', '../engine/watch/watch.js'], ['startWatching']),
  }))();
  return cached;
}
