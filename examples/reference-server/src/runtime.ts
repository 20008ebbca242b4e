/**
 * The wired process: every port, service and setting the routes and workers use. Built by `createRuntime` in
 * `wiring.ts`, the only composition root.
 */
import type {
  AdminStore,
  AuditLog,
  Clock,
  ContactStore,
  ConversationStore,
  CrmGateway,
  EventBus,
  Inbox,
  JobQueue,
  Keyring,
  LockManager,
  MetricsRepository,
  Outbox,
  RateLimiter,
  Scheduler,
  TenantRegistry,
  TieredCache,
  UnitOfWork,
} from '@enterprisehub/core';
import type {
  ContactDataRequest,
  ContactErasure,
  ContactExport,
} from '@enterprisehub/adapters/kysely';
import type { WebhookPublicKeys } from '@enterprisehub/ghl';
import type { BotOrchestrator } from '@enterprisehub/bots';
import type {
  AlertEngine,
  BotMetricsCollector,
  CostGuard,
  PerformanceTracker,
} from '@enterprisehub/observability';
import type { PrometheusMetrics } from '@enterprisehub/observability/prometheus';
import type { Config } from './config';
import type { Logger } from './logger';
import type { DependencyStatus, ReadinessReport } from './routes/health';
import type { BotHealthReport } from './setup/bot-health';
import type { GhlCrm } from './setup/ghl-crm';

/** The stores the server uses, whatever the backend. */
export interface RuntimeStores {
  conversations: ConversationStore;
  contacts: ContactStore;
  inbox: Inbox;
  outbox: Outbox;
  audit: AuditLog;
  metrics: MetricsRepository;
  /** Deployment-wide admin records: API keys (hashed), alert silences, settings. */
  admin: AdminStore;
  unitOfWork: UnitOfWork;
  /** Exports everything stored about a contact (audited by the store). */
  exportContact(request: ContactDataRequest): Promise<ContactExport>;
  /** Erases a contact's data across tables (audited by the store). */
  eraseContact(request: ContactDataRequest): Promise<ContactErasure>;
  /** Backend health for `/ready`. */
  health(): Promise<DependencyStatus>;
  close(): Promise<void>;
}

/** Secrets the process holds in memory (never logged). */
export interface RuntimeSecrets {
  /** The bootstrap admin key (embedded: generated in DATA_DIR; production: `ADMIN_API_KEY`). */
  adminApiKey: string;
  /** HS256 secret for dashboard JWTs. */
  jwtSecret: Uint8Array;
  /** Embedded mode only: the local simulator's Ed25519 private key (PEM) for signing webhooks. */
  simulatorPrivateKeyPem?: string;
}

/** The wired process. */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  events: EventBus;
  tenants: TenantRegistry;
  keyring: Keyring;
  stores: RuntimeStores;
  cache: TieredCache;
  locks: LockManager;
  limiter: RateLimiter;
  queue: JobQueue;
  /** Delayed jobs (nurture follow-ups, dormancy checks, deferred sends): the same queue. */
  scheduler: Scheduler;
  /** The CRM gateway for a tenant: GHL in production, a dry-run recorder in the embedded mode. */
  crmFor: (tenantId: string) => CrmGateway;
  webhook: { verify: boolean; publicKeys: WebhookPublicKeys; maxAgeMs: number };
  secrets: RuntimeSecrets;
  observability: {
    tracker: PerformanceTracker;
    collector: BotMetricsCollector;
    alerts: AlertEngine;
    costGuard: CostGuard;
  };
  /** Deployment-wide maintenance switch: webhooks are still accepted, bots do not answer. */
  maintenance: { enabled: boolean };
  /**
   * The Lead/Buyer/Seller bots' orchestrator (honours `maintenance`). Web processes use it for contact controls
   * (pause, resume, release) and handoff analytics; the worker runs its jobs (see `worker/index.ts`).
   */
  bots: BotOrchestrator;
  /** GHL: live or dry-run gateways, OAuth app and token store, circuit state. */
  ghl: GhlCrm;
  /** Prometheus registry fed from the event bus (`GET /metrics`). */
  prometheus: PrometheusMetrics;
  /** Dependency checks for `/ready`. */
  dependencies(): Promise<DependencyStatus[]>;
  /** The `/ready` report: ready when every required dependency is up. */
  readiness(): Promise<ReadinessReport>;
  /** The `/health/bots` report: per-bot SLA compliance and last activity. */
  botHealth(): Promise<BotHealthReport>;
  /** Registers a shutdown step (run in reverse order by `close`). */
  onClose(step: () => Promise<void> | void): void;
  /** Stops timers, drains the queue and closes stores; idempotent. */
  close(): Promise<void>;
}
