// Long commands (scan, export, watch) stop cleanly on Ctrl+C or a service stop: SIGINT and
// SIGTERM abort a signal the command's work listens to, instead of killing the process mid-write.

/** Runs `fn` with a signal that SIGINT/SIGTERM abort (and `abort` for other reasons to stop). */
export async function untilInterrupted<T>(fn: (signal: AbortSignal, abort: () => void) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    return await fn(controller.signal, abort);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
