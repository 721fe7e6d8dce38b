// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

const PURE_PACKAGES = ['city', 'indices', 'alerts', 'sim', 'wire'];

/** Imports no package may make: apps are leaves. */
const noAppImports = {
  group: ['@cbo/server', '@cbo/server/*', '@cbo/web', '@cbo/web/*', '**/apps/**'],
  message: 'Packages never import an app (DESIGN.md section 3).',
};

/** Pure packages do no I/O: no Node built-ins, no network clients. */
const noIoImports = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'os', 'child_process', 'worker_threads'],
  message: 'Pure packages touch no file system, network or process (DESIGN.md section 3).',
};

/** Pure packages take time and randomness as parameters. */
const impureSyntax = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Pure packages take the time as a parameter.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure packages take the time as a parameter.',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Pure packages take a seed; use a seeded generator.',
  },
  {
    selector: 'CallExpression[callee.name=/^(setTimeout|setInterval|fetch)$/]',
    message: 'Pure packages have no timers and no network.',
  },
  { selector: "MemberExpression[object.name='process']", message: 'Pure packages do not read the process.' },
];

/** Which workspace packages each place may import (DESIGN.md section 3). */
function allowOnly(allowed) {
  const all = ['contracts', 'city', 'indices', 'alerts', 'sim', 'wire'];
  const banned = all.filter((p) => !allowed.includes(p));
  return banned.length === 0
    ? []
    : [
        {
          group: banned.map((p) => `@cbo/${p}`),
          message: `Not allowed here by the layering in DESIGN.md section 3 (allowed: ${allowed.join(', ') || 'none'}).`,
        },
      ];
}

const layering = {
  contracts: [],
  city: ['contracts'],
  indices: ['contracts', 'city'],
  alerts: ['contracts', 'indices', 'city'],
  sim: ['contracts', 'city'],
  wire: ['contracts'],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'docs/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  ...Object.entries(layering).map(([name, allowed]) => ({
    files: [`packages/${name}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noAppImports,
            ...(PURE_PACKAGES.includes(name) ? [noIoImports] : []),
            ...allowOnly(allowed),
          ],
        },
      ],
      ...(PURE_PACKAGES.includes(name)
        ? {
            'no-restricted-syntax': [
              'error',
              { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
              ...impureSyntax,
            ],
          }
        : {}),
    },
  })),
  {
    // Tests of pure packages may use the file system to read fixtures.
    files: ['packages/*/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cbo/server', '@cbo/server/*', '**/apps/server/**', '@cbo/sim'],
              message: 'The web app never imports the server or the simulators (DESIGN.md section 3).',
            },
            { group: ['node:*'], message: 'The web app runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.config.{js,ts}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
