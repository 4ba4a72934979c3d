// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/generated/**',
      'docs/api/**',
      'storybook-static/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The sandbox's state is plain JSON records keyed by id, and the core guarantees what handlers
    // read (a signed-in citizen on secured operations), so these two rules only add noise there.
    files: ['packages/sandbox/**', '**/test/**', '**/*.test.ts', 'stories/**', 'soak/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: [
      'scripts/**',
      'packages/sandbox/src/cli.ts',
      'packages/sandbox/src/conformance-cli.ts',
      'packages/demo/**',
      'examples/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
