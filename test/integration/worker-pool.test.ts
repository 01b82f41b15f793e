import { describe, expect, it } from 'vitest';
import { JobTimeoutError, WorkerCrashError, WorkerPool } from '../../main/engine/index/worker-pool.js';

type Req = { type: 'echo' | 'hang' | 'oom'; value?: number };

describe('worker pool', () => {
  it('runs jobs in parallel workers and keeps going after a hung or crashed job', async () => {
    const pool = new WorkerPool<Req, number>(new URL('../helpers/hang-worker.js', import.meta.url), {
      size: 2,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    try {
      const hung = pool.run({ type: 'hang' }, 500);
      const oom = pool.run({ type: 'oom' }, 20_000);
      const echoes = Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ type: 'echo', value }, 5_000)));
      await expect(hung).rejects.toBeInstanceOf(JobTimeoutError);
      await expect(oom).rejects.toBeInstanceOf(WorkerCrashError);
      await expect(echoes).resolves.toEqual([1, 2, 3, 4, 5]);
    } finally {
      await pool.close();
    }
  });
});
