// Lint: TypeScript's recommended rules, Microsoft's rules for Office.js (eslint-plugin-office-addins:
// load before read, sync before read, no sync in a loop…), plus the project's boundaries:
// src/rules imports nothing else of the project (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Every rule of eslint-plugin-office-addins, as errors, on the code that talks to Office.js (elsewhere
    // `load` and `width` are ExcelJS's); its own "recommended" set also brings Prettier's formatting, which the project does not use.
    files: ['src/hosts/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'error'])),
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!./*'], message: 'src/rules imports nothing else of the project.' }] }],
    },
  },
  {
    files: ['src/rules/**/*.ts', 'src/workbook/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the rules: dates come in as inputs.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'No clock in the rules: dates come in as inputs.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'No randomness in the rules.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.cjs', '*.config.{js,mjs}', 'webpack.config.js', 'jest.config.js', 'test/support/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
