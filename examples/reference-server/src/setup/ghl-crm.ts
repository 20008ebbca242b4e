/**
 * The CRM side of the composition root: per-tenant GHL clients (Private Integration token or OAuth tokens) behind
 * one `CrmGateway`, a shared request budget through the runtime's rate limiter (Redis in production, so every
 * instance stays within a location's GHL limits), a circuit breaker reported on `/ready`, and the dry-run recorder.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CircuitBreaker,
  EnterpriseHubError,
  toEnterpriseHubError,
  type Cache,
  type Clock,
  type CrmGateway,
  type EventBus,
  type Keyring,
  type LockManager,
  type RateLimiter,
  type TenantRegistry,
} from '@enterprisehub/core';
import type { KyselyStores } from '@enterprisehub/adapters/kysely';
import {
  createDryRunCrmGateway,
  createGhlClient,
  createGhlCrmGateway,
  createGhlOAuth,
  type DryRunCrmGateway,
  type GhlClient,
  type GhlOAuth,
} from '@enterprisehub/ghl';
import type { Config } from '../config';
import type { DependencyStatus } from '../routes/health';
import { createDatabaseGhlTokenStore, type DatabaseGhlTokenStore } from './ghl-token-store';

/** What {@link createGhlCrm} builds. */
export interface GhlCrm {
  /** `live` or `dry-run`. */
  mode: 'live' | 'dry-run';
  /** The gateway for a tenant. */
  crmFor(tenantId: string): CrmGateway;
  /** Dry-run recorder (dry-run mode only). */
  dryRun?: DryRunCrmGateway;
  /** OAuth app helper when `GHL_CLIENT_ID`/`GHL_CLIENT_SECRET` are set. */
  oauth?: GhlOAuth;
  /** Encrypted token store (OAuth mode). */
  tokenStore?: DatabaseGhlTokenStore;
  /** How each tenant authenticates (never the token): `pit`, `oauth` or `none`. */
  credentials: Record<string, 'pit' | 'oauth' | 'none'>;
  /** Breaker state and credential summary for `/ready`. */
  status(): DependencyStatus;
}

/** Inputs of {@link createGhlCrm}. */
export interface GhlCrmOptions {
  config: Config;
  tenants: TenantRegistry;
  stores: Pick<KyselyStores, 'db'>;
  keyring: Keyring;
  clock: Clock;
  events: EventBus;
  limiter: RateLimiter;
  locks: LockManager;
  /** Remembers finished CRM action keys across instances (the Redis cache in production). */
  idempotencyCache?: Cache;
}

