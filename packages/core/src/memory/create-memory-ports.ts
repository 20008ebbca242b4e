import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/system-clock';
import { MemoryAuditLog } from './memory-audit-log';
import { MemoryCache } from './memory-cache';
import { MemoryContactStore } from './memory-contact-store';
import { MemoryConversationStore } from './memory-conversation-store';
import { MemoryCrmGateway } from './memory-crm-gateway';
import { MemoryInbox } from './memory-inbox';
import { MemoryJobQueue } from './memory-job-queue';
import { MemoryListingSource } from './memory-listing-source';
import { MemoryLockManager } from './memory-lock-manager';
import { MemoryMetricsRepository } from './memory-metrics-repository';
import { MemoryNotifier } from './memory-notifier';
import { MemoryOutbox } from './memory-outbox';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { MemoryUnitOfWork } from './memory-unit-of-work';

/** Options for {@link createMemoryPorts}. */
export interface MemoryPortsOptions {
  /** Clock shared by every port; default {@link systemClock} (pass a `ManualClock` in tests). */
  clock?: Clock;
  /** Job queue concurrency; default 4. */
  jobConcurrency?: number;
}

/** One in-memory implementation of every storage / infrastructure port, sharing one clock. */
export interface MemoryPorts {
  /** The shared clock. */
  clock: Clock;
  /** Conversation state. */
  conversations: MemoryConversationStore;
  /** Contacts. */
  contacts: MemoryContactStore;
  /** Webhook idempotency. */
  inbox: MemoryInbox;
  /** CRM actions awaiting delivery. */
  outbox: MemoryOutbox;
  /** Audit log. */
  audit: MemoryAuditLog;
  /** Metric samples and alert history. */
  metrics: MemoryMetricsRepository;
  /** Cache port. */
  cache: MemoryCache;
  /** Per-contact locks. */
  locks: MemoryLockManager;
  /** Sliding-window counters. */
  rateLimiter: MemoryRateLimiter;
  /** Job queue; also the {@link Scheduler}. */
  jobs: MemoryJobQueue;
  /** Dry-run CRM gateway. */
  crm: MemoryCrmGateway;
  /** Listings and sold comps (empty until `add`). */
  listings: MemoryListingSource;
  /** Recording alert channel. */
  notifier: MemoryNotifier;
  /** Unit of work over `conversations`, `contacts`, `audit` and `outbox`. */
  /** Unit of work. */
  unitOfWork: MemoryUnitOfWork;
}

/**
 * Creates every port in memory: the embedded default, and the quickest way to wire tests.
 *
 * @example
 * ```ts
 * const ports = createMemoryPorts({ clock: new ManualClock() });
 * await ports.unitOfWork.run(tenantId, async (tx) => tx.outbox.enqueue({ tenantId, actions }));
 * ```
 */
export function createMemoryPorts(options: MemoryPortsOptions = {}): MemoryPorts {
  const clock = options.clock ?? systemClock;
  const conversations = new MemoryConversationStore();
  const contacts = new MemoryContactStore({ clock });
  const audit = new MemoryAuditLog();
  const outbox = new MemoryOutbox({ clock });
  return {
    clock,
    conversations,
    contacts,
    inbox: new MemoryInbox({ clock }),
    outbox,
    audit,
    metrics: new MemoryMetricsRepository(),
    cache: new MemoryCache({ clock }),
    locks: new MemoryLockManager({ clock }),
    rateLimiter: new MemoryRateLimiter({ clock }),
    jobs: new MemoryJobQueue({
      clock,
      ...(options.jobConcurrency === undefined ? {} : { concurrency: options.jobConcurrency }),
    }),
    crm: new MemoryCrmGateway({ clock }),
    listings: new MemoryListingSource(),
    notifier: new MemoryNotifier(),
    unitOfWork: new MemoryUnitOfWork({ conversations, contacts, audit, outbox }),
  };
}
