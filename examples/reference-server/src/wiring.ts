/**
 * The one composition root: turns a {@link Config} into a wired {@link Runtime}. Embedded mode runs on PGlite and
 * in-process parts; production mode on PostgreSQL (and Redis, BullMQ, Anthropic and GHL where configured).
 */
import { join, resolve } from 'node:path';
import {
  TenantRegistry,
  createEventBus,
  createTieredCache,
  parseKeyring,
  systemClock,
  type Clock,
  type Keyring,
} from '@enterprisehub/core';
import { createPgliteStores } from '@enterprisehub/adapters/pglite';
import { createPostgresStores } from '@enterprisehub/adapters/postgres';
import type { KyselyStores } from '@enterprisehub/adapters/kysely';
import { createPrometheusMetrics } from '@enterprisehub/observability/prometheus';
import { createBotOrchestrator, createDemoListingSource } from '@enterprisehub/bots';
import {
  createAlertEngine,
  createBotMetricsCollector,
  createChannelsFromConfig,
  createCostGuard,
  createPerformanceTracker,
  parseAlertingConfig,
} from '@enterprisehub/observability';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createLogAlertChannel } from './setup/log-alert-channel';
import { guardAlertTakeover } from './setup/alert-takeover';
import { loadEmbeddedSecrets } from './setup/embedded-secrets';
import { createBotHealth } from './setup/bot-health';
import { countJobs, createDependencyChecks } from './setup/dependencies';
import { createSharedPorts } from './setup/shared-ports';
import { createGhlCrm } from './setup/ghl-crm';
import { createLlm } from './setup/llm';
import { startAdminStateSync } from './admin/admin-state';
import type { Runtime, RuntimeSecrets, RuntimeStores } from './runtime';
import type { ReadinessReport } from './routes/health';

/** Overrides for tests and embedding. */
export interface RuntimeOverrides {
  clock?: Clock;
  logger?: Logger;
  /** `fetch` for the Anthropic SDK (tests point it at msw). */
  llmFetch?: typeof fetch;
}

function storesFrom(kysely: KyselyStores, name: string): RuntimeStores {
  return {
    conversations: kysely.conversations,
    contacts: kysely.contacts,
    inbox: kysely.inbox,
    outbox: kysely.outbox,
    audit: kysely.audit,
    metrics: kysely.metrics,
    admin: kysely.admin,
    unitOfWork: kysely.unitOfWork,
    exportContact: (request) => kysely.exportContact(request),
    eraseContact: (request) => kysely.eraseContact(request),
    health: async () => {
      const started = performance.now();
      try {
        await kysely.migrationStatus();
        return { name, ok: true, detail: { latencyMs: Math.round(performance.now() - started) } };
      } catch {
        return { name, ok: false };
      }
    },
    close: () => kysely.close(),
  };
}

async function loadTenants(config: Config): Promise<TenantRegistry> {
  return config.TENANTS_FILE
    ? TenantRegistry.fromFile(resolve(config.TENANTS_FILE))
    : TenantRegistry.demo();
}

