// Lint: TypeScript's recommended rules, plus the project's boundaries:
// src/rules imports nothing else of the project (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
