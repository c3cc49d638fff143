import tseslint from 'typescript-eslint';

// The architecture, written where it cannot go stale:
// - content scripts and the site readers stay tiny: no UI, no database, no zod at run time;
// - lib/ never reaches into entrypoints/ or components/;
// - background code has no window or document;
// - one logger: no stray console output;
// - the sync server shares only lib/sync with the extension.
const UI_AND_DATABASE = [
  { name: 'react', message: 'Content scripts are framework-free.' },
  { name: 'react-dom', message: 'Content scripts are framework-free.' },
  { name: 'idb', message: 'Content scripts never open the database; message the background.' },
  {
    name: 'zod',
    message: 'Keep the content script tiny: the background validates.',
    allowTypeImports: true,
  },
];
const UI_AND_DATABASE_PATTERNS = [
  { group: ['@/components/*', '**/components/*'], message: 'No UI code in content scripts.' },
  {
    group: ['@/lib/storage/*', '**/storage/*'],
    message: 'Content scripts never open the database.',
  },
  {
    group: ['@/lib/messages', '**/messages'],
    message: 'Import message types only.',
    allowTypeImports: true,
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: [
      'entrypoints/*.content.ts',
      'entrypoints/*.content/**',
      'lib/sites/**',
      'lib/page-watcher.ts',
      'lib/page-clock.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: UI_AND_DATABASE, patterns: UI_AND_DATABASE_PATTERNS },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/entrypoints/*', '**/entrypoints/*'], message: 'lib/ stands alone.' },
            { group: ['@/components/*', '**/components/*'], message: 'lib/ stands alone.' },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/background.ts', 'lib/badge.ts', 'lib/tab-readings.ts', 'lib/storage/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The service worker has no window.' },
        { name: 'document', message: 'The service worker has no document.' },
      ],
    },
  },
  {
    files: ['lib/logger.ts', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^@/|/lib/(?!sync/))',
              message: 'The server shares lib/sync with the extension, nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    // The admin tool's output is for the person at the terminal; the server logs with pino.
    files: ['server/src/admin.ts'],
    rules: { 'no-console': 'off' },
  },
);
