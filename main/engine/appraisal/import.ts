// kiemchung decisions import WS DECISIONS.json (the unit's side): the Sở Nội vụ's decisions file
// is accepted only when every bundle it appraised is one of this workspace's submissions; then
// the appraised scores and the decisions per document replace the earlier ones, and each request
// becomes a task on its criterion (and its office, the pack's responsible cell) until a
// supplement answers it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppraisalRequestJson, DecisionsFile, DecisionsImportJson } from '../../../shared/appraisal.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';

const SHA = /^[0-9a-f]{64}$/;

function refuse(file: string, why: string): never {
  throw new UserError(`${file} is not a KiemChung decisions file: ${why}.`, { kind: 'decisions.invalid', params: { path: file, reason: why } });
}

function readDecisions(file: string): { d: DecisionsFile; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as Error).message}`, { kind: 'decisions.unreadable', params: { path: file } });
  }
  let d: DecisionsFile;
  try {
    d = JSON.parse(bytes.toString('utf8')) as DecisionsFile;
  } catch (e) {
    return refuse(file, `it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof d !== 'object' || d === null || d.format !== 'kiemchung-decisions') refuse(file, `its format is ${JSON.stringify((d as { format?: unknown } | null)?.format ?? null)}`);
  if (d.version !== 1) refuse(file, `version ${JSON.stringify(d.version)} is not 1`);
  if (typeof d.bundle?.sha256 !== 'string' || !SHA.test(d.bundle.sha256)) refuse(file, 'it names no bundle SHA-256');
  if (!Array.isArray(d.rounds) || !d.rounds.every((r) => typeof r?.sha256 === 'string' && SHA.test(r.sha256) && Number.isInteger(r.round))) refuse(file, 'its rounds lack a SHA-256 or a number');
  if (!Array.isArray(d.scores) || !d.scores.every((s) => typeof s?.code === 'string' && typeof s.points === 'number' && Number.isFinite(s.points))) refuse(file, 'a score lacks a code or points');
  if (!Array.isArray(d.decisions) || !d.decisions.every((x) => typeof x?.code === 'string' && typeof x.sha256 === 'string' && (x.decision === 'accepted' || x.decision === 'rejected'))) refuse(file, 'a decision lacks a code, a SHA-256 or accepted/rejected');
  const isRequest = (r: AppraisalRequestJson): boolean =>
    typeof r?.id === 'string' && r.id !== '' && typeof r.code === 'string' && (r.kind === 'explain' || r.kind === 'supplement') && typeof r.note === 'string' && Number.isInteger(r.round);
  if (!Array.isArray(d.requests) || !d.requests.every(isRequest)) refuse(file, 'a request lacks an id, a code, a kind, a note or a round');
  return { d, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function importDecisions(ws: Workspace, decisionsFile: string, now = new Date()): DecisionsImportJson {
  const file = path.resolve(decisionsFile);
  const { d, sha256 } = readDecisions(file);
  const submissions = ws.reader.submissions.all();
  const ours = new Set(submissions.map((s) => s.sha256));
  for (const r of [{ round: 1, sha256: d.bundle.sha256, file: d.bundle.file }, ...d.rounds]) {
    if (ours.has(r.sha256)) continue;
    const known = submissions.map((s) => `${s.batch} ${s.sha256.slice(0, 12)}…`).join(', ') || 'none yet';
    throw new UserError(
      `${file} holds the appraisal of the bundle ${r.file ?? ''} (SHA-256 ${r.sha256}), which is not one of this workspace's submissions (${known}); import it into the workspace that exported that bundle.`,
      { kind: 'decisions.unknown-bundle', params: { path: file, sha256: r.sha256, bundle: r.file ?? '' } },
    );
  }
  const pack = ws.pack();
  const criteria = new Map(pack.criteria.map((c) => [c.code, c]));
  const warnings: string[] = [];
  const known = <T extends { code: string }>(items: T[], what: string): T[] =>
    items.filter((x) => {
      if (criteria.has(x.code)) return true;
      warnings.push(`${what} for criterion ${x.code}, which the workspace's pack does not have: skipped.`);
      return false;
    });
  const scores = known(d.scores, 'a score');
  const decisions = known(d.decisions, 'a decision');
  const requests = known(d.requests, 'a request');
  const roundSha = new Map(d.rounds.map((r) => [r.round, r.sha256]));
  const before = new Set(ws.reader.appraisalTasks.all().map((t) => t.id));
  const at = now.toISOString();
  ws.writer.transaction(() => {
    ws.writer.appraisedScores.replaceAll(scores.map((s) => ({ code: s.code, points: s.points, note: typeof s.note === 'string' ? s.note : null })));
    ws.writer.appraisedDocuments.replaceAll(decisions.map((x) => ({ sha256: x.sha256, code: x.code, path: typeof x.path === 'string' ? x.path : '', decision: x.decision, note: typeof x.note === 'string' ? x.note : null })));
    for (const r of requests) {
      ws.writer.appraisalTasks.upsert({
        id: r.id,
        code: r.code,
        kind: r.kind,
        note: r.note,
        due: typeof r.due === 'string' ? r.due : null,
        round: r.round,
        requested_at: typeof r.createdAt === 'string' ? r.createdAt : at,
        bundle_sha256: roundSha.get(r.round) ?? d.bundle.sha256,
      });
      // Answered on the appraisal side (a supplement it opened): no longer a task here either.
      if (r.status === 'answered') ws.writer.appraisalTasks.answer(r.id, (r.answeredRound !== null && roundSha.get(r.answeredRound)) || d.bundle.sha256, at);
    }
    ws.writer.decisionImports.add({ file, file_sha256: sha256, bundle_sha256: d.bundle.sha256, rounds: d.rounds.length, exported_at: typeof d.createdAt === 'string' ? d.createdAt : null, imported_at: at });
  });
  const open = ws.reader.appraisalTasks.open();
  const offices = new Map<string | null, string[]>();
  for (const t of open) {
    const office = criteria.get(t.code)?.responsible ?? null;
    offices.set(office, [...(offices.get(office) ?? []), t.id]);
  }
  const all = ws.reader.appraisalTasks.all();
  return {
    file,
    bundle: d.bundle.sha256,
    rounds: d.rounds.length,
    scores: scores.length,
    decisions: decisions.length,
    requests: { open: open.length, answered: all.length - open.length, new: all.filter((t) => !before.has(t.id)).length },
    offices: [...offices].map(([office, ids]) => ({ office, requests: ids })),
    warnings,
  };
}
