// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which of our packages each package may import (ARCHITECTURE.md "who may import whom"). */
const forbidden = {
  core: ['@enterprisehub/bots', '@enterprisehub/ghl', '@enterprisehub/observability', '@enterprisehub/adapters'],
  bots: ['@enterprisehub/ghl', '@enterprisehub/observability', '@enterprisehub/adapters'],
  ghl: ['@enterprisehub/bots', '@enterprisehub/observability', '@enterprisehub/adapters'],
  observability: ['@enterprisehub/bots', '@enterprisehub/ghl', '@enterprisehub/adapters'],
  adapters: ['@enterprisehub/bots', '@enterprisehub/ghl', '@enterprisehub/observability'],
};

const importRules = Object.entries(forbidden).map(([name, packages]) => ({
  files: [`**/packages/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: packages.flatMap((pkg) => [pkg, `${pkg}/*`]),
            message: `@enterprisehub/${name} may only depend on @enterprisehub/core (see ARCHITECTURE.md); talk to a port instead.`,
          },
          {
            group: ['**/examples/**', '../../*/src/**', '../../../*/src/**'],
            message: 'Import other packages by their package name, never by a relative path into their sources.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.toolchain/**',
      'docs/api/**',
      '.data/**',
      '.scratch/**',
      '**/.data/**',
      'bench/results/**',
      'examples/reference-server/src/dashboard/public/**',
      'lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-params': ['error', 3],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Tests and benchmarks: assertions on loosely typed values are normal there.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/bench/**/*.ts', 'test-support/**/*.ts'],
    rules: {
      'max-lines': ['warn', { max: 600, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...importRules,
);
