// Test worker: answers "echo" jobs, loops forever on "hang", allocates without bound on "oom".
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (msg: { id: number; req: { type: string; value?: number } }) => {
  if (msg.req.type === 'hang') for (;;);
  if (msg.req.type === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(1));
  }
  parentPort?.postMessage({ id: msg.id, ok: true, value: msg.req.value });
});
