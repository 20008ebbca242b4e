// Child process of the isolation test: imports one adapters entry (and uses it, so lazy imports
// happen), then prints the third-party packages that were loaded as JSON on stdout.
import type { createPgliteStores as CreatePgliteStores } from '../../src/pglite/index';
import type { createPostgresStores as CreatePostgresStores } from '../../src/postgres/index';
import type { createAnthropicLlmClient as CreateAnthropicLlmClient } from '../../src/anthropic/index';
import type { createBullmqJobQueue as CreateBullmqJobQueue } from '../../src/bullmq/index';
import type { createRedisPorts as CreateRedisPorts } from '../../src/redis/index';
import { createTestKeyring } from './test-keyring';

const [entry = '', exercise = 'none'] = process.argv.slice(2);
const module = (await import(entry)) as Record<string, unknown>;

if (exercise === 'postgres') {
  const createPostgresStores = module['createPostgresStores'] as typeof CreatePostgresStores;
  const stores = createPostgresStores({
    connectionString: 'postgres://x@127.0.0.1:1/x',
    keyring: createTestKeyring(),
  });
  await stores.conversations.get({ tenantId: 't', contactId: 'c' }).catch(() => undefined);
  await stores.close();
}
if (exercise === 'pglite') {
  const createPgliteStores = module['createPgliteStores'] as typeof CreatePgliteStores;
  const stores = createPgliteStores({ keyring: createTestKeyring() });
  await stores.migrationStatus();
  await stores.close();
}

if (exercise === 'redis') {
  const createRedisPorts = module['createRedisPorts'] as typeof CreateRedisPorts;
  const redis = createRedisPorts({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200 });
  await redis.health();
  await redis.close();
}
if (exercise === 'bullmq') {
  const createBullmqJobQueue = module['createBullmqJobQueue'] as typeof CreateBullmqJobQueue;
  const jobs = createBullmqJobQueue({
    connection: { url: 'redis://127.0.0.1:1', retryStrategy: () => null },
    operationTimeoutMs: 200,
  });
  await jobs.enqueue({ tenantId: 't', name: 'x', payload: null }).catch(() => undefined);
  await Promise.race([jobs.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
}
if (exercise === 'anthropic') {
  const createAnthropicLlmClient = module[
    'createAnthropicLlmClient'
  ] as typeof CreateAnthropicLlmClient;
  const llm = createAnthropicLlmClient({
    apiKey: 'sk-test',
    model: 'claude-sonnet-4-6',
    baseURL: 'http://127.0.0.1:1',
    maxRetries: 0,
    timeoutMs: 2000,
  });
  await llm
    .complete({ tenantId: 't', messages: [{ role: 'user', content: 'hi' }] })
    .catch(() => undefined);
}

const packages = new Set<string>();
for (const url of (globalThis as unknown as { __resolvedModules: Set<string> }).__resolvedModules) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(
    url.replace(/.*\/node_modules\/\.pnpm\/[^/]+\//, '/'),
  );
  if (match?.[1] !== undefined) packages.add(match[1]);
}
process.stdout.write(
  JSON.stringify({ exports: Object.keys(module), packages: [...packages].sort() }),
);
