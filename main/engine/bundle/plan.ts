// Which files go where in the bundle. Pure: the same input always gives the same plan.
//
// Rules (issue 6): every document linked to a leaf criterion goes into that criterion's folder,
// in each folder it is linked to; links a reviewer rejected are left out entirely (a rejected
// document is not evidence for that criterion, and listing it would invite the assessor to count
// it); byte-identical copies linked to the same criterion go in once. With a previous bundle, only
// evidence that is new or changed against the previous manifest's hashes is included, and what
// the previous bundle held but the workspace no longer links is listed as withdrawn.
import { documentLabel, entryExtension, evidenceEntryPath } from '../../../shared/bundle-names.js';
import type { DocumentJson, ReviewStatus } from '../../../shared/types.js';
import { vietnameseCollator } from '../../../shared/vietnamese.js';
import type { BundleCriterion, BundleInput } from './collect.js';
import type { BundleManifest, ManifestWithdrawn } from './types.js';

export interface PlannedEvidence {
  code: string;
  nn: number;
  path: string;
  doc: DocumentJson;
  review: { status: ReviewStatus; note: string | null };
  change?: 'added' | 'changed';
}

export interface PlannedCriterion {
  criterion: BundleCriterion;
  evidence: PlannedEvidence[];
}

/** The complete evidence set after this bundle: what a later `--since` compares against. */
export interface StateItem {
  code: string;
  path: string;
  sha256: string;
  sourceRelPath: string | null;
}

export interface BundlePlan {
  criteria: PlannedCriterion[];
  withdrawn: ManifestWithdrawn[];
  state: StateItem[];
  rejectedLinks: number;
  skippedLinks: { documentId: string; code: string; reason: string }[];
}

function byDateThenNumber(a: DocumentJson, b: DocumentJson): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return vietnameseCollator.compare(a.number ?? '', b.number ?? '') || vietnameseCollator.compare(a.relPath, b.relPath) || (a.id < b.id ? -1 : 1);
}

/** The evidence state a previous bundle left: its `state` (supplements) or its evidence lists. */
export function previousState(manifest: BundleManifest): StateItem[] {
  const withState = manifest as BundleManifest & { state?: StateItem[] };
  if (Array.isArray(withState.state)) return withState.state;
  return manifest.criteria.flatMap((c) => c.evidence.map((e) => ({ code: c.code, path: e.path, sha256: e.sha256, sourceRelPath: e.sourceRelPath })));
}

const NN_IN_PATH = /_(\d+)_[^/]*$/;

export function planBundle(input: BundleInput, previous: BundleManifest | null = null): BundlePlan {
  const known = new Map(input.criteria.map((c) => [c.code, c]));
  const linked = new Map<string, { doc: DocumentJson; review: PlannedEvidence['review'] }[]>();
  let rejectedLinks = 0;
  const skippedLinks: BundlePlan['skippedLinks'] = [];
  for (const doc of input.documents) {
    for (const link of doc.criteria) {
      const c = known.get(link.code);
      if (!c) {
        skippedLinks.push({ documentId: doc.id, code: link.code, reason: 'not a criterion of the pack' });
        continue;
      }
      if (!c.leaf) {
        skippedLinks.push({ documentId: doc.id, code: link.code, reason: 'not a leaf criterion (evidence goes to sub-criteria)' });
        continue;
      }
      if (link.status === 'rejected') {
        rejectedLinks++;
        continue;
      }
      const list = linked.get(link.code) ?? [];
      if (!list.some((x) => x.doc.sha256 === doc.sha256)) list.push({ doc, review: { status: link.status, note: link.note } });
      linked.set(link.code, list);
    }
  }

  const prev = previous ? previousState(previous) : [];
  // Linear in the previous state: a supplement's base may list tens of thousands of files.
  const prevByCode = new Map<string, StateItem[]>();
  for (const p of prev) {
    const list = prevByCode.get(p.code);
    if (list) list.push(p);
    else prevByCode.set(p.code, [p]);
  }

  const criteria: PlannedCriterion[] = [];
  const withdrawn: ManifestWithdrawn[] = [];
  const state: StateItem[] = [];
  for (const criterion of input.criteria) {
    const items = (linked.get(criterion.code) ?? []).sort((a, b) => byDateThenNumber(a.doc, b.doc));
    const before = prevByCode.get(criterion.code) ?? [];
    const beforeByHash = new Map<string, StateItem>();
    for (const p of before) if (!beforeByHash.has(p.sha256)) beforeByHash.set(p.sha256, p);
    const nowHashes = new Set(items.map((i) => i.doc.sha256));
    /** Source paths whose earlier bytes are gone from this criterion: a new file there is a change. */
    const goneSources = new Set(before.filter((p) => !nowHashes.has(p.sha256)).map((p) => p.sourceRelPath));
    /** Source paths that now hold bytes the previous bundle did not have: what they had was replaced. */
    const newSources = new Set(items.filter((i) => !beforeByHash.has(i.doc.sha256)).map((i) => i.doc.relPath));
    // A supplement continues the previous numbering so its files never clash with the earlier ones
    // (a loop, not Math.max(...spread): a huge previous state would overflow the call stack).
    let nn = 0;
    if (previous) for (const p of before) nn = Math.max(nn, Number(NN_IN_PATH.exec(p.path)?.[1] ?? 0));
    const evidence: PlannedEvidence[] = [];
    for (const { doc, review } of items) {
      const old = beforeByHash.get(doc.sha256);
      if (previous && old) {
        state.push(old);
        continue;
      }
      nn++;
      const path = evidenceEntryPath(criterion.code, nn, documentLabel(doc), entryExtension(doc.relPath));
      const e: PlannedEvidence = { code: criterion.code, nn, path, doc, review };
      if (previous) e.change = goneSources.has(doc.relPath) ? 'changed' : 'added';
      evidence.push(e);
      state.push({ code: criterion.code, path, sha256: doc.sha256, sourceRelPath: doc.relPath });
    }
    for (const p of before) {
      if (nowHashes.has(p.sha256)) continue;
      const replaced = p.sourceRelPath !== null && newSources.has(p.sourceRelPath);
      withdrawn.push({ code: criterion.code, path: p.path, sha256: p.sha256, sourceRelPath: p.sourceRelPath, reason: replaced ? 'replaced' : 'removed' });
    }
    criteria.push({ criterion, evidence });
  }
  // Codes of the previous bundle that the pack no longer has: everything there is withdrawn.
  for (const [code, items] of prevByCode) {
    if (known.has(code)) continue;
    for (const p of items) withdrawn.push({ code, path: p.path, sha256: p.sha256, sourceRelPath: p.sourceRelPath, reason: 'removed' });
  }
  return { criteria, withdrawn, state, rejectedLinks, skippedLinks };
}
