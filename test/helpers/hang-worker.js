// Test worker (plain JS: workers run compiled code): answers "echo" jobs, loops forever on
// "hang", allocates without bound on "oom".
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (msg) => {
  if (msg.req.type === 'hang') for (;;);
  if (msg.req.type === 'oom') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(1));
  }
  parentPort?.postMessage({ id: msg.id, ok: true, value: msg.req.value });
});
