// "Nhập từ kế hoạch": a plan document (.pdf with a text layer, .docx) read into a draft pack
// (packs:importPlan without saving), shown as a table to check: each row's cells, what the reader
// was unsure of highlighted, the batches the plan states. The user fixes cells and removes rows,
// then saves it as a pack (packs:saveDraft), which then shows in the pack library below.
import { useMemo, useState } from 'react';
import type { CallResults, PackProblemJson } from '../../../shared/api.js';
import type { UnsureCell } from '../../../shared/plan-draft.js';
import { parsePoints } from '../../../shared/parse-input.js';
import { useI18n } from '../i18n/index.js';
import { formatDate, formatNumber } from '../format.js';
import { useApp } from '../state.js';
import { parseVnDate } from './packs-criterion-form.js';

type Draft = CallResults['packs:importPlan'];
type Saved = CallResults['packs:saveDraft'];

interface EditRow {
  key: number;
  code: string;
  parent: string | null;
  title: string;
  responsible: string;
  collaborators: string;
  expectedResult: string;
  deadline: string | null;
  /** dd/mm/yyyy as typed. */
  due: string;
  max: string;
  /** Evidence slots the draft derived from the expected result (before edits). */
  slots: string[];
}

type EditField = 'title' | 'responsible' | 'collaborators' | 'expectedResult' | 'due' | 'max';

const toVn = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '');
const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function rowsOf(draft: Draft, lang: 'vi' | 'en'): EditRow[] {
  const byCode = new Map(draft.pack.criteria.map((c) => [c.code, c]));
  return draft.rows.map((r, i) => {
    const c = byCode.get(r.code);
    const due = c?.due ?? c?.evidence.find((s) => s.due !== null)?.due ?? null;
    return {
      key: i,
      code: r.code,
      parent: r.parent,
      title: r.title,
      responsible: r.responsible ?? '',
      collaborators: r.collaborators ?? '',
      expectedResult: r.expectedResult ?? '',
      deadline: r.due,
      due: toVn(due),
      max: r.maxPoints === null ? '' : formatNumber(r.maxPoints, lang),
      slots: (c?.evidence ?? []).map((s) => s.label),
    };
  });
}

/** The draft's unsure cells by row code and the preview's column (target and task are read into the title). */
function unsureMap(unsure: readonly UnsureCell[]): Map<string, UnsureCell[]> {
  const m = new Map<string, UnsureCell[]>();
  for (const u of unsure) {
    const field = u.field === 'target' || u.field === 'task' ? 'title' : u.field === 'maxPoints' ? 'max' : u.field;
    const key = `${u.code}|${field}`;
    m.set(key, [...(m.get(key) ?? []), u]);
  }
  return m;
}

