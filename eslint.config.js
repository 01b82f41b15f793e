// Lint enforces the runtime boundaries of ENGINEERING.md ("Shape"):
// shared/ is pure (no Node, Electron or DOM), the engine never touches Electron,
// the renderer never reaches into main/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'stream', 'util'];

// The engine's layers (VS Code's code-layering idea): the folders of main/engine/ each folder may
// import. The graph has no cycle, so neither can the imports; a folder not listed may import none
// of these (the engine's top-level files, errors.ts and app-version.ts, are open to all).
export const ENGINE_LAYERS = {
  workers: [], // the generic worker-thread pool (index and bundle use it)
  db: [], // the database, its migrations and one store per table: all the SQL
  packs: [],
  pdf: [], // reading a file: hash, PDF analysis (page text, annotations, text quality, signature dictionaries), the index stage's worker
  ocr: ['workers', 'db', 'pdf'],
  recognize: ['ocr', 'db', 'pdf'],
  workspace: ['db'],
  classify: ['db', 'workspace'],
  query: ['db', 'workspace'],
  search: ['db', 'workspace'],
  completeness: ['query', 'db', 'workspace'],
  review: ['classify', 'query', 'db', 'workspace'],
  offices: ['completeness', 'db', 'workspace'],
  scan: ['workers', 'db', 'pdf', 'ocr', 'recognize', 'classify', 'workspace'],
  watch: ['scan', 'db', 'workspace'],
  bundle: ['completeness', 'query', 'workers', 'db', 'workspace'],
  sample: ['bundle'],
  remind: ['offices', 'completeness', 'bundle', 'db', 'workspace'], // reminders by batch (issue 15): letters and lists; bundle/ for its PDF fonts and layout
  appraisal: ['bundle', 'completeness', 'query', 'db', 'workspace'], // the appraisal round trip (issue 15)
  trust: ['pdf', 'db', 'workspace'], // root certificates the user trusts; re-checks signature chains (issue 14)
};

const engineBase = [
  { group: ['electron', 'electron/*'], message: 'The engine runs under plain Node: never import Electron here.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'The engine must not depend on the UI or the Electron shell.' },
];

const engineLayerConfigs = Object.entries(ENGINE_LAYERS).map(([folder, allowed]) => {
  const forbidden = Object.keys(ENGINE_LAYERS).filter((f) => f !== folder && !allowed.includes(f));
  return {
    files: [`main/engine/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...engineBase,
          ...forbidden.map((f) => ({
            group: [`**/${f}/**`],
            message: `main/engine/${folder}/ ${allowed.length ? `may import only ${allowed.map((a) => `${a}/`).join(', ')}` : 'may import no other engine folder'} of the engine, not ${f}/ (ENGINE_LAYERS in eslint.config.js).`,
          })),
        ],
      }],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.work/**', 'renderer/dist/**', '.tmp/**', 'release/**'] },
  {
    // Plain JavaScript entry points and test workers run under Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ runs in every runtime: no Node built-ins.' },
          { group: ['electron', '**/main/**', '**/renderer/**'], message: 'shared/ must not depend on main/, renderer/ or Electron.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['main/engine/**/*.ts', 'main/cli/**/*.ts', 'main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: engineBase }],
    },
  },
  ...engineLayerConfigs,
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' },
          { group: ['electron', '**/main/**'], message: 'The renderer talks to main only through the typed API in shared/.' },
        ],
      }],
    },
  },
);
