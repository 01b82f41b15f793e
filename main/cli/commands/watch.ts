// kiemchung watch WS: follow the evidence folders and print one JSON object per line per event
// (CONTRACTS.md §1) until SIGINT or SIGTERM, then close the database and exit 0.
import { untilInterrupted } from '../interrupt.js';
import { startWatching } from '../../engine/watch/watcher.js';
import { Workspace } from '../../engine/workspace/workspace.js';
import { UsageError, parse, positional, stringOption } from '../args.js';
import { cliWriterLock } from '../api.js';

const USAGE = 'kiemchung watch WS [--stability MS] [--sweep MS]';

function msOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < min) throw new UsageError(`--${name} '${value}' is not a number of milliseconds (at least ${min})\nusage: ${USAGE}`);
  return ms;
}

export async function watchCommand(argv: string[]): Promise<void> {
  const p = parse(argv, { stability: { type: 'string' }, sweep: { type: 'string' } }, { min: 1, max: 1, usage: USAGE });
  const stabilityMs = msOption(stringOption(p, 'stability'), 'stability', 0);
  const sweepMs = msOption(stringOption(p, 'sweep'), 'sweep', 1000);
  const ws = Workspace.open(positional(p, 0));
  // The watcher writes the workspace for as long as it runs: one writer at a time.
  let lock;
  try {
    lock = await cliWriterLock(ws.dir);
  } catch (e) {
    ws.close();
    throw e;
  }
  try {
    await untilInterrupted(async (signal, stop) => {
      // Output piped into a reader that went away: stop rather than die on EPIPE.
      process.stdout.on('error', stop);
      try {
        const handle = await startWatching(ws, {
          onEvent: (e) => {
            if (!process.stdout.destroyed) process.stdout.write(`${JSON.stringify(e)}\n`);
          },
          signal,
          ...(stabilityMs !== undefined ? { stabilityMs } : {}),
          ...(sweepMs !== undefined ? { sweepMs } : {}),
        });
        await handle.closed;
      } finally {
        process.stdout.off('error', stop);
      }
    });
  } finally {
    ws.close();
    lock.release();
  }
}
