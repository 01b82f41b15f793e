// Long commands (scan, export, watch) stop cleanly on Ctrl+C or a service stop: SIGINT and
// SIGTERM abort a signal the command's work listens to, instead of killing the process mid-write.
// Work that cannot stop within STOP_GRACE_MS (a file in hand that does not listen) does not hold
// the process: it exits with 130 (SIGINT) or 143 (SIGTERM) once the grace is over; what was
// written is whole, SQLite's transactions see to that.

/** How long a stopped command may take to end by itself before the process exits anyway. */
export const STOP_GRACE_MS = 1_000;

let current: AbortSignal | null = null;

/** The signal of the command running under untilInterrupted (waiting for the writer lock listens to it). */
export function interruptSignal(): AbortSignal | undefined {
  return current ?? undefined;
}

/**
 * Runs `fn` with a signal that SIGINT/SIGTERM abort (and `abort` for other reasons to stop).
 * After a stop signal the process ends within STOP_GRACE_MS whatever still runs: with the
 * command's own exit code when it finished (a handle left open, a worker winding down, must not
 * keep it alive), with 130 / 143 when it did not.
 */
export async function untilInterrupted<T>(fn: (signal: AbortSignal, abort: () => void) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let forced: NodeJS.Timeout | null = null;
  let finished = false;
  const onSignal = (sig: NodeJS.Signals): void => {
    controller.abort();
    if (forced) return;
    forced = setTimeout(() => {
      if (!finished || process.exitCode === undefined) {
        process.stderr.write('kiemchung: đã dừng theo yêu cầu; phần đã xong được giữ nguyên.\n');
        process.exit(sig === 'SIGINT' ? 130 : 143);
      }
      process.exit();
    }, STOP_GRACE_MS);
    forced.unref();
  };
  const abort = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const previous = current;
  current = controller.signal;
  try {
    return await fn(controller.signal, abort);
  } finally {
    finished = true;
    current = previous;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // A stop that was asked for keeps its deadline: the timer (unref'd) ends the process if
    // something still holds it once the command has returned.
  }
}
