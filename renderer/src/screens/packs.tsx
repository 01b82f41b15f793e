// Criteria packs: import a pack file (each problem with its row and column), put it to use in
// this workspace, edit the workspace's criteria, export them to XLSX.
import { useMemo, useState } from 'react';
import type { PackImportJson, PackProblemJson } from '../../../shared/api.js';
import { compareCodes } from '../../../shared/pack.js';
import { PathInput } from '../components/path-input.js';
import { useI18n } from '../i18n/index.js';
import { formatNumber } from '../format.js';
import { useApp, useLoad } from '../state.js';
import { CriterionForm } from './packs-criterion-form.js';
import { PlanImport } from './packs-plan.js';

export function PacksScreen() {
  const { t, w, lang } = useI18n();
  const { client, run, bump, setWorkspace, workspace } = useApp();
  const pack = useLoad('packs:workspace', {}, []);
  const library = useLoad('packs:list', {}, []);
  const [file, setFile] = useState('');
  const [imported, setImported] = useState<PackImportJson | null>(null);
  const [problems, setProblems] = useState<PackProblemJson[] | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [used, setUsed] = useState<string | null>(null);
  const [usedFrom, setUsedFrom] = useState<'import' | 'library'>('import');
  const [out, setOut] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const criteria = useMemo(() => [...(pack.data?.criteria ?? [])].sort((a, b) => compareCodes(a.code, b.code)), [pack.data]);

  const doImport = async (): Promise<void> => {
    setImported(null);
    setProblems(null);
    setImportError(null);
    setUsed(null);
    const r = await client.call('packs:import', { file: file.trim() });
    if (r.ok) {
      setImported(r.value);
      library.reload();
    }
    else if (r.error.kind === 'user' && r.error.params.problems.length > 0) setProblems(r.error.params.problems);
    else setImportError(r.error.kind === 'invalid-argument' ? t('packs.fileRequired') : w.error(r.error));
  };

  const use = async (id: string, from: 'import' | 'library' = 'import'): Promise<void> => {
    setUsedFrom(from);
    const info = await run('packs:use', { id });
    setWorkspace(info);
    setUsed(info.pack.name);
    bump();
    pack.reload();
  };

  return (
    <div className="packs" data-testid="packs-screen">
      <section className="card">
        <h2>{t('packs.import')}</h2>
        <p className="muted">{t('packs.importHint')}</p>
        <div className="row-form">
          <input data-testid="pack-file" value={file} onChange={(e) => setFile(e.target.value)} placeholder="/home/…/bo-tieu-chi.xlsx" aria-label={t('packs.file')} spellCheck={false} style={{ minWidth: '24rem' }} />
          <button data-testid="pack-import" disabled={!file.trim()} onClick={() => void doImport()}>
            {t('packs.importButton')}
          </button>
        </div>
        {importError && (
          <p className="error-text" data-testid="pack-import-error">
            {importError}
          </p>
        )}
        {problems && (
          <div data-testid="pack-problems" data-count={problems.length}>
            <p className="error-text">{t('packs.problems', { n: problems.length })}</p>
            <table className="problems">
              <thead>
                <tr>
                  <th>{t('packs.row')}</th>
                  <th>{t('packs.column')}</th>
                  <th>{t('packs.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i} data-testid="pack-problem" data-row={p.row ?? ''} data-column={p.column ?? ''}>
                    <td>{p.row ?? '—'}</td>
                    <td>{p.column ?? '—'}</td>
                    <td>{w.packProblem(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {imported && (
          <div data-testid="pack-imported" data-pack-id={imported.id}>
            <p>{t('packs.imported', { name: imported.name, n: imported.criteria })}</p>
            {imported.warnings.map((warning, i) => (
              <p key={i} className="muted" data-testid="pack-warning">
                {t('packs.warning', { row: warning.row ?? '—', column: warning.column ?? '—' })} {w.packProblem(warning)}
              </p>
            ))}
            <button data-testid="pack-use" onClick={() => void use(imported.id)}>
              {t('packs.use')}
            </button>
          </div>
        )}
        {used && usedFrom === 'import' && (
          <p data-testid="pack-used" className="ok-text">
            {t('packs.used', { name: used })}
          </p>
        )}
      </section>

      <PlanImport onSaved={() => library.reload()} />

      <section className="card" data-testid="pack-library">
        <h2>{t('library.heading')}</h2>
        {library.error && <p className="error-text">{w.error(library.error.error)}</p>}
        <table className="criteria-table">
          <tbody>
            {(library.data ?? []).map((p) => (
              <tr key={p.id} data-testid="library-pack" data-pack-id={p.id}>
                <td>{p.name}</td>
                <td className="muted">{p.builtin ? t('library.builtin') : t('library.imported')}</td>
                <td>{t('library.criteria', { n: p.criteria })}</td>
                <td>
                  {workspace?.pack.id === p.id ? (
                    <span className="ok-text">✓</span>
                  ) : (
                    <button data-testid="library-use" onClick={() => void use(p.id, 'library')}>
                      {t('packs.use')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {used && usedFrom === 'library' && (
          <p data-testid="library-used" className="ok-text">
            {t('packs.used', { name: used })}
          </p>
        )}
      </section>

      <section className="card">
        <h2>
          {t('packs.current')}: {workspace?.pack.name}
        </h2>
        <div className="row-form">
          <PathInput value={out} onChange={setOut} kind="save" testId="pack-export-out" placeholder="/home/…/bo-tieu-chi.xlsx" defaultName="bo-tieu-chi.xlsx" />
          <button data-testid="pack-export" disabled={!out.trim()} onClick={() => void run('packs:exportWorkspace', { out: out.trim() }).then((r) => setExported(r.out))}>
            {t('packs.export')}
          </button>
          {exported && (
            <span className="muted" data-testid="pack-exported">
              {t('packs.exported', { path: exported })}
            </span>
          )}
        </div>
        {pack.error && <p className="error-text">{w.error(pack.error.error)}</p>}
        <table className="criteria-table" data-testid="pack-criteria">
          <thead>
            <tr>
              <th>{t('packs.code')}</th>
              <th>{t('packs.title')}</th>
              <th>{t('packs.maxPoints')}</th>
              <th>{t('packs.responsible')}</th>
              <th>{t('packs.slots')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.code} data-testid="pack-criterion" data-code={c.code} data-max={c.maxPoints ?? ''}>
                <td>{c.code}</td>
                <td>{c.title}</td>
                <td>{formatNumber(c.maxPoints, lang)}</td>
                <td>{c.responsible ?? '—'}</td>
                <td>{c.evidence.length}</td>
                <td>
                  <button data-testid="pack-edit" onClick={() => setEditing(editing === c.code ? null : c.code)}>
                    {t('packs.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing && pack.data && (
        <CriterionForm
          key={editing}
          criterion={pack.data.criteria.find((c) => c.code === editing) ?? null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            bump();
            pack.reload();
          }}
        />
      )}
    </div>
  );
}
