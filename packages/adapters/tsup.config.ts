import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    "index": "src/index.ts",
    "kysely": "src/kysely/index.ts",
    "postgres": "src/postgres/index.ts",
    "pglite": "src/pglite/index.ts",
    "redis": "src/redis/index.ts",
    "bullmq": "src/bullmq/index.ts",
    "anthropic": "src/anthropic/index.ts"
  },
  format: ['esm'],
  dts: { compilerOptions: { composite: false } },
  sourcemap: true,
  clean: true,
  target: 'node22',
  tsconfig: '../../tsconfig.build.json',
});
