// Lint for the whole tree. The Node-16.17 floor: src/, main/ and the CLI run inside Electron
// 22.3.x on Windows 7/8.1, whose Node is 16.17, so eslint-plugin-n rejects newer built-in APIs
// there (tsconfig's ES2021 target covers the language side).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nodePlugin from 'eslint-plugin-n';
import globals from 'globals';

export default tseslint.config(
  // Recorded fixtures are data (e.g. Thunderbird's own prefs.js), not our code.
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'main/**/*.ts', 'bin/**/*.js'],
    plugins: { n: nodePlugin },
    settings: { node: { version: '16.17.0' } },
    rules: {
      'n/no-unsupported-features/node-builtins': ['error', { version: '16.17.0', ignores: [] }],
      'n/no-unsupported-features/es-builtins': ['error', { version: '16.17.0' }],
      'n/no-unsupported-features/es-syntax': ['error', { version: '16.17.0', ignores: ['modules', 'dynamicImport'] }],
      // The core must not know the UI or Electron (design card: src/ is plain Node).
      'no-restricted-imports': [
        'error',
        { paths: ['electron', 'react', 'react-dom'], patterns: ['react-dom/*', '../main/*', '../renderer/*'] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['react', 'react-dom'] }] },
  },
  {
    files: ['scripts/**/*', 'test/**/*', 'bin/**/*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
