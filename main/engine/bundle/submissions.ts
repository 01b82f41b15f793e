// Submissions (issue 15 item 4): every exported bundle is recorded with its đợt label, date,
// counts, SHA-256, path and the bundle it supplements; `export --since` may name one of them
// instead of a file. A supplement also answers the appraisal requests open on its criteria.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SubmissionJson } from '../../../shared/appraisal.js';
import type { SubmissionRow } from '../db/stores/submissions.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import type { PlannedCriterion } from './plan.js';
import type { BundleManifest, ManifestAnswer } from './types.js';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function submissionJson(row: SubmissionRow, all: readonly SubmissionRow[]): SubmissionJson {
  const base = row.since_sha256 ? all.find((s) => s.sha256 === row.since_sha256) : undefined;
  return {
    id: row.id,
    batch: row.batch,
    createdAt: row.created_at,
    sha256: row.sha256,
    path: row.path,
    file: path.basename(row.path),
    bytes: row.bytes,
    since: row.since_sha256 ? { id: base?.id ?? null, sha256: row.since_sha256, batch: base?.batch ?? null } : null,
    criteria: row.criteria,
    documents: row.documents,
    withdrawn: row.withdrawn,
    answers: row.answers,
  };
}

export function listSubmissions(ws: Workspace): SubmissionJson[] {
  const all = ws.reader.submissions.all();
  return all.map((r) => submissionJson(r, all));
}

/**
 * A submission named by its id ("2"), its đợt label ("Đợt 1", any case) or a SHA-256 prefix (≥ 8
 * hex): the file it was written to, which must still hold the same bytes.
 */
export async function submissionFile(ws: Workspace, ref: string): Promise<string> {
  const all = ws.reader.submissions.all();
  const r = ref.trim();
  const key = r.normalize('NFC').toLocaleLowerCase('vi');
  const found =
    (/^\d+$/.test(r) ? all.find((s) => s.id === Number(r)) : undefined) ??
    [...all].reverse().find((s) => s.batch.normalize('NFC').toLocaleLowerCase('vi') === key) ??
    (/^[0-9a-f]{8,64}$/i.test(r) ? all.find((s) => s.sha256.startsWith(r.toLowerCase())) : undefined);
  if (!found) {
    const known = all.map((s) => `${s.id} (${s.batch})`).join(', ') || 'none yet';
    throw new UserError(`'${ref}' is neither a bundle file nor a submission of this workspace (submissions: ${known}).`, { kind: 'submission.unknown', params: { ref, known } });
  }
  if (!fs.existsSync(found.path)) {
    throw new UserError(`submission ${found.id} (${found.batch}) was written to ${found.path}, which is no longer there; give the bundle file with --since instead.`, { kind: 'submission.file-missing', params: { ref, path: found.path } });
  }
  if ((await sha256File(found.path)) !== found.sha256) {
    throw new UserError(`${found.path} no longer holds submission ${found.id} (${found.batch}): its SHA-256 changed; give the bundle file with --since instead.`, { kind: 'submission.file-changed', params: { ref, path: found.path } });
  }
  return found.path;
}

export function defaultBatchLabel(ws: Workspace): string {
  return `Đợt ${ws.reader.submissions.all().length + 1}`;
}

/**
 * The open appraisal requests a supplement answers: on a requested criterion, the documents the
 * supplement adds or changes (each then names the requests it answers); for a giải trình request,
 * also a giải trình changed since the previous bundle.
 */
export function planAnswers(ws: Workspace, criteria: readonly PlannedCriterion[], previous: BundleManifest): { answers: ManifestAnswer[]; byPath: Map<string, string[]> } {
  const open = ws.reader.appraisalTasks.open();
  const answers: ManifestAnswer[] = [];
  const byPath = new Map<string, string[]>();
  if (open.length === 0) return { answers, byPath };
  const before = new Map(previous.criteria.map((c) => [c.code, c.explanation ?? null]));
  const planned = new Map(criteria.map((c) => [c.criterion.code, c]));
  for (const task of open) {
    const c = planned.get(task.code);
    if (!c) continue;
    const evidence = c.evidence.map((e) => e.path);
    const explanation = c.criterion.explanation;
    const explained = task.kind === 'explain' && explanation !== null && explanation.trim() !== '' && explanation !== (before.get(task.code) ?? null);
    if (evidence.length === 0 && !explained) continue;
    answers.push({ request: task.id, code: task.code, kind: task.kind, evidence, explanation: explained ? explanation : null });
    for (const p of evidence) byPath.set(`${task.code}\n${p}`, [...(byPath.get(`${task.code}\n${p}`) ?? []), task.id]);
  }
  return { answers, byPath };
}
