// The session's job runner: one job per kind, refused as 'busy' with its kind, cancellable by kind;
// every writer (scan, export, watch batch, OCR) takes turns at the one writer lock.
import { describe, expect, it } from 'vitest';
import type { WriterState } from '../../shared/api.js';
import { toApiError } from '../../main/api/errors.js';
import { JobRunner } from '../../main/api/jobs.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('JobRunner', () => {
  it('refuses a second job of the same kind, queues other writers, cancels by kind and releases at the end', async () => {
    const jobs = new JobRunner();
    let seen: AbortSignal | null = null;
    const scan = jobs.runExclusive('scan', (signal) => {
      seen = signal;
      return new Promise<string>((resolve) => signal.addEventListener('abort', () => resolve('stopped')));
    });
    await expect(jobs.runExclusive('scan', async () => 'again')).rejects.toSatisfy((e) => {
      const err = toApiError(e);
      return err.kind === 'busy' && err.params.job === 'scan';
    });
    // The export waits for the scan: nothing competes for the database.
    const exported = jobs.runExclusive('export', async () => 'export ran');
    await tick();
    expect(jobs.writers()).toEqual<WriterState>({ running: 'scan', waiting: ['export'] });
    expect(jobs.cancel('export')).toBe(true);
    await expect(exported).rejects.toSatisfy((e) => toApiError(e).kind === 'cancelled');
    expect(jobs.cancel('scan')).toBe(true);
    await expect(scan).resolves.toBe('stopped');
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
    expect(jobs.isRunning('scan')).toBe(false);
    await expect(jobs.runExclusive('scan', async () => 'after')).resolves.toBe('after');
    expect(jobs.writers()).toEqual<WriterState>({ running: null, waiting: [] });
  });

  it('runs writers in turn, first come first served; OCR yields to any writer and goes last', async () => {
    const jobs = new JobRunner();
    const order: string[] = [];
    let releaseBatch = (): void => undefined;
    const batch = jobs.serial('watch', () => new Promise<void>((r) => (releaseBatch = () => (order.push('watch'), r()))));
    const scan = jobs.runExclusive('scan', async () => void order.push('scan'));
    const ocr = jobs.serial('ocr', async () => void order.push('ocr'));
    const exported = jobs.runExclusive('export', async () => void order.push('export'));
    await tick();
    expect(jobs.writers()).toEqual<WriterState>({ running: 'watch', waiting: ['scan', 'ocr', 'export'] });
    releaseBatch();
    await Promise.all([batch, scan, ocr, exported]);
    expect(order).toEqual(['watch', 'scan', 'export', 'ocr']);

    // OCR in hand is asked to stop when a batch queues, and the batch runs after it.
    let yielded = false;
    const reading = jobs.serial('ocr', (signal) => new Promise<void>((r) => signal.addEventListener('abort', () => ((yielded = true), r()))));
    await tick();
    const next = jobs.serial('watch', async () => 'batch ran');
    await reading;
    expect(yielded).toBe(true);
    await expect(next).resolves.toBe('batch ran');
  });
});
