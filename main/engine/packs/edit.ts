// Editing a criterion of a pack (the workspace's copy): a pure function from a pack and a patch to
// the new pack, validated with the pack schema, so nothing invalid is ever stored. The caller
// stores it (the workspace's settings store), records it in history and reclassifies.
import { CriteriaPackSchema, findCriterion, isIsoDate, type CriteriaPack, type Criterion, type EvidenceSlot } from '../../../shared/pack.js';
import { foldForMatch } from '../../../shared/vietnamese.js';
import { UserError } from '../errors.js';

/** What may change on a criterion; code and place in the tree stay. */
export interface CriterionPatch {
  title?: string;
  maxPoints?: number | null;
  responsible?: string | null;
  collaborators?: string | null;
  evidence?: SlotPatch[];
}

/** A slot as edited: an id keeps the slot (and its links and reviews); no id makes a new one. */
export interface SlotPatch {
  id?: string | null;
  label: string;
  types: string[];
  keywords: string[];
  minCount: number;
  due: string | null;
}

export interface CriterionEdit {
  pack: CriteriaPack;
  before: Criterion;
  after: Criterion;
  /** The fields whose value changed. */
  changed: string[];
}

const text = (s: string | null | undefined): string | null => {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
};

function slots(code: string, old: readonly EvidenceSlot[], patch: readonly SlotPatch[]): EvidenceSlot[] {
  const known = new Set(old.map((s) => s.id));
  const used = new Set<string>();
  let n = 1;
  const fresh = (): string => {
    while (known.has(`${code}#${n}`) || used.has(`${code}#${n}`)) n++;
    return `${code}#${n}`;
  };
  return patch.map((s, i) => {
    const label = s.label.trim();
    if (!label) throw new UserError(`evidence ${i + 1} of criterion ${code}: the label is empty.`);
    if (s.due !== null && !isIsoDate(s.due)) throw new UserError(`evidence ${i + 1} of criterion ${code}: '${s.due}' is not a date.`);
    if (!Number.isInteger(s.minCount) || s.minCount < 0 || s.minCount > 1000) throw new UserError(`evidence ${i + 1} of criterion ${code}: minimum count '${s.minCount}' must be a whole number from 0.`);
    const id = s.id && known.has(s.id) && !used.has(s.id) ? s.id : fresh();
    used.add(id);
    return {
      id,
      label,
      types: [...new Set(s.types.map((t) => t.trim().toUpperCase()).filter(Boolean))],
      keywords: [...new Set(s.keywords.map((k) => foldForMatch(k.trim())).filter(Boolean))],
      minCount: s.minCount,
      due: s.due,
    };
  });
}

export function editCriterion(pack: CriteriaPack, code: string, patch: CriterionPatch): CriterionEdit {
  const before = findCriterion(pack, code.trim());
  if (!before) throw new UserError(`criterion '${code}' is not in the pack '${pack.name}'.`);
  const after: Criterion = { ...before };
  if (patch.title !== undefined) {
    const title = patch.title.trim();
    if (!title) throw new UserError(`criterion ${before.code}: the title is empty.`);
    after.title = title;
  }
  if (patch.maxPoints !== undefined) {
    if (patch.maxPoints !== null && !(Number.isFinite(patch.maxPoints) && patch.maxPoints >= 0 && patch.maxPoints <= 1000)) {
      throw new UserError(`criterion ${before.code}: max points '${patch.maxPoints}' must be from 0 to 1000.`);
    }
    after.maxPoints = patch.maxPoints;
  }
  if (patch.responsible !== undefined) after.responsible = text(patch.responsible);
  if (patch.collaborators !== undefined) after.collaborators = text(patch.collaborators);
  if (patch.evidence !== undefined) after.evidence = slots(before.code, before.evidence, patch.evidence);
  const next: CriteriaPack = { ...pack, criteria: pack.criteria.map((c) => (c.code === before.code ? after : c)) };
  const parsed = CriteriaPackSchema.safeParse(next);
  if (!parsed.success) throw new UserError(`criterion ${before.code}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const keys: (keyof Criterion)[] = ['title', 'maxPoints', 'responsible', 'collaborators', 'evidence'];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { pack: next, before, after, changed };
}
