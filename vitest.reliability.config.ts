/**
 * `pnpm test:reliability`: the long reliability tests (crash safety with real child processes, fault injection
 * against real PostgreSQL and Redis), kept out of `pnpm test` to hold the CI budget. See docs/reliability.md.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = ['core', 'bots', 'ghl', 'observability', 'adapters'] as const;
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Package names resolve to their sources, as in vitest.config.ts. */
const alias = [
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

export default defineConfig({
  resolve: { alias },
  test: {
    name: 'reliability',
    root: fromRoot('./examples/reference-server'),
    include: ['test/reliability/**/*.long.test.ts', 'test/reliability/malformed-input.test.ts'],
    // The fuzzer runs its full 10,000 bodies here (a fifth of them in `pnpm test`).
    env: { RELIABILITY_FULL: '1' },
    setupFiles: [fromRoot('./test-support/setup.ts')],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    // Child processes and shared services: one file at a time keeps the machine's two cores for the servers.
    fileParallelism: false,
  },
});
