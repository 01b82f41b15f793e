// The office registry as the secretariat edits it: rename an office, add or remove its other
// names, merge two offices, choose a group's offices, and the office of each evidence folder.
import { useState } from 'react';
import type { CallArgs, CallName, OfficeJson, OfficesJson } from '../../../shared/api.js';
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';

function OfficeRow({ office, all, act }: { office: OfficeJson; all: OfficeJson[]; act: <N extends CallName>(name: N, args: CallArgs<N>) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(office.name);
  const [alias, setAlias] = useState('');
  const others = all.filter((o) => o.id !== office.id && o.kind === office.kind);
  const offices = all.filter((o) => o.kind === 'office' && !office.members.includes(o.name));
  return (
    <tr data-testid="registry-row" data-office={office.name} data-kind={office.kind}>
      <td>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== office.name) act('offices:rename', { office: office.name, name: name.trim() });
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('offices.registry.name')} data-testid="registry-name" />
          <button type="submit" disabled={!name.trim() || name.trim() === office.name} data-testid="registry-rename">
            {t('offices.registry.rename')}
          </button>
        </form>
        <div className="muted small">
          {office.kind === 'group' ? `${t('offices.registry.group')} · ` : ''}
          {t('offices.registry.criteria', { n: office.criteria })}
        </div>
      </td>
      <td>
        <div>
          {office.aliases.map((a) => (
            <span key={a} className="badge">
              {a}{' '}
              <button type="button" title={t('offices.registry.removeAlias', { alias: a })} aria-label={t('offices.registry.removeAlias', { alias: a })} onClick={() => act('offices:alias', { office: office.name, alias: a, remove: true })}>
                ×
              </button>
            </span>
          ))}
        </div>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (alias.trim()) act('offices:alias', { office: office.name, alias: alias.trim() });
            setAlias('');
          }}
        >
          <input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder={t('offices.registry.addAlias')} data-testid="registry-alias" />
        </form>
      </td>
      <td>
        {office.kind === 'group' ? (
          <>
            {office.members.length === 0 && <span className="muted small">{t('offices.registry.noMembers')}</span>}
            <div>
              {office.members.map((m) => (
                <span key={m} className="badge">
                  {m}{' '}
                  <button type="button" aria-label={t('offices.registry.removeMember', { name: m })} title={t('offices.registry.removeMember', { name: m })} onClick={() => act('offices:members', { group: office.name, members: office.members.filter((x) => x !== m) })}>
                    ×
                  </button>
                </span>
              ))}
            </div>
            <select value="" onChange={(e) => e.target.value && act('offices:members', { group: office.name, members: [...office.members, e.target.value] })} data-testid="registry-add-member">
              <option value="">{t('offices.registry.addMember')}</option>
              {offices.map((o) => (
                <option key={o.id} value={o.name}>
                  {o.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          office.folders.map((f) => (
            <div key={f} className="small">
              <code>{f}</code>
            </div>
          ))
        )}
      </td>
      <td>
        <select value="" onChange={(e) => e.target.value && act('offices:merge', { office: office.name, into: e.target.value })} data-testid="registry-merge">
          <option value="">{t('offices.registry.mergeInto')}</option>
          {others.map((o) => (
            <option key={o.id} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>{' '}
        {office.criteria === 0 && office.folders.length === 0 && office.aliases.length === 0 && (
          <button type="button" onClick={() => act('offices:remove', { office: office.name })}>
            {t('offices.registry.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function OfficeRegistryEditor({ data, onChanged }: { data: OfficesJson; onChanged: () => void }) {
  const { t } = useI18n();
  const { run, workspace } = useApp();
  const [newName, setNewName] = useState('');
  const act = <N extends CallName>(name: N, args: CallArgs<N>): void => {
    // Refusals are shown by the app's error list (run reports them); the lists reload either way.
    void run(name, args)
      .catch(() => undefined)
      .finally(onChanged);
  };
  const offices = data.offices.filter((o) => o.kind === 'office');
  return (
    <>
      <section className="card" data-testid="office-registry">
        <h3>{t('offices.registry.heading')}</h3>
        <p className="muted small">{t('offices.registry.hint')}</p>
        {data.proposals.length > 0 && (
          <div data-testid="registry-proposals">
            <h4>{t('offices.registry.proposals')}</h4>
            <ul>
              {data.proposals.map((p) => (
                <li key={`${p.office}→${p.into}`}>
                  {t('offices.registry.proposal', { office: p.office, into: p.into, reason: t(`offices.registry.reason.${p.reason}`) })}{' '}
                  <button type="button" onClick={() => act('offices:merge', { office: p.office, into: p.into })}>
                    {t('offices.registry.merge')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <table className="roots">
          <thead>
            <tr>
              <th>{t('offices.registry.name')}</th>
              <th>{t('offices.registry.aliases')}</th>
              <th>
                {t('offices.registry.members')} / {t('offices.registry.folders')}
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.offices.map((o) => (
              // Keyed by name too: a rename shows the new name in its field.
              <OfficeRow key={`${o.id}:${o.name}`} office={o} all={data.offices} act={act} />
            ))}
          </tbody>
        </table>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (newName.trim()) act('offices:add', { name: newName.trim() });
            setNewName('');
          }}
        >
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('offices.registry.newName')} data-testid="registry-new" />
          <button type="submit" disabled={!newName.trim()} data-testid="registry-add">
            {t('offices.registry.add')}
          </button>
          <button
            type="button"
            disabled={!newName.trim()}
            onClick={() => {
              act('offices:add', { name: newName.trim(), group: true });
              setNewName('');
            }}
          >
            {t('offices.registry.addGroup')}
          </button>
        </form>
      </section>
      <section className="card" data-testid="folder-offices">
        <h3>{t('offices.folders.heading')}</h3>
        {(workspace?.roots.length ?? 0) === 0 && <p className="muted">{t('offices.folders.noRoots')}</p>}
        <table>
          <tbody>
            {workspace?.roots.map((r) => {
              const current = offices.find((o) => o.folders.includes(r.path))?.name ?? '';
              return (
                <tr key={r.id} data-testid="folder-office" data-path={r.path}>
                  <td>
                    <code>{r.path}</code>
                  </td>
                  <td>
                    <select value={current} onChange={(e) => act('offices:setFolderOffice', { dir: r.path, office: e.target.value || null })} data-testid="folder-office-select">
                      <option value="">{t('offices.folders.none')}</option>
                      {offices.map((o) => (
                        <option key={o.id} value={o.name}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
