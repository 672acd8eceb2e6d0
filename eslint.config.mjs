// Layer rules of ../shared/docs/architecture.md §1, enforced by lint:
// electron only in electron/main and electron/preload; shared/ pure; renderer reaches the backend only via renderer/rpc/.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream'];
const backendOnly = ['typeorm', 'typeorm/*', 'sqlite3', 'pdf-lib', 'tesseract.js', 'sharp'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'Decorator', message: 'No decorators: TypeORM entities are EntitySchema objects.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...backendOnly, 'electron', 'react', 'react-dom', 'antd', '../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'], message: 'shared/ is pure TypeScript (zod only).' }] }],
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ has no DOM' }, { name: 'document', message: 'shared/ has no DOM' }, { name: 'process', message: 'shared/ has no Node' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'inject a clock' }, { object: 'Math', property: 'random', message: 'inject a random source' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/rpc/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...backendOnly, 'electron', '**/electron/**'], message: 'renderer imports shared/ only and talks to the backend through renderer/rpc/.' }] }],
      'no-restricted-properties': ['error', { object: 'window', property: 'bridge', message: 'use renderer/rpc/' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'use renderer/rpc/' }, { name: 'EventSource', message: 'use renderer/rpc/' }],
    },
  },
  {
    files: ['renderer/rpc/**/*.ts', 'renderer/rpc/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...backendOnly, 'electron', '**/electron/**'], message: 'renderer imports shared/ only.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/e2e/electron-smoke.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only electron/main and electron/preload import 'electron'." }], patterns: [{ group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'core and host never depend on the Electron shell or the UI.' }] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', 'typeorm', 'sqlite3', ...nodeBuiltins], message: 'the sandboxed preload imports electron only.' }] }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