export function PlanImport(props: { onSaved: (saved: Saved) => void }) {
  const { t, w, lang } = useI18n();
  const { client } = useApp();
  const [file, setFile] = useState('');
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rows, setRows] = useState<EditRow[]>([]);
  const [name, setName] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saveProblems, setSaveProblems] = useState<PackProblemJson[]>([]);
  const [saved, setSaved] = useState<Saved | null>(null);
  const unsure = useMemo(() => unsureMap(draft?.unsure ?? []), [draft]);

  const read = async (): Promise<void> => {
    setFileError(null);
    setDraft(null);
    setSaved(null);
    setSaveError(null);
    setSaveProblems([]);
    setReading(true);
    const r = await client.call('packs:importPlan', { file: file.trim() });
    setReading(false);
    if (r.ok) {
      setDraft(r.value);
      setRows(rowsOf(r.value, lang));
      setName(r.value.pack.name);
    } else if (r.error.kind === 'user' && r.error.params.problems.length > 0) {
      setFileError(r.error.params.problems.map((p) => w.packProblem(p)).join('; '));
    } else if (r.error.kind === 'invalid-argument') {
      setFileError(t('plan.fileRequired'));
    } else {
      setFileError(w.error(r.error));
    }
  };

  const edit = (key: number, field: EditField, value: string): void => {
    setSaved(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  };
  const remove = (key: number): void => {
    setSaved(null);
    setRows((rs) => rs.filter((r) => r.key !== key));
  };

  const cellErrors = (r: EditRow): Partial<Record<EditField, string>> => {
    const e: Partial<Record<EditField, string>> = {};
    if (r.title.trim() === '') e.title = t('packs.err.title');
    if (parseVnDate(r.due) === undefined) e.due = t('packs.err.date');
    if (!parsePoints(r.max).ok) e.max = t('packs.err.points');
    return e;
  };
  const anyError = rows.some((r) => Object.keys(cellErrors(r)).length > 0) || name.trim() === '';

  const save = async (): Promise<void> => {
    if (!draft) return;
    setSaveError(null);
    setSaveProblems([]);
    const p = draft.pack;
    const r = await client.call('packs:saveDraft', {
      pack: { id: p.id, name: name.trim(), year: p.year, level: p.level, unit: p.unit, source: p.source, ...(p.batches ? { batches: p.batches } : {}) },
      rows: rows.map((row) => {
        const points = parsePoints(row.max);
        return {
          code: row.code,
          parent: row.parent,
          title: row.title.trim(),
          responsible: blankToNull(row.responsible),
          collaborators: blankToNull(row.collaborators),
          expectedResult: blankToNull(row.expectedResult),
          deadline: row.deadline,
          due: parseVnDate(row.due) ?? null,
          maxPoints: points.ok ? points.value : null,
        };
      }),
    });
    if (r.ok) {
      setSaved(r.value);
      props.onSaved(r.value);
    } else if (r.error.kind === 'user' && r.error.params.problems.length > 0) {
      setSaveProblems(r.error.params.problems);
    } else {
      setSaveError(w.error(r.error));
    }
  };

  const cell = (r: EditRow, field: EditField, errors: Partial<Record<EditField, string>>, multiline: boolean) => {
    const doubts = unsure.get(`${r.code}|${field}`) ?? [];
    const error = errors[field];
    const props = {
      value: r[field],
      onChange: (e: { target: { value: string } }) => edit(r.key, field, e.target.value),
      'data-testid': `plan-${field}`,
      'aria-label': t(`plan.col.${field}`),
      spellCheck: false,
    };
    return (
      <td className={doubts.length > 0 ? 'unsure' : undefined} data-unsure={doubts.length > 0 ? doubts.map((d) => d.reason).join(' ') : undefined} title={doubts.map((d) => t(`plan.unsure.${d.reason}`)).join('\n') || undefined}>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} placeholder={field === 'due' ? 'dd/mm/yyyy' : undefined} />}
        {doubts.length > 0 && (
          <span className="unsure-note" data-testid="plan-unsure-note">
            {doubts.map((d) => t(`plan.unsure.${d.reason}`)).join('; ')}
          </span>
        )}
        {error && (
          <span className="error-text" data-testid={`plan-${field}-error`}>
            {error}
          </span>
        )}
      </td>
    );
  };

  return (
    <section className="card plan-import" data-testid="plan-import">
      <h2>{t('plan.heading')}</h2>
      <p className="muted">{t('plan.hint')}</p>
      <div className="row-form">
        <input data-testid="plan-file" value={file} onChange={(e) => setFile(e.target.value)} placeholder="/home/…/ke-hoach.pdf" aria-label={t('plan.file')} spellCheck={false} style={{ minWidth: '24rem' }} />
        <button data-testid="plan-read" disabled={!file.trim() || reading} onClick={() => void read()}>
          {reading ? t('plan.reading') : t('plan.read')}
        </button>
        {fileError && (
          <span className="error-text" data-testid="plan-file-error">
            {fileError}
          </span>
        )}
      </div>

      {draft && (
        <div data-testid="plan-preview" data-rows={rows.length} data-pack-id={draft.pack.id}>
          <p>
            {t('plan.summary', { n: draft.rows.length, unsure: draft.unsure.length })}
            {draft.section ? ` ${t('plan.section', { section: draft.section })}` : ''}
          </p>
          <p data-testid="plan-batches">
            {draft.batches.length === 0
              ? t('plan.noBatches')
              : `${t('plan.batches')} ${draft.batches.map((b) => (b.yearInferred ? t('plan.batchYearly', { name: b.name, date: formatDate(b.due).slice(0, 5) }) : t('plan.batch', { name: b.name, date: formatDate(b.due) }))).join('; ')}`}
          </p>
          <label className="row-form">
            {t('plan.name')}
            <input data-testid="plan-name" value={name} onChange={(e) => setName(e.target.value)} style={{ minWidth: '24rem' }} />
          </label>
          <div className="plan-scroll">
            <table className="plan-table" data-testid="plan-table">
              <thead>
                <tr>
                  <th>{t('plan.col.code')}</th>
                  <th>{t('plan.col.title')}</th>
                  <th>{t('plan.col.responsible')}</th>
                  <th>{t('plan.col.collaborators')}</th>
                  <th>{t('plan.col.expectedResult')}</th>
                  <th>{t('plan.col.deadline')}</th>
                  <th>{t('plan.col.due')}</th>
                  <th>{t('plan.col.max')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const errors = cellErrors(r);
                  const codeDoubts = unsure.get(`${r.code}|code`) ?? [];
                  return (
                    <tr key={r.key} data-testid="plan-row" data-code={r.code}>
                      <td className={codeDoubts.length > 0 ? 'unsure' : undefined} title={codeDoubts.map((d) => t(`plan.unsure.${d.reason}`)).join('\n') || undefined}>
                        <b>{r.code}</b>
                      </td>
                      {cell(r, 'title', errors, true)}
                      {cell(r, 'responsible', errors, true)}
                      {cell(r, 'collaborators', errors, true)}
                      <td className={(unsure.get(`${r.code}|expectedResult`) ?? []).length > 0 ? 'unsure' : undefined}>
                        <textarea rows={2} value={r.expectedResult} data-testid="plan-expectedResult" aria-label={t('plan.col.expectedResult')} spellCheck={false} onChange={(e) => edit(r.key, 'expectedResult', e.target.value)} />
                        {r.slots.length > 0 && (
                          <span className="muted" data-testid="plan-slots">
                            {t('plan.slots', { n: r.slots.length })}
                          </span>
                        )}
                        {(unsure.get(`${r.code}|expectedResult`) ?? []).map((d, i) => (
                          <span key={i} className="unsure-note">
                            {t(`plan.unsure.${d.reason}`)}
                          </span>
                        ))}
                      </td>
                      <td className={(unsure.get(`${r.code}|due`) ?? []).length > 0 ? 'unsure' : undefined} data-testid="plan-deadline">
                        {r.deadline ?? '—'}
                      </td>
                      {cell(r, 'due', errors, false)}
                      {cell(r, 'max', errors, false)}
                      <td>
                        <button data-testid="plan-remove" onClick={() => remove(r.key)} aria-label={t('plan.remove')}>
                          {t('plan.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="row-form">
            <button data-testid="plan-save" disabled={anyError || rows.length === 0} onClick={() => void save()}>
              {t('plan.save', { n: rows.length })}
            </button>
            {saveError && (
              <span className="error-text" data-testid="plan-save-error">
                {saveError}
              </span>
            )}
            {saved && (
              <span className="ok-text" data-testid="plan-saved" data-pack-id={saved.id}>
                {t(saved.replaced ? 'plan.replaced' : 'plan.saved', { name: saved.name, n: saved.criteria })}
              </span>
            )}
          </div>
          {saveProblems.length > 0 && (
            <ul className="error-text" data-testid="plan-save-problems">
              {saveProblems.map((p, i) => (
                <li key={i}>
                  {t('packs.warning', { row: p.row ?? '—', column: p.column ?? '—' })} {w.packProblem(p)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
