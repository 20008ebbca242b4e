/**
 * `pnpm test:reliability`: the long reliability tests (crash safety with real child processes, fault injection
 * against real PostgreSQL and Redis), kept out of `pnpm test` to hold the CI budget. See docs/reliability.md.
 */
import { defineConfig } from 'vitest/config';
import { alias, fromRoot } from './vitest.config';

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
