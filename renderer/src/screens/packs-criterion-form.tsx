// Edit one criterion of the workspace's pack: title, max points (7,5), evidence slots (type,
// keywords, minimum count, due date dd/mm/yyyy), responsible and collaborating offices, and
// whether it applies to this unit. Bad input is refused at its field; nothing is sent then.
import { useEffect, useRef, useState } from 'react';
import type { Criterion } from '../../../shared/pack.js';
import { parsePoints } from '../../../shared/parse-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp, useLoad } from '../state.js';

interface SlotDraft {
  id: string | null;
  label: string;
  types: string;
  keywords: string;
  minCount: string;
  due: string;
}

const toVnDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '');

/** "30/06/2023" → "2023-06-30"; blank → null; anything else (or a date that does not exist) → undefined. */
export function parseVnDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const list = (s: string): string[] =>
  s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function CriterionForm({ criterion, onClose, onSaved }: { criterion: Criterion | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { run } = useApp();
  const status = useLoad('status:get', {}, []);
  const c = criterion;
  const [title, setTitle] = useState(c?.title ?? '');
  const [max, setMax] = useState(c?.maxPoints === null || c?.maxPoints === undefined ? '' : c.maxPoints.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));
  const [responsible, setResponsible] = useState(c?.responsible ?? '');
  const [collaborators, setCollaborators] = useState(c?.collaborators ?? '');
  const [slots, setSlots] = useState<SlotDraft[]>(
    (c?.evidence ?? []).map((s) => ({ id: s.id, label: s.label, types: s.types.join(', '), keywords: s.keywords.join(', '), minCount: String(s.minCount), due: toVnDate(s.due) })),
  );
  const [na, setNa] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  if (!c) return null;
  const current = status.data?.criteria.find((x) => x.code === c.code) ?? null;
  const notApplicable = na ?? current?.status === 'not-applicable';

  const maxParsed = parsePoints(max);
  const slotErrors = slots.map((s) => ({
    label: s.label.trim() === '',
    minCount: !/^\d{1,4}$/.test(s.minCount.trim()),
    due: parseVnDate(s.due) === undefined,
  }));
  const invalid = title.trim() === '' || !maxParsed.ok || slotErrors.some((e) => e.label || e.minCount || e.due);
  const edit = (i: number, patch: Partial<SlotDraft>): void => setSlots(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const save = async (): Promise<void> => {
    if (invalid || !maxParsed.ok) return;
    await run('packs:updateCriterion', {
      code: c.code,
      patch: {
        title: title.trim(),
        maxPoints: maxParsed.value,
        responsible: responsible.trim() || null,
        collaborators: collaborators.trim() || null,
        evidence: slots.map((s) => ({ id: s.id, label: s.label.trim(), types: list(s.types), keywords: list(s.keywords), minCount: Number(s.minCount.trim()), due: parseVnDate(s.due) ?? null })),
      },
    });
    if (na !== null && current && na !== (current.status === 'not-applicable')) {
      await run('review:score', { code: c.code, points: current.selfScore, notApplicable: na });
    }
    setSaved(true);
    onSaved();
  };

  // The form opens below a long table: bring it into view, or "Sửa" seems to do nothing.
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    shown.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  return (
    <section ref={shown} className="card criterion-form" data-testid="criterion-form" data-code={c.code}>
      <h3>
        {t('packs.editing')} {c.code}
      </h3>
      <label>
        {t('packs.title')}
        <input data-testid="cf-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={title.trim() === ''} />
        {title.trim() === '' && <span className="error-text">{t('packs.err.title')}</span>}
      </label>
      <label>
        {t('packs.maxPoints')}
        <input data-testid="cf-max" value={max} onChange={(e) => setMax(e.target.value)} placeholder="7,5" aria-invalid={!maxParsed.ok} />
        {!maxParsed.ok && (
          <span className="error-text" data-testid="cf-max-error">
            {t('packs.err.points')}
          </span>
        )}
      </label>
      <label>
        {t('packs.responsible')}
        <input data-testid="cf-responsible" value={responsible} onChange={(e) => setResponsible(e.target.value)} />
      </label>
      <label>
        {t('packs.collaborators')}
        <input data-testid="cf-collaborators" value={collaborators} onChange={(e) => setCollaborators(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" data-testid="cf-na" checked={notApplicable} onChange={(e) => setNa(e.target.checked)} />
        {t('packs.notApplicable')}
      </label>
      <h4>{t('packs.slots')}</h4>
      {slots.map((s, i) => (
        <div className="slot-row" key={i} data-testid="cf-slot" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <label>
            {t('packs.slot.label')}
            <input value={s.label} onChange={(e) => edit(i, { label: e.target.value })} aria-invalid={slotErrors[i]?.label} />
          </label>
          <label>
            {t('packs.slot.types')}
            <input value={s.types} onChange={(e) => edit(i, { types: e.target.value })} placeholder="KH, BC" size={8} />
          </label>
          <label>
            {t('packs.slot.keywords')}
            <input value={s.keywords} onChange={(e) => edit(i, { keywords: e.target.value })} />
          </label>
          <label>
            {t('packs.slot.minCount')}
            <input value={s.minCount} onChange={(e) => edit(i, { minCount: e.target.value })} size={3} aria-invalid={slotErrors[i]?.minCount} />
            {slotErrors[i]?.minCount && <span className="error-text">{t('packs.err.minCount')}</span>}
          </label>
          <label>
            {t('packs.slot.due')}
            <input value={s.due} onChange={(e) => edit(i, { due: e.target.value })} placeholder="30/06/2023" size={10} aria-invalid={slotErrors[i]?.due} />
            {slotErrors[i]?.due && <span className="error-text">{t('packs.err.date')}</span>}
          </label>
          <button type="button" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
            {t('packs.slot.remove')}
          </button>
        </div>
      ))}
      <button type="button" data-testid="cf-add-slot" onClick={() => setSlots([...slots, { id: null, label: '', types: '', keywords: '', minCount: '1', due: '' }])}>
        {t('packs.slot.add')}
      </button>
      <div className="row-form">
        <button data-testid="cf-save" disabled={invalid} onClick={() => void save()}>
          {t('packs.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('packs.close')}
        </button>
        {saved && (
          <span className="ok-text" data-testid="cf-saved">
            {t('packs.saved')}
          </span>
        )}
      </div>
    </section>
  );
}
