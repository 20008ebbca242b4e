import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const packages = ['core', 'bots', 'ghl', 'observability', 'adapters'] as const;
/** Runnable examples under examples/ (each is also a vitest project, `example-<name>`). */
const examples = [
  'embed-in-express',
  'custom-llm-client',
  'custom-listing-source',
  'alerts-to-slack',
  'test-with-msw',
] as const;
export const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Package names resolve to their sources, so tests never need a build (also used by vitest.reliability.config.ts). */
export const alias = [
  { find: /^@test-support\/(.+)$/, replacement: fromRoot('./test-support/$1') },
  ...packages.map((name) => ({
    find: new RegExp(`^@enterprisehub/${name}/(.+)$`),
    replacement: fromRoot(`./packages/${name}/src/$1/index.ts`),
  })),
  ...packages.map((name) => ({
    find: new RegExp(`^@enterprisehub/${name}$`),
    replacement: fromRoot(`./packages/${name}/src/index.ts`),
  })),
];

const project = (
  name: string,
  root: string,
  extra: {
    testTimeout?: number;
    include?: string[];
    exclude?: string[];
    /** Run this project's files one at a time, after the parallel projects (group 1). */
    sequential?: boolean;
  } = {},
) => ({
  resolve: { alias },
  test: {
    name,
    root: fromRoot(root),
    include: extra.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(extra.exclude ?? [])],
    passWithNoTests: true,
    setupFiles: [fromRoot('./test-support/setup.ts')],
    testTimeout: extra.testTimeout ?? 15_000,
    ...(extra.sequential
      ? { fileParallelism: false, sequence: { groupOrder: 1 } }
      : { sequence: { groupOrder: 0 } }),
  },
});

export default defineConfig({
  test: {
    projects: [
      ...packages.map((name) => project(name, `./packages/${name}`)),
      project('reference-server', './examples/reference-server', {
        testTimeout: 60_000,
        // Server suites start PGlite, child processes and redis-servers: run them one file at a time after the unit
        // projects so they never compete for the two cores and time out under load.
        sequential: true,
        // The long reliability tests run with `pnpm test:reliability` (vitest.reliability.config.ts).
        exclude: ['test/reliability/**/*.long.test.ts'],
      }),
      ...examples.map((name) => project(`example-${name}`, `./examples/${name}`)),
      project('tooling', './test-support', { include: ['*.test.ts'] }),
    ],
  },
});
