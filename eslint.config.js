// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/*
 * The architecture, enforced (docs/ARCHITECTURE.md, "Layers"): each folder may import only what its layer allows.
 *   shared/         the contract: zod and nothing else — no Node, no DOM, no Electron, no app code
 *   electron/core/  plain Node logic: never `electron`, never the shells or the renderer
 *   electron/webhost, launcher, sandbox: plain Node shells around core — never `electron`
 *   electron/main/  the Electron shell; electron/preload/ talks only to `electron` and shared
 *   renderer/       browser code: never `electron`, `node:*`, ioredis or ws, never electron/**
 */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const node = { paths: NODE_BUILTINS, patterns: ['node:*'] };

/** @typedef {{ paths?: string[]; patterns?: string[]; message: string }} Rule */
/** @param {Rule[]} rules */
const restrict = (...rules) => [
  'error',
  {
    paths: rules.flatMap(({ paths = [], message }) => paths.map((name) => ({ name, message }))),
    patterns: rules.flatMap(({ patterns = [], message }) => (patterns.length ? [{ group: patterns, message }] : [])),
  },
];

/** @type {Rule} */
const browserOnly = {
  paths: [...node.paths, 'electron', 'ioredis', 'ws'],
  patterns: [...node.patterns, 'electron/*', '**/electron/**', 'ioredis/*'],
  message:
    'renderer/ is browser code: it reaches core only through the API bridge (shared/ types), never electron, node:* or ioredis.',
};

const layer = (files, rule) => ({ files, rules: { 'no-restricted-imports': restrict(rule) } });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['shared/**/*.ts'], {
    paths: [...node.paths, 'electron', 'ioredis', 'ws', 'react', 'react-dom', 'zustand'],
    patterns: [...node.patterns, 'electron/*', '**/electron/**', '**/renderer/**', 'react/*', 'react-dom/*'],
    message: 'shared/ is the pure API contract: it may import zod only (no Node, DOM, Electron or app code).',
  }),
  layer(['electron/core/**/*.ts'], {
    paths: ['electron', 'react', 'react-dom', 'zustand'],
    patterns: [
      'electron/*',
      '**/renderer/**',
      '**/main/**',
      '**/preload/**',
      '**/webhost/**',
      '**/launcher/**',
      '**/sandbox/**',
    ],
    message:
      'electron/core/ is plain Node: it never imports `electron` (that triggers a binary download), a shell or the renderer.',
  }),
  layer(['electron/webhost/**/*.ts', 'electron/launcher/**/*.ts', 'electron/sandbox/**/*.ts'], {
    paths: ['electron', 'react', 'react-dom'],
    patterns: ['electron/*', '**/renderer/**', '**/main/**', '**/preload/**'],
    message:
      'The web host, launcher and sandbox run in plain Node: no `electron`, no Electron shell code, no renderer.',
  }),
  layer(['electron/main/**/*.ts'], {
    paths: ['react', 'react-dom', 'zustand'],
    patterns: ['**/renderer/**', '**/preload/**', '**/webhost/**'],
    message: 'electron/main/ is the Electron shell: it uses core and shared, never the renderer, preload or web host.',
  }),
  layer(['electron/preload/**/*.ts'], {
    paths: [...node.paths, 'ioredis', 'ws', 'react', 'react-dom'],
    patterns: [...node.patterns, '**/core/**', '**/main/**', '**/renderer/**'],
    message: 'The preload is sandboxed: it imports `electron` (contextBridge/ipcRenderer) and shared/ only.',
  }),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': restrict(browserOnly),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A component calls core through its feature's store or module (docs/ARCHITECTURE.md, "Where a
    // component calls the API"); main.tsx only hands the client its transport.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': restrict(browserOnly, {
        patterns: ['**/api/client'],
        message:
          "A component never imports the API client: call your feature's store or its calls module (e.g. editors/valueCalls.ts).",
      }),
    },
  },
  {
    // Words a user reads come from the catalogues (renderer/src/i18n): no literal text in JSX,
    // neither between tags nor in attributes a user or a screen reader meets (aria-label, title,
    // placeholder). Files join this list as they are translated, until it covers renderer/src.
    files: [
      'renderer/src/settings/**/*.tsx',
      'renderer/src/sessions/SessionStatus.tsx',
      'renderer/src/app/Sidebar.tsx',
      'renderer/src/app/AppShell.tsx',
      'renderer/src/app/SessionTabs.tsx',
      'renderer/src/app/ProfileList.tsx',
      'renderer/src/app/CloseSessionButton.tsx',
      'renderer/src/screens/HomeScreen.tsx',
      'renderer/src/connect/**/*.tsx',
      'renderer/src/keys/ScanBar.tsx',
      'renderer/src/keys/ScanLimits.tsx',
      'renderer/src/keys/KeyBrowser.tsx',
      'renderer/src/keys/SelectionBar.tsx',
      'renderer/src/screens/SessionScreen.tsx',
      'renderer/src/screens/DatabaseSelector.tsx',
      'renderer/src/editors/DiscardEditsDialog.tsx',
      'renderer/src/ui/ConfirmDialog.tsx',
      'renderer/src/ui/FormDialog.tsx',
      'renderer/src/ui/fields.tsx',
      'renderer/src/keys/RenameDialog.tsx',
      'renderer/src/keys/KeyDialogs.tsx',
      'renderer/src/keys/BulkDeleteDialog.tsx',
      'renderer/src/keys/TtlDialog.tsx',
      'renderer/src/ui/TtlUnitSelect.tsx',
    ],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // The plugin's own exclusions (numbers and punctuation, CONSTANT_CASE), the product's
          // name and decorative glyphs.
          words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', 'Redlens', '[◆✕×⋯…·—]'] },
          'jsx-attributes': {
            exclude: [
              'className',
              'type',
              'key',
              'id',
              'role',
              'htmlFor',
              'value',
              'lang',
              'data-testid',
              'aria-hidden',
              'inputMode',
              'autoComplete',
              // SessionScreen's ViewTab: which tab (a code), not words.
              'tab',
            ],
          },
        },
      ],
    },
  },
  {
    // Inside Electron `process.execPath` is the app, not Node: product code spawns it only through
    // electron/core/localRedis/spawnNode.ts, which sets ELECTRON_RUN_AS_NODE=1.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/localRedis/spawnNode.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='execPath']",
          message:
            'Inside Electron process.execPath is the app, not Node: spawn it through electron/core/localRedis/spawnNode.ts (sets ELECTRON_RUN_AS_NODE=1).',
        },
      ],
    },
  },
  {
    // Tests may reach across layers to set up real servers (the harness) — never the other way.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
