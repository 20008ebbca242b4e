/**
 * Uses the main API of every published package the way a consumer would. Type-checked with
 * `moduleResolution` node16 and bundler, and run by `test/api-usage.test.ts` (offline parts only).
 */
import {
  DEMO_TENANT,
  ERROR_CODES,
  EnterpriseHubError,
  createMemoryPorts,
  generateKeyringEnvValue,
  isErrorCode,
  parseKeyring,
  type ErrorCode,
  type Keyring,
  type LlmClient,
} from '@enterprisehub/core';
import { ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { createIntentDecoder, type IntentResult } from '@enterprisehub/bots';
import { createGhlClient, verifyWebhookSignature, type GhlClient } from '@enterprisehub/ghl';
import { signWebhookPayload, webhookTestKeys } from '@enterprisehub/ghl/testing';
import { createPerformanceTracker, type PerformanceStats } from '@enterprisehub/observability';
import {
  createPrometheusMetrics,
  type PrometheusMetrics,
} from '@enterprisehub/observability/prometheus';
import { withOtelTracing } from '@enterprisehub/observability/otel';
import { createKyselyStores, type KyselyStores } from '@enterprisehub/adapters';
import { createPgliteStores, type PgliteStores } from '@enterprisehub/adapters/pglite';
import { createPostgresStores, type PostgresStoresOptions } from '@enterprisehub/adapters/postgres';
import { createRedisPorts, type RedisPorts } from '@enterprisehub/adapters/redis';
import { createBullmqJobQueue } from '@enterprisehub/adapters/bullmq';
import { createAnthropicLlmClient } from '@enterprisehub/adapters/anthropic';

/** core: an error with a code from the table, and the in-memory ports. */
export function coreUsage(): { code: ErrorCode; status: number; tenantId: string; known: boolean } {
  const error = new EnterpriseHubError({
    code: 'TENANT_NOT_FOUND',
    message: 'No tenant for location loc-1.',
  });
  const ports = createMemoryPorts({ clock: new ManualClock() });
  return {
    code: error.code,
    status: ERROR_CODES[error.code].httpStatus,
    tenantId: DEMO_TENANT.id,
    known: isErrorCode('TENANT_NOT_FOUND') && ports.clock.now() > 0,
  };
}

/** bots: decode a lead's intent with the rules engine (no model needed). */
export async function botsUsage(text: string): Promise<IntentResult> {
  return createIntentDecoder({ tenantId: DEMO_TENANT.id }).decode(text);
}

/** ghl: a client for one location and a webhook verified with the test keys. */
export async function ghlUsage(): Promise<{ client: GhlClient; verified: boolean }> {
  const client = createGhlClient({ locationId: 'loc-1', accessToken: 'pit-token' });
  const { rawBody, headers } = signWebhookPayload({
    type: 'ContactCreate',
    locationId: 'loc-1',
    id: 'c-1',
  });
  const result = await verifyWebhookSignature(rawBody, headers, {
    publicKeys: webhookTestKeys.publicKeys,
    requireTimestamp: false,
  });
  return { client, verified: result.ok };
}

/** observability: latency stats and the Prometheus exposition. */
export async function observabilityUsage(): Promise<{
  stats: PerformanceStats;
  exposition: string;
}> {
  const clock = new ManualClock();
  const tracker = createPerformanceTracker({ clock });
  tracker.record({ bot: 'lead', operation: 'process', durationMs: 120, success: true });
  tracker.record({ bot: 'lead', operation: 'process', durationMs: 480, success: false });
  const metrics: PrometheusMetrics = createPrometheusMetrics();
  metrics.observeHttpRequest({
    method: 'POST',
    route: '/webhooks/ghl',
    statusCode: 200,
    durationMs: 12,
  });
  const exposition = await metrics.metrics();
  metrics.close();
  return { stats: tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }), exposition };
}

/** observability/otel: wrap any LlmClient with GenAI spans (no SDK needed to type-check). */
export function otelUsage(llm: LlmClient): LlmClient {
  return withOtelTracing(llm);
}

/** adapters: embedded PGlite stores with an encrypted inbox write. */
export async function pgliteUsage(): Promise<{ first: boolean; second: boolean }> {
  const keyring: Keyring = parseKeyring(generateKeyringEnvValue());
  const stores: PgliteStores = createPgliteStores({ keyring });
  try {
    await stores.migrate();
    const first = await stores.inbox.markSeen({ tenantId: 't-1', id: 'wh-1' });
    const second = await stores.inbox.markSeen({ tenantId: 't-1', id: 'wh-1' });
    return { first, second };
  } finally {
    await stores.close();
  }
}

/** adapters: the production factories, built but never connected (type-level usage). */
export function productionAdapters(keyring: Keyring): {
  postgres: (options: Omit<PostgresStoresOptions, 'keyring'>) => KyselyStores;
  redis: RedisPorts;
  queue: ReturnType<typeof createBullmqJobQueue>;
  llm: LlmClient;
  kysely: typeof createKyselyStores;
} {
  return {
    postgres: (options) => createPostgresStores({ ...options, keyring }),
    redis: createRedisPorts({ url: 'redis://127.0.0.1:6379' }),
    queue: createBullmqJobQueue({ connection: { host: '127.0.0.1', port: 6379 } }),
    llm: createAnthropicLlmClient({ apiKey: 'sk-test', model: 'claude-sonnet-4-6' }),
    kysely: createKyselyStores,
  };
}

/** core/testing: a scripted model for deterministic tests. */
export function scriptedModel(): LlmClient {
  return new ScriptedLlmClient([]);
}