/** Builds the runtime for the configured mode. Migrations run here, under the adapters' advisory lock. */
export async function createRuntime(
  config: Config,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const clock = overrides.clock ?? systemClock;
  const logger =
    overrides.logger ??
    createLogger({ level: config.LOG_LEVEL, base: { mode: config.mode, role: config.ROLE } });
  const closeSteps: (() => Promise<void> | void)[] = [];
  const dataDir = resolve(config.DATA_DIR);

  let keyring: Keyring;
  let secrets: RuntimeSecrets;
  let simulatorPublicKeyPem: string | undefined;
  if (config.mode === 'embedded' && config.NODE_ENV !== 'production') {
    const loaded = await loadEmbeddedSecrets(dataDir);
    keyring = parseKeyring(config.PII_ENCRYPTION_KEYS ?? loaded.secrets.piiEncryptionKeys);
    secrets = {
      adminApiKey: config.ADMIN_API_KEY ?? loaded.secrets.adminApiKey,
      jwtSecret: new TextEncoder().encode(config.JWT_SECRET ?? loaded.secrets.jwtSecret),
      simulatorPrivateKeyPem: loaded.secrets.simulator.privateKeyPem,
    };
    simulatorPublicKeyPem = loaded.secrets.simulator.publicKeyPem;
    if (loaded.created) {
      logger.warn(
        { file: loaded.path },
        'embedded mode: created a PII key, an admin API key and a simulator key for evaluation',
      );
    }
  } else {
    keyring = parseKeyring(config.PII_ENCRYPTION_KEYS);
    const adminApiKey = config.ADMIN_API_KEY;
    const jwtSecret = config.JWT_SECRET ?? adminApiKey;
    if (!adminApiKey || !jwtSecret)
      throw new Error('ADMIN_API_KEY is required outside the embedded mode');
    secrets = { adminApiKey, jwtSecret: new TextEncoder().encode(`jwt:${jwtSecret}`) };
  }

  const kysely =
    config.mode === 'embedded'
      ? createPgliteStores({ dataDir: join(dataDir, 'pglite'), keyring, clock })
      : createPostgresStores({
          connectionString: config.DATABASE_URL ?? '',
          schema: config.DATABASE_SCHEMA,
          poolSettings: { max: config.DATABASE_POOL_MAX },
          keyring,
          clock,
        });
  await kysely.migrate();
  const stores = storesFrom(kysely, config.mode === 'embedded' ? 'pglite' : 'postgres');
  closeSteps.push(() => stores.close());

  const events = createEventBus({
    onListenerError: (error, eventName) =>
      logger.error({ error, eventName }, 'event listener failed'),
  });
  const tenants = await loadTenants(config);

  const shared = createSharedPorts({ config, clock, keyring, logger });
  closeSteps.push(() => shared.close());
  const { redis, locks, limiter, queue, scheduler } = shared;
  const cache = createTieredCache({ clock, events, ...(redis ? { l2: redis.cache } : {}) });

  const ghl = await createGhlCrm({
    config,
    tenants,
    stores: kysely,
    keyring,
    clock,
    events,
    limiter,
    locks,
    ...(redis ? { idempotencyCache: redis.cache } : {}),
  });
  const crmFor = (tenantId: string) => ghl.crmFor(tenantId);
  const llm = createLlm({
    config,
    clock,
    ...(overrides.llmFetch ? { fetch: overrides.llmFetch } : {}),
  });
  for (const [tenantId, kind] of Object.entries(ghl.credentials)) {
    if (kind === 'none')
      logger.warn(
        { tenantId },
        'no GHL credentials for this tenant: its CRM actions will dead-letter',
      );
  }

  const tracker = createPerformanceTracker({ clock, repository: stores.metrics });
  const collector = createBotMetricsCollector({ events, tracker, clock });
  const alertConfig = parseAlertingConfig(config.env);
  const channels = [
    ...createChannelsFromConfig(alertConfig, { clock }),
    createLogAlertChannel(logger),
  ];
  const alerts = createAlertEngine({
    clock,
    // Production: only the alert leader evaluates; a new leader adopts the episodes its predecessor left open.
    ...guardAlertTakeover({
      enabled: config.mode === 'production',
      repository: stores.metrics,
      channels,
    }),
    events,
    source: () => collector.feedToAlerting(),
    onError: (error) => logger.error({ error }, 'alert delivery failed'),
  });
  const costGuard = createCostGuard({ clock, events });

  const maintenance = { enabled: false };
  const bots = createBotOrchestrator({
    ports: {
      conversations: stores.conversations,
      contacts: stores.contacts,
      inbox: stores.inbox,
      audit: stores.audit,
      unitOfWork: stores.unitOfWork,
      metrics: stores.metrics,
      locks,
      limiter,
      clock,
      events,
      queue,
      scheduler,
      crm: crmFor,
      ...(llm.client ? { llm: llm.client } : {}),
      listings: createDemoListingSource({ tenantIds: tenants.list().map((tenant) => tenant.id) }),
      costGuard,
    },
    tenants: {
      // The deployment-wide maintenance switch silences the bots like a tenant in maintenance.
      get: (tenantId) => {
        const tenant = tenants.get(tenantId);
        return tenant && maintenance.enabled ? { ...tenant, maintenance: true } : tenant;
      },
    },
  });

  const publicKeys = {
    ed25519: [config.GHL_WEBHOOK_PUBLIC_KEY, simulatorPublicKeyPem].filter((key): key is string =>
      Boolean(key),
    ),
    ...(config.GHL_WEBHOOK_LEGACY_PUBLIC_KEY ? { rsa: config.GHL_WEBHOOK_LEGACY_PUBLIC_KEY } : {}),
  };
  if (!config.GHL_WEBHOOK_PUBLIC_KEY) {
    // GHL's published key stays trusted unless an override replaces it (key rotation, tests).
    const { GHL_WEBHOOK_ED25519_PUBLIC_KEY } = await import('@enterprisehub/ghl');
    publicKeys.ed25519.unshift(GHL_WEBHOOK_ED25519_PUBLIC_KEY);
  }
  if (!config.WEBHOOK_VERIFY)
    logger.warn(
      'WEBHOOK_VERIFY=false: webhook signatures are NOT checked (never do this in production)',
    );

  const prometheus = createPrometheusMetrics({
    events,
    defaultMetrics: true,
    queueDepth: async () => ({
      waiting: await countJobs({ queue, tenants, status: 'waiting' }),
      delayed: await countJobs({ queue, tenants, status: 'delayed' }),
    }),
  });
  closeSteps.push(() => prometheus.close());
  const dependencies = createDependencyChecks({
    database: () => stores.health(),
    ...(redis ? { redis } : {}),
    queue,
    queueKind: shared.queueKind,
    tenants,
    cache,
    optional: [() => llm.status(), () => ghl.status()],
  });

  let closed: Promise<void> | undefined;
  const runtime: Runtime = {
    config,
    logger,
    clock,
    events,
    tenants,
    keyring,
    stores,
    cache,
    locks,
    limiter,
    queue,
    crmFor,
    webhook: { verify: config.WEBHOOK_VERIFY, publicKeys, maxAgeMs: config.WEBHOOK_MAX_AGE_MS },
    secrets,
    observability: { tracker, collector, alerts, costGuard },
    maintenance,
    bots,
    scheduler,
    ghl,
    prometheus,
    dependencies,
    botHealth: createBotHealth({
      tracker,
      repository: stores.metrics,
      tenants,
      clock,
      fromRepository: config.mode === 'production' && config.ROLE === 'web',
    }),
    readiness: async (): Promise<ReadinessReport> => {
      const list = await dependencies();
      return {
        ready: list.every((dependency) => dependency.ok || dependency.required === false),
        mode: config.mode,
        role: config.ROLE,
        maintenance: maintenance.enabled,
        degraded: list.filter((dependency) => !dependency.ok).map((dependency) => dependency.name),
        dependencies: list,
      };
    },
    onClose: (step) => {
      closeSteps.push(step);
    },
    close: () => {
      closed ??= (async () => {
        for (const step of closeSteps.reverse()) {
          try {
            await step();
          } catch (error) {
            logger.error({ error }, 'shutdown step failed');
          }
        }
      })();
      return closed;
    },
  };
  closeSteps.push(() => queue.close());
  // Keys live in the store; tenants, rules, silences, acknowledgements and maintenance changed through the admin
  // API are re-applied now and kept in sync (every instance, web and worker).
  await startAdminStateSync(runtime);
  return runtime;
}
