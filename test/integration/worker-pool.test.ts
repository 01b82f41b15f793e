import { describe, expect, it } from 'vitest';
import { JobTimeoutError, WorkerCrashError, WorkerPool } from '../../main/engine/workers/worker-pool.js';

type Req = { type: 'echo' | 'hang' | 'oom'; value?: number };

describe('worker pool', () => {
  it('runs jobs in parallel workers and keeps going after a hung or crashed job', async () => {
    const pool = new WorkerPool<Req, number>(new URL('../helpers/hang-worker.js', import.meta.url), {
      size: 2,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    try {
      const [hung, oom, ...echoes] = await Promise.allSettled([
        pool.run({ type: 'hang' }, 500),
        pool.run({ type: 'oom' }, 20_000),
        ...[1, 2, 3, 4, 5].map((value) => pool.run({ type: 'echo', value }, 5_000)),
      ]);
      expect(hung?.status === 'rejected' && hung.reason).toBeInstanceOf(JobTimeoutError);
      expect(oom?.status === 'rejected' && oom.reason).toBeInstanceOf(WorkerCrashError);
      expect(echoes.map((e) => (e.status === 'fulfilled' ? e.value : e.reason))).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await pool.close();
    }
  });
});
