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
  GhlApiError,
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
/**
 * Per-attempt timeout of a GHL request. The client's default (30 s, up to 4 attempts for reads) lets one action
 * outlast the outbox lease; GHL answers in well under a second when healthy.
 */
const GHL_ATTEMPT_TIMEOUT_MS = 10_000;
const BREAKER_RESET_MS = 30_000;
/** Retry hint while the half-open probe is in flight. */
const PROBE_WAIT_MS = 1_000;

/**
 * A signal for the GHL gateway that aborts when the caller's does, with a reason that reads as "no answer": the
 * gateway then keeps the action's in-progress marker, so the retry looks for a message (note, opportunity, …) the
 * aborted attempt may have created before creating it again.
 */
function ambiguousAbort(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  const controller = new AbortController();
  const abort = (): void =>
    controller.abort(
      new GhlApiError({
        status: undefined,
        method: 'POST',
        pathTemplate: '(crm action)',
        code: 'GHL_TIMEOUT',
        message: 'The CRM action was abandoned at its deadline; it may have reached GHL.',
        details: { abandoned: true },
      }),
    );
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return controller.signal;
}

/** Creates the CRM gateway set for the configured mode. */
export async function createGhlCrm(options: GhlCrmOptions): Promise<GhlCrm> {
  const { config, tenants } = options;
  let openedAt = 0;
  const breaker = new CircuitBreaker({
    name: 'ghl',
    failureThreshold: 5,
    resetTimeoutMs: BREAKER_RESET_MS,
    clock: options.clock,
    // A call we abandoned at the delivery deadline was slow (rate-limit waits, retries), not proof of an outage:
    // GHL not answering shows up as the client's own per-attempt GHL_TIMEOUT first.
    isFailure: (error) => {
      const failure = toEnterpriseHubError(error);
      return OUTAGE_CODES.has(failure.code) && failure.details['abandoned'] !== true;
    },
    onStateChange: (state) => {
      if (state === 'open') openedAt = options.clock.now();
    },
  });
  /** Runs a GHL call through the breaker; `CIRCUIT_OPEN` carries `retryAfterMs` (when the circuit may half-open). */
  const guard = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.execute(operation);
    } catch (error) {
      const failure = toEnterpriseHubError(error);
      if (failure.code !== 'CIRCUIT_OPEN') throw error;
      const untilHalfOpen = openedAt + BREAKER_RESET_MS - options.clock.now();
      throw new EnterpriseHubError({
        code: 'CIRCUIT_OPEN',
        message: failure.message,
        details: {
          ...failure.details,
          retryAfterMs: untilHalfOpen > 0 ? untilHalfOpen : PROBE_WAIT_MS,
        },
      });
    }
  };
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
      timeoutMs: GHL_ATTEMPT_TIMEOUT_MS,
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
    execute: ({ signal, ...input }) => {
      const ambiguous = ambiguousAbort(signal);
      return guard(() =>
        gateway.execute({ ...input, ...(ambiguous ? { signal: ambiguous } : {}) }),
      );
    },
    getFreeSlots: (input) => guard(() => gateway.getFreeSlots(input)),
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
