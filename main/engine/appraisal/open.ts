// kiemchung appraisal open BUNDLE.zip AWS: a received bundle is verified first (refused with the
// verifier's problems if it does not verify), then its manifest's facts go into the appraisal
// workspace as round 1; a supplement (`export --since` of the last round's bundle) opens onto the
// same workspace as the next round: its evidence added, what it withdraws marked, and the
// requests it answers (its manifest's `answers`) shown answered.
import fs from 'node:fs';
import path from 'node:path';
import type { AppraisalOpenJson } from '../../../shared/appraisal.js';
import { readBundleManifest, verifyBundle } from '../bundle/verify.js';
import type { BundleManifest } from '../bundle/types.js';
import { UserError } from '../errors.js';
import { AppraisalWorkspace } from './workspace.js';

const short = (sha: string): string => sha.slice(0, 12);

export async function openBundle(bundle: string, dir: string, now = new Date()): Promise<AppraisalOpenJson> {
  const file = path.resolve(bundle);
  if (!fs.existsSync(file)) throw new UserError(`${file} does not exist.`, { kind: 'appraisal.no-bundle', params: { path: file } });
  const verified = await verifyBundle(file);
  if (!verified.ok) {
    const shown = verified.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ');
    const more = verified.problems.length > 5 ? `; and ${verified.problems.length - 5} more (kiemchung verify ${bundle})` : '';
    throw new UserError(`${file} did not verify (${verified.problems.length} problem(s)), so it is not opened for appraisal: ${shown}${more}.`, {
      kind: 'appraisal.not-verified',
      params: { path: file, problems: verified.problems.length, first: verified.problems[0]?.message ?? '' },
    });
  }
  const { manifest, sha256 } = await readBundleManifest(file);
  const existing = AppraisalWorkspace.exists(dir) ? AppraisalWorkspace.open(dir) : null;
  if (!existing && manifest.since) {
    throw new UserError(
      `${file} is a supplement to the bundle ${manifest.since.file} (SHA-256 ${short(manifest.since.sha256)}…); open that bundle into ${path.resolve(dir)} first, then this supplement onto it.`,
      { kind: 'appraisal.supplement-first', params: { path: file, base: manifest.since.file } },
    );
  }
  const aws = existing ?? AppraisalWorkspace.create(dir);
  try {
    const rounds = aws.reader.rounds.all();
    const again = rounds.find((r) => r.sha256 === sha256);
    if (again) throw new UserError(`${file} was already opened in ${aws.dir} as round ${again.round}.`, { kind: 'appraisal.already-open', params: { path: file, round: again.round } });
    const last = rounds[rounds.length - 1];
    if (!last && manifest.since) {
      throw new UserError(`${file} is a supplement to the bundle ${manifest.since.file}; open that bundle into ${aws.dir} first, then this supplement onto it.`, { kind: 'appraisal.supplement-first', params: { path: file, base: manifest.since.file } });
    }
    if (last) {
      if (!manifest.since) {
        throw new UserError(`${file} is a full bundle, not a supplement of ${last.file} opened in ${aws.dir}; open it into a folder of its own.`, { kind: 'appraisal.not-a-supplement', params: { path: file, dir: aws.dir } });
      }
      if (manifest.since.sha256 !== last.sha256) {
        const base = rounds.find((r) => r.sha256 === manifest.since?.sha256);
        throw new UserError(
          base
            ? `${file} supplements round ${base.round} (${base.file}), but round ${last.round} (${last.file}) is the latest here; open the supplements in the order they were made.`
            : `${file} supplements the bundle ${manifest.since.file} (SHA-256 ${short(manifest.since.sha256)}…), which was not opened in ${aws.dir}.`,
          { kind: 'appraisal.wrong-base', params: { path: file, base: manifest.since.file } },
        );
      }
      if (manifest.pack.id !== last.pack_id) {
        throw new UserError(`${file} uses the criteria pack ${manifest.pack.id}, the bundles opened in ${aws.dir} use ${last.pack_id}.`, { kind: 'appraisal.other-pack', params: { path: file, pack: manifest.pack.id } });
      }
    }
    const round = rounds.length + 1;
    const answered = record(aws, manifest, { round, sha256, file, now });
    return {
      dir: aws.dir,
      round,
      sha256,
      file: path.basename(file),
      supplement: manifest.since !== null,
      criteria: manifest.criteria.length,
      evidence: manifest.criteria.reduce((n, c) => n + c.evidence.length, 0),
      withdrawn: manifest.withdrawn.length,
      answered,
    };
  } finally {
    aws.close();
  }
}

/** One round's facts, in one transaction; returns the request ids answered. */
function record(aws: AppraisalWorkspace, m: BundleManifest, r: { round: number; sha256: string; file: string; now: Date }): string[] {
  return aws.writer.transaction(() => {
    aws.writer.rounds.add({
      round: r.round,
      sha256: r.sha256,
      file: path.basename(r.file),
      path: r.file,
      created_at: typeof m.createdAt === 'string' ? m.createdAt : null,
      opened_at: r.now.toISOString(),
      since_sha256: m.since?.sha256 ?? null,
      batch: typeof m.batch === 'string' ? m.batch : null,
      unit: m.unit ?? null,
      year: typeof m.year === 'number' ? m.year : null,
      pack_id: m.pack.id,
      pack_name: m.pack.name,
    });
    m.criteria.forEach((c, i) => {
      aws.writer.criteria.put({
        code: c.code,
        position: i,
        title: c.title,
        max_points: typeof c.maxPoints === 'number' ? c.maxPoints : null,
        self_score: typeof c.selfScore === 'number' ? c.selfScore : null,
        explanation: c.explanation ?? null,
        status: c.status ?? null,
        round: r.round,
      });
    });
    // Withdrawn first: a supplement may list the file it replaces under the same criterion.
    for (const w of m.withdrawn) aws.writer.evidence.withdraw(w.code, w.path, r.round);
    for (const c of m.criteria) {
      for (const e of c.evidence) {
        aws.writer.evidence.put({ round: r.round, code: c.code, path: e.path, sha256: e.sha256, json: JSON.stringify(e), answers: JSON.stringify(Array.isArray(e.answers) ? e.answers : []) });
      }
    }
    const known = new Set(aws.reader.requests.all().filter((q) => q.answered_round === null).map((q) => q.id));
    const answered: string[] = [];
    for (const a of Array.isArray(m.answers) ? m.answers : []) {
      if (!known.has(a.request)) continue;
      aws.writer.requests.answer(a.request, r.round, JSON.stringify({ evidence: a.evidence, explanation: a.explanation }));
      answered.push(a.request);
    }
    return answered;
  });
}
