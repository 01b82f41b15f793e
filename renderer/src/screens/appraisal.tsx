// Appraisal (issue 15). The Sở Nội vụ side: open a received bundle into an appraisal workspace
// (verified first), then per criterion the appraised score, a decision per document and requests
// (giải trình / bổ sung), and the decisions file for the unit; a supplement opens onto the same
// folder as the next round. The unit's side, when a workspace is open: import that file.
import { useEffect, useState } from 'react';
import type { AppraisalCriterionJson, AppraisalStatusJson, CallArgs, CallName, CallResults, RequestKind } from '../../../shared/api.js';
import { PathInput } from '../components/path-input.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';
import { formatDate, formatNumber } from '../format.js';

const DIR_KEY = 'kiemchung.appraisalDir';

function rememberedDir(): string {
  try {
    return sessionStorage.getItem(DIR_KEY) ?? '';
  } catch {
    return '';
  }
}

function CriterionCard({ c, call }: { c: AppraisalCriterionJson; call: <N extends CallName>(name: N, args: Omit<CallArgs<N>, 'dir'>, done: (v: CallResults[N]) => string) => void }) {
  const { t, lang } = useI18n();
  const [points, setPoints] = useState(c.appraisedScore !== null && c.parent !== null ? formatNumber(c.appraisedScore, lang) : '');
  const [note, setNote] = useState(c.note ?? '');
  const [kind, setKind] = useState<RequestKind>('supplement');
  const [request, setRequest] = useState('');
  const [due, setDue] = useState('');
  const depth = c.code.split('.').length - 1;
  return (
    <section className="card appraisal-criterion" data-testid="appraisal-row" data-code={c.code} data-appraised={c.appraisedScore ?? ''} style={{ marginLeft: `${depth * 1.2}rem` }}>
      <h3>
        {c.code}. {c.title}
      </h3>
      <p className="muted small">
        {t('appr.max')}: {formatNumber(c.maxPoints, lang)} · {t('appr.self')}: {formatNumber(c.selfScore, lang)} · {t('appr.appraised')}:{' '}
        <b data-testid="appraised-score">{formatNumber(c.appraisedScore, lang)}</b>
        {c.explanation ? ` · ${t('appr.explanation')}: ${c.explanation}` : ''}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          call('appraisal:score', { code: c.code, points: points.trim(), note: note.trim() || null }, (r) => t('appr.scored', { code: r.code, points: formatNumber(r.points, lang) }));
        }}
      >
        <input value={points} onChange={(e) => setPoints(e.target.value)} placeholder="7,5" size={6} data-testid="appraise-points" aria-label={t('appr.appraised')} />
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('appr.note')} data-testid="appraise-note" aria-label={t('appr.note')} />
        <button type="submit" disabled={points.trim() === ''} data-testid="appraise-score">
          {t('appr.score')}
        </button>
      </form>
      {c.evidence.length > 0 && (
        <table className="list">
          <tbody>
            {c.evidence.map((e) => (
              <tr key={e.path} data-testid="appraisal-doc" data-path={e.path} data-decision={e.decision?.decision ?? ''} className={e.withdrawnRound !== null ? 'muted' : ''}>
                <td className="small">{t('appr.round', { n: e.round })}</td>
                <td>
                  <code>{e.path}</code>
                  <div className="small muted">
                    {[e.number, formatDate(e.date), e.title].filter((x) => x && x !== '—').join(' · ')}
                    {e.answers.length > 0 && ` · ${t('appr.answers', { ids: e.answers.join(', ') })}`}
                    {e.withdrawnRound !== null && ` · ${t('appr.withdrawn', { n: e.withdrawnRound })}`}
                  </div>
                </td>
                <td>{e.decision ? t(e.decision.decision === 'accepted' ? 'appr.accepted' : 'appr.rejected') : t('appr.undecided')}</td>
                <td>
                  {e.withdrawnRound === null && (
                    <>
                      <button type="button" data-testid="appraise-accept" onClick={() => call('appraisal:decide', { code: c.code, doc: e.path, decision: 'accepted' }, () => t('appr.decided'))}>
                        {t('appr.accept')}
                      </button>{' '}
                      <button type="button" data-testid="appraise-reject" onClick={() => call('appraisal:decide', { code: c.code, doc: e.path, decision: 'rejected' }, () => t('appr.decided'))}>
                        {t('appr.reject')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.requests.length > 0 && (
        <ul className="requests">
          {c.requests.map((r) => (
            <li key={r.id} data-testid="appraisal-request" data-id={r.id} data-status={r.status}>
              <b>{r.id}</b> {t(r.kind === 'explain' ? 'appr.kind.explain' : 'appr.kind.supplement')}: {r.note}
              {r.due ? ` (${t('appr.due')} ${formatDate(r.due)})` : ''} — {r.status === 'open' ? t('appr.isOpen') : t('appr.answered', { n: r.answeredRound ?? '' })}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          call('appraisal:request', { code: c.code, kind, note: request.trim(), due: due.trim() || null }, (r) => {
            setRequest('');
            setDue('');
            return t('appr.requested', { id: r.id });
          });
        }}
      >
        <select value={kind} onChange={(e) => setKind(e.target.value as RequestKind)} data-testid="request-kind" aria-label={t('appr.kind')}>
          <option value="supplement">{t('appr.kind.supplement')}</option>
          <option value="explain">{t('appr.kind.explain')}</option>
        </select>
        <input value={request} onChange={(e) => setRequest(e.target.value)} placeholder={t('appr.requestNote')} data-testid="request-note" aria-label={t('appr.requestNote')} />
        <input value={due} onChange={(e) => setDue(e.target.value)} placeholder="dd/mm/yyyy" size={10} data-testid="request-due" aria-label={t('appr.due')} />
        <button type="submit" disabled={request.trim() === ''} data-testid="request-add">
          {t('appr.request')}
        </button>
      </form>
    </section>
  );
}

export function AppraisalScreen() {
  const { t, w, lang } = useI18n();
  const { client, workspace, bump } = useApp();
  const [bundle, setBundle] = useState('');
  const [dir, setDir] = useState(rememberedDir);
  const [out, setOut] = useState('');
  const [decisions, setDecisions] = useState('');
  const [status, setStatus] = useState<AppraisalStatusJson | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (d: string): Promise<void> => {
    const r = await client.call('appraisal:status', { dir: d });
    if (r.ok) {
      setStatus(r.value);
      try {
        sessionStorage.setItem(DIR_KEY, d);
      } catch {
        // remembering the folder is a convenience only
      }
    } else setError(w.error(r.error));
  };
  useEffect(() => {
    if (dir.trim()) void load(dir.trim());
    // Only the folder remembered when the screen opens.
  }, []);

  /** One call on the appraisal workspace; its result worded, then the status read again. */
  const call = <N extends CallName>(name: N, args: Omit<CallArgs<N>, 'dir'>, done: (v: CallResults[N]) => string): void => {
    setError(null);
    setMessage(null);
    setBusy(true);
    void client
      .call(name, { ...args, dir: dir.trim() } as CallArgs<N>)
      .then(async (r) => {
        if (!r.ok) setError(w.error(r.error));
        else {
          setMessage(done(r.value));
          await load(dir.trim());
        }
      })
      .finally(() => setBusy(false));
  };

  const s = status?.summary;
  return (
    <div className="appraisal" data-testid="appraisal-screen">
      <h2>{t('appr.heading')}</h2>
      <p className="muted">{t('appr.intro')}</p>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          setMessage(null);
          setBusy(true);
          void client
            .call('appraisal:open', { bundle: bundle.trim(), dir: dir.trim() })
            .then(async (r) => {
              if (!r.ok) setError(w.error(r.error));
              else {
                setMessage(t('appr.opened', { file: r.value.file, round: r.value.round, n: r.value.evidence }) + (r.value.answered.length ? ` ${t('appr.openedAnswers', { ids: r.value.answered.join(', ') })}` : ''));
                await load(dir.trim());
              }
            })
            .finally(() => setBusy(false));
        }}
      >
        <label>
          {t('appr.bundle')}
          <PathInput value={bundle} onChange={setBundle} kind="save" testId="appraisal-bundle" placeholder="/home/…/TLKC-2023.zip" />
        </label>
        <label>
          {t('appr.dir')}
          <PathInput value={dir} onChange={setDir} kind="folder" testId="appraisal-dir" />
        </label>
        <div className="row span-all">
          <button type="submit" className="primary" disabled={busy || !bundle.trim() || !dir.trim()} data-testid="appraisal-open">
            {t('appr.open')}
          </button>{' '}
          <button type="button" disabled={busy || !dir.trim()} data-testid="appraisal-load" onClick={() => void load(dir.trim())}>
            {t('appr.load')}
          </button>
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert" data-testid="appraisal-error">
          {error}
        </p>
      )}
      {message && (
        <p className="ok-text" data-testid="appraisal-message">
          {message}
        </p>
      )}
      {status && s && (
        <>
          <section className="summary" data-testid="appraisal-summary" data-rounds={status.rounds.length} data-open={s.requests.open} data-answered={s.requests.answered} data-rejected={s.rejected}>
            <h3>
              {status.unit ?? ''} · {status.pack.name} · {status.year ?? ''}
            </h3>
            <ul>
              {status.rounds.map((r) => (
                <li key={r.round} data-testid="appraisal-round">
                  {t('appr.roundLine', { n: r.round, file: r.file, docs: r.evidence, date: formatDate(r.createdAt) })}
                  {r.answered.length > 0 && ` · ${t('appr.answers', { ids: r.answered.join(', ') })}`}
                </li>
              ))}
            </ul>
            <p>
              {t('appr.totals', { self: formatNumber(s.selfScore, lang), appraised: formatNumber(s.appraisedScore, lang), max: formatNumber(s.maxPoints, lang) })} ·{' '}
              {t('appr.docs', { n: s.documents, accepted: s.accepted, rejected: s.rejected })} · {t('appr.requests', { open: s.requests.open, answered: s.requests.answered })}
            </p>
          </section>
          {status.criteria.map((c) => (
            <CriterionCard key={`${c.code}-${c.appraisedScore ?? ''}`} c={c} call={call} />
          ))}
          <form
            className="grid-form card"
            onSubmit={(e) => {
              e.preventDefault();
              call('appraisal:export', { out: out.trim() }, (r) => t('appr.exported', { out: r.out, xlsx: r.xlsx }));
            }}
          >
            <label>
              {t('appr.out')}
              <PathInput value={out} onChange={setOut} kind="save" testId="appraisal-out" placeholder="/home/…/ket-qua-tham-dinh.json" defaultName="ket-qua-tham-dinh.json" />
            </label>
            <div>
              <button type="submit" className="primary" disabled={busy || !out.trim()} data-testid="appraisal-export">
                {t('appr.export')}
              </button>
            </div>
          </form>
        </>
      )}
      {workspace && (
        <form
          className="grid-form card"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            setMessage(null);
            void client.call('decisions:import', { file: decisions.trim() }).then((r) => {
              if (!r.ok) setError(w.error(r.error));
              else {
                setMessage(t('appr.imported', { scores: r.value.scores, open: r.value.requests.open }));
                bump();
              }
            });
          }}
        >
          <h3>{t('appr.unitSide')}</h3>
          <label>
            {t('appr.decisionsFile')}
            <PathInput value={decisions} onChange={setDecisions} kind="save" testId="decisions-file" placeholder="/home/…/ket-qua-tham-dinh.json" />
          </label>
          <div>
            <button type="submit" disabled={!decisions.trim()} data-testid="decisions-import">
              {t('appr.import')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