/** `GHL_PIT_<TENANT_ID>`: the env variable holding a tenant's Private Integration token. */
export function tenantTokenVariable(tenantId: string): string {
  return `GHL_PIT_${tenantId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Reads `privateIntegrationToken` per tenant id from the raw tenant file (core's schema drops unknown fields). */
async function tokensFromTenantFile(path: string | undefined): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  if (!path) return tokens;
  const json = JSON.parse(await readFile(resolve(path), 'utf8')) as unknown;
  const list = Array.isArray(json) ? json : (json as { tenants?: unknown }).tenants;
  if (!Array.isArray(list)) return tokens;
  for (const item of list as unknown[]) {
    const record = item as { id?: unknown; privateIntegrationToken?: unknown };
    if (typeof record.id === 'string' && typeof record.privateIntegrationToken === 'string')
      tokens.set(record.id, record.privateIntegrationToken);
  }
  return tokens;
}

const OUTAGE_CODES = new Set(['GHL_UNAVAILABLE', 'GHL_TIMEOUT']);

/** Creates the CRM gateway set for the configured mode. */
export async function createGhlCrm(options: GhlCrmOptions): Promise<GhlCrm> {
  const { config, tenants } = options;
  const breaker = new CircuitBreaker({
    name: 'ghl',
    failureThreshold: 5,
    resetTimeoutMs: 30_000,
    clock: options.clock,
    isFailure: (error) => OUTAGE_CODES.has(toEnterpriseHubError(error).code),
  });
  if (config.ghlMode === 'dry-run') {
    const dryRun = createDryRunCrmGateway();
    return {
      mode: 'dry-run',
      crmFor: () => dryRun,
      dryRun,
      credentials: {},
      status: () => ({
        name: 'ghl',
        ok: true,
        required: false,
        detail: { mode: 'dry-run', circuit: 'closed' },
      }),
    };
  }

  let oauth: GhlOAuth | undefined;
  let tokenStore: DatabaseGhlTokenStore | undefined;
  if (config.GHL_CLIENT_ID && config.GHL_CLIENT_SECRET) {
    tokenStore = createDatabaseGhlTokenStore({ stores: options.stores, keyring: options.keyring });
    await tokenStore.ensureTable();
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    oauth = createGhlOAuth({
      clientId: config.GHL_CLIENT_ID,
      clientSecret: config.GHL_CLIENT_SECRET,
      tokenStore,
      redirectUri: `${base}/oauth/callback`,
      lockManager: options.locks,
      clock: options.clock,
      ...(config.GHL_COMPANY_ID ? { companyId: config.GHL_COMPANY_ID } : {}),
      ...(config.GHL_BASE_URL ? { baseUrl: config.GHL_BASE_URL } : {}),
    });
  }
  const fileTokens = await tokensFromTenantFile(config.TENANTS_FILE);
  const credentials: GhlCrm['credentials'] = {};
  const tokenFor = (tenantId: string): string | undefined =>
    config.env[tenantTokenVariable(tenantId)] ??
    fileTokens.get(tenantId) ??
    config.GHL_PRIVATE_INTEGRATION_TOKEN;
  for (const tenant of tenants.list()) {
    credentials[tenant.id] = tokenFor(tenant.id) ? 'pit' : oauth ? 'oauth' : 'none';
  }

  const clients = new Map<string, GhlClient>();
  const clientFor = (tenantId: string): GhlClient => {
    const cached = clients.get(tenantId);
    if (cached) return cached;
    const tenant = tenants.get(tenantId);
    if (!tenant)
      throw new EnterpriseHubError({ code: 'TENANT_NOT_FOUND', message: 'Unknown tenant.' });
    const token = tokenFor(tenantId);
    if (!token && !oauth)
      throw new EnterpriseHubError({
        code: 'GHL_TOKEN_MISSING',
        message: `No GHL credentials for tenant ${tenantId}: set ${tenantTokenVariable(tenantId)} or configure the OAuth app.`,
      });
    const client = createGhlClient({
      locationId: tenant.ghlLocationId,
      tenantId,
      ...(token ? { accessToken: token } : oauth ? { tokenProvider: oauth } : {}),
      limiter: options.limiter,
      clock: options.clock,
      events: options.events,
      ...(config.GHL_BASE_URL ? { baseUrl: config.GHL_BASE_URL } : {}),
    });
    clients.set(tenantId, client);
    return client;
  };
  const gateway = createGhlCrmGateway({
    clientForTenant: clientFor,
    mapping: (tenantId) => {
      const tenant = tenants.get(tenantId);
      if (!tenant)
        throw new EnterpriseHubError({ code: 'TENANT_NOT_FOUND', message: 'Unknown tenant.' });
      return tenant.ghl;
    },
    clock: options.clock,
    ...(options.idempotencyCache ? { idempotencyCache: options.idempotencyCache } : {}),
  });
  const guarded: CrmGateway = {
    execute: (input) => breaker.execute(() => gateway.execute(input)),
    getFreeSlots: (input) => breaker.execute(() => gateway.getFreeSlots(input)),
  };
  return {
    mode: 'live',
    crmFor: () => guarded,
    ...(oauth ? { oauth } : {}),
    ...(tokenStore ? { tokenStore } : {}),
    credentials,
    status: () => {
      const state = breaker.state;
      const missing = Object.values(credentials).filter((kind) => kind === 'none').length;
      return {
        name: 'ghl',
        // An open circuit means GHL is failing: deliveries wait in the outbox, webhooks are still accepted.
        ok: state !== 'open',
        required: false,
        detail: {
          mode: 'live',
          circuit: state,
          auth: oauth ? 'oauth+pit' : 'pit',
          tenantsWithoutCredentials: missing,
        },
      };
    },
  };
}
