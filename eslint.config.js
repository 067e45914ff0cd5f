// @ts-check
/**
 * Lint for the whole tree. Type-aware rules only where they catch real bugs (promises nobody awaits, promises where a
 * callback must return void); import hygiene per package (a package imports only what its own package.json declares,
 * never another package by relative path); configuration read only in config modules and entry points; one
 * file-name case. Formatting is Prettier's (eslint-config-prettier is not needed: no stylistic rules are enabled).
 */
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import unicorn from 'eslint-plugin-unicorn';
import tseslint from 'typescript-eslint';

const noTestHelpers = {
  regex: '(^|/)testing(/|$)',
  message: 'Test helpers are for tests (*.test.ts, testing/): production code must not import them.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/__generated__/',
      '**/dist/',
      '.data/',
      '.turbo/',
      'coverage/',
      'schema/supergraph.graphql',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly' },
    },
    plugins: { 'import-x': importX, unicorn },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', '*/tsconfig.json', 'subgraphs/*/tsconfig.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@bloomzy/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: true }],
      'import-x/no-relative-packages': 'error',
      'import-x/no-duplicates': 'error',
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in the config module (config.ts) only.' },
      ],
    },
  },
  {
    // Test helpers (`@bloomzy/shared/testing/*`, each package's `testing/` folder) and devDependencies (pg, vitest...)
    // are for tests: production code importing them would ship test code and fail where devDependencies are not
    // installed.
    files: ['**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', 'test/**', 'scripts/**', '*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTestHelpers] }],
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: true, devDependencies: false }],
    },
  },
  {
    // Request-scoped DataLoaders belong to a request: business rules, event handlers and background jobs read through
    // the data access in db/, so that data flows one way (resolvers → loaders → db, domain/events/jobs → db).
    files: ['subgraphs/*/src/domain/**', 'subgraphs/*/src/jobs/**', 'subgraphs/*/src/events/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTestHelpers,
            {
              group: ['**/loaders.js', '**/loaders'],
              message: 'Only resolvers and the request context use loaders; read through db/ instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration modules, process entry points, tooling scripts and tests are where the environment is read.
    files: ['**/config.ts', '**/main.ts', 'scripts/**', 'test/**', '*.ts', '**/testing/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
