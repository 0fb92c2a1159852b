// ESLint flat config: the recommended JavaScript and typescript-eslint rules, Node.js globals.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'bench/.data/', 'test-results/', 'apps/web/src/gql/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // A leading underscore marks a parameter or binding kept for its position (`_data`, `[_, value]`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Test helpers live behind @gesit/<lib>/testing: production code never loads them.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@gesit/*/testing', '**/testing', '**/testing/**'],
              message: 'Test helpers are for specs, e2e suites and the bench only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The PDF and signing libraries load on first use (libs/approvals/src/pdf/pdf-libraries.ts), not at start.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing.ts', '**/testing/**', 'libs/approvals/src/pdf/pdf-libraries.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'pdf-lib',
            '@pdf-lib/fontkit',
            'qrcode',
            'node-forge',
            '@signpdf/placeholder-pdf-lib',
            '@signpdf/signpdf',
            '@signpdf/signer-p12',
          ].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Load it through pdf-libraries.ts (pdfLib(), fontkit(), …): it is needed only to make PDFs.',
          })),
        },
      ],
    },
  },
  {
    // The scripts and Jest's configuration are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // TypeORM types its entity and migration lists as Function[].
    files: ['db/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // Tests read loosely typed JSON answers, reach into fixtures and load test servers that ship no types.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The console runs in the browser.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
);
