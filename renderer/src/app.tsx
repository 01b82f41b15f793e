// Shell: start screen until a workspace is open, then the navigation and the screens.
import { useI18n } from './i18n/index.js';
import { StatusBar } from './components/status-bar.js';
import { useApp, useRoute } from './state.js';
import { StartScreen } from './screens/start.js';
import { Dashboard } from './screens/dashboard.js';
import { DocumentsScreen } from './screens/documents.js';
import { SearchScreen } from './screens/search.js';
import { SettingsScreen } from './screens/settings.js';
import { CriterionScreen } from './screens/criterion.js';
import { OfficesScreen } from './screens/offices.js';
import { ExportScreen } from './screens/export.js';

const NAV = [
  ['dashboard', 'nav.dashboard'],
  ['documents', 'nav.documents'],
  ['search', 'nav.search'],
  ['offices', 'nav.offices'],
  ['export', 'nav.export'],
  ['settings', 'nav.settings'],
] as const;

export function App() {
  const { t, lang, setLang } = useI18n();
  const { workspace, run, setWorkspace } = useApp();
  const [route, go] = useRoute();
  const screen = route[0] ?? 'dashboard';

  const langButton = (
    <button className="lang" data-testid="lang-switch" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {t('lang.switch')}
    </button>
  );

  if (!workspace) {
    return (
      <div className="app">
        <header className="top">
          <h1>KiemChung</h1>
          <span className="spacer" />
          {langButton}
        </header>
        <main className="content">
          <StartScreen />
        </main>
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
    default:
      body = <Dashboard />;
  }

  return (
    <div className="app">
      <header className="top">
        <h1>KiemChung</h1>
        <span className="unit">{workspace.settings.unit ?? workspace.pack.name}</span>
        <nav>
          {NAV.map(([id, key]) => (
            <a key={id} href={`#/${id}`} className={screen === id || (id === 'dashboard' && screen === 'criterion') ? 'active' : ''} data-testid={`nav-${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        {langButton}
        <button
          data-testid="close-workspace"
          onClick={() =>
            void run('workspace:close', {}).then(() => {
              setWorkspace(null);
              go('/');
            })
          }
        >
          {t('nav.close')}
        </button>
      </header>
      <main className="content">{body}</main>
      <StatusBar />
    </div>
  );
}
