// Worker-thread entry: hashing and PDF analysis run here, never on the thread serving requests.
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { sha256Bytes, sha256File } from './file-hash.js';
import { isPdfName, type AnalyzeJob, type AnalyzeResult, type IndexJob, type IndexJobResult } from './analyze-jobs.js';
import { analyzePdf, emptyAnalysis } from './pdf-analyze.js';
import { sniffFormat } from './pdf-bytes.js';

async function analyze(job: AnalyzeJob): Promise<AnalyzeResult> {
  const stat = await fs.stat(job.path);
  if (stat.size > job.maxBytes) {
    const { sha256, size } = await sha256File(job.path);
    const kind = isPdfName(job.path) ? 'pdf' : 'other';
    const limitMb = Math.round(job.maxBytes / 1024 / 1024);
    const analysis =
      kind === 'pdf'
        ? emptyAnalysis({ kind: 'too-large', message: `file is larger than ${limitMb} MB; it was hashed but not read` })
        : null;
    return { sha256, size, kind, analysis };
  }
  const bytes = new Uint8Array(await fs.readFile(job.path));
  const sha256 = sha256Bytes(bytes);
  const looksPdf = isPdfName(job.path) || (bytes.length > 0 && sniffFormat(bytes) === 'pdf');
  if (!looksPdf) return { sha256, size: bytes.length, kind: 'other', analysis: null };
  return { sha256, size: bytes.length, kind: 'pdf', analysis: await analyzePdf(bytes, undefined, job.trustedRoots ?? []) };
}

async function handle(job: IndexJob): Promise<IndexJobResult> {
  return job.type === 'hash' ? sha256File(job.path) : analyze(job);
}

const port = parentPort;
if (!port) throw new Error('analyze-worker must run in a worker thread');
port.on('message', (msg: { id: number; req: IndexJob }) => {
  handle(msg.req).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value }),
    (e: unknown) => port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
