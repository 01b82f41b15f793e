// Shell: start screen until a workspace is open, then the navigation and the screens.
import { useI18n } from './i18n/index.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { useConfirm } from './components/confirm-dialog.js';
import { StatusBar } from './components/status-bar.js';
import { useApp, useLoad, useRoute } from './state.js';
import { StartScreen } from './screens/start.js';
import { Dashboard } from './screens/dashboard.js';
import { DocumentsScreen } from './screens/documents.js';
import { SearchScreen } from './screens/search.js';
import { SettingsScreen } from './screens/settings.js';
import { CriterionScreen } from './screens/criterion.js';
import { OfficesScreen } from './screens/offices.js';
import { ExportScreen } from './screens/export.js';
import { PacksScreen } from './screens/packs.js';
import { ConfirmScreen } from './screens/confirm.js';
import { HistoryScreen } from './screens/history.js';
import { AppraisalScreen } from './screens/appraisal.js';

const NAV = [
  ['dashboard', 'nav.dashboard'],
  ['documents', 'nav.documents'],
  ['confirm', 'nav.confirm'],
  ['search', 'nav.search'],
  ['offices', 'nav.offices'],
  ['export', 'nav.export'],
  ['packs', 'nav.packs'],
  ['history', 'nav.history'],
  ['appraisal', 'nav.appraisal'],
  ['settings', 'nav.settings'],
] as const;

export function App() {
  const { t, lang, setLang } = useI18n();
  const { workspace, run, setWorkspace } = useApp();
  const [route, go] = useRoute();
  const { ask, dialog } = useConfirm();
  const screen = route[0] ?? 'dashboard';
  // How many documents wait for a person (shown on the nav entry, above every screen): the counts
  // alone (docs:counts), not the queue's rows (megabytes at 5,000 documents).
  const counts = useLoad('docs:counts', workspace ? {} : null, [workspace?.dir]);
  const waiting = counts.data?.queue ?? 0;

  const langButton = (
    <button className="lang" data-testid="lang-switch" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {t('lang.switch')}
    </button>
  );

  if (!workspace) {
    return (
      <div className="app">
        <ConnectionBanner />
        <header className="top">
          <h1>KiemChung</h1>
          <span className="spacer" />
          {langButton}
        </header>
        <main className="content">{screen === 'appraisal' ? <AppraisalScreen /> : <StartScreen />}</main>
        <StatusBar />
      </div>
    );
  }

  let body;
  switch (screen) {
    case 'documents':
      body = <DocumentsScreen />;
      break;
    case 'search':
      body = <SearchScreen />;
      break;
    case 'settings':
      body = <SettingsScreen />;
      break;
    case 'criterion':
      body = <CriterionScreen code={route[1] ?? ''} />;
      break;
    case 'offices':
      body = <OfficesScreen />;
      break;
    case 'export':
      body = <ExportScreen />;
      break;
    case 'packs':
      body = <PacksScreen />;
      break;
    case 'confirm':
      body = <ConfirmScreen />;
      break;
    case 'history':
      body = <HistoryScreen />;
      break;
    case 'appraisal':
      body = <AppraisalScreen />;
      break;
    default:
      body = <Dashboard />;
  }

  return (
    <div className="app">
      <ConnectionBanner />
      {dialog}
      <header className="top">
        {/* The unit under the app's name: at 1366 px the navigation leaves no room for it beside. */}
        <div className="brand">
          <h1>KiemChung</h1>
          <span className="unit" data-testid="unit-name" title={workspace.settings.unit ?? workspace.pack.name}>
            {workspace.settings.unit ?? workspace.pack.name}
          </span>
        </div>
        <nav>
          {NAV.map(([id, key]) => (
            <a key={id} href={`#/${id}`} className={screen === id || (id === 'dashboard' && screen === 'criterion') ? 'active' : ''} data-testid={`nav-${id}`}>
              {t(key)}
              {id === 'confirm' && waiting > 0 && (
                <span className="badge" data-testid="confirm-waiting">
                  {' '}
                  {waiting}
                </span>
              )}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        {langButton}
        <button
          data-testid="close-workspace"
          onClick={() =>
            ask({ question: t('ask.close', { dir: workspace.dir }), detail: t('ask.close.detail'), confirmLabel: t('nav.close') }, () =>
              run('workspace:close', {}).then(() => {
                setWorkspace(null);
                go('/');
              }),
            )
          }
        >
          {t('nav.close')}
        </button>
      </header>
      <main className="content">{body}</main>
      <StatusBar counts={counts.data} />
    </div>
  );
}
