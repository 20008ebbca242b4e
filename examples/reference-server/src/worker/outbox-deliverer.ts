/**
 * Delivers the outbox: claims due CRM actions, runs each through the tenant's CrmGateway, and acknowledges it or
 * records the failure (the outbox applies backoff and dead-letters after the last attempt).
 *
 * Deliveries run with bounded concurrency: a slot freed by one delivery is refilled by the next claim at once, so a
 * slow CRM call holds only its own slot, never a whole batch. Every delivery has a deadline shorter than its lease
 * (its signal is aborted and the attempt is recorded as a retryable `TIMEOUT`), so an entry is never still being
 * worked on when its lease expires and another claim picks it up. When the gateway answers `CIRCUIT_OPEN` the
 * deliverer stops claiming until the circuit may half-open, then sends one entry alone as the probe and opens up to
 * full concurrency once a delivery gets through — an outage costs each entry at most one attempt per open period
 * instead of one per round.
 */
import {
  EnterpriseHubError,
  toEnterpriseHubError,
  type Clock,
  type CrmExecuteResult,
  type CrmGateway,
  type EventBus,
  type Inbox,
  type Outbox,
  type OutboxEntry,
} from '@enterprisehub/core';
import type { Logger } from '../logger';

const ECHO_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Wait after `CIRCUIT_OPEN` when the gateway does not say how long the circuit stays open. */
const DEFAULT_CIRCUIT_WAIT_MS = 5_000;

/** Options of {@link createOutboxDeliverer}. */
export interface OutboxDelivererOptions {
  outbox: Outbox;
  crmFor: (tenantId: string) => CrmGateway;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  /**
   * Where the GHL message ids of our sent messages are remembered (as `message:<id>`, the ingest's duplicate key),
   * so GHL echoing our own message back as a webhook is dropped as a duplicate and never answered.
   */
  inbox?: Inbox;
  /** Deliveries in flight at once (also the most entries one claim takes). @defaultValue 16 */
  concurrency?: number;
  /** Lease per claimed entry. @defaultValue 60000 */
  leaseMs?: number;
  /**
   * Deadline of one delivery (the CRM call, not the ack): its signal is aborted and the attempt fails with a
   * retryable `TIMEOUT`. Capped below `leaseMs` so the lease always outlives the attempt. @defaultValue 45000
   */
  deliveryTimeoutMs?: number;
  /** Pause between claims that found nothing due. @defaultValue 250 */
  idleMs?: number;
}

/** A running deliverer. */
export interface OutboxDeliverer {
  /** Delivers until the outbox has nothing due and no delivery is in flight; returns how many entries were handled. */
  deliverDue(): Promise<number>;
  /** Starts the background loop. */
  start(): void;
  /** Stops claiming and waits for the deliveries in flight (each bounded by its deadline). */
  stop(): Promise<void>;
}

/** How long an error asks us to wait before retrying (a number in its details), if it says. */
function retryAfterOf(error: EnterpriseHubError): number | undefined {
  const value = error.details['retryAfterMs'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Creates the outbox deliverer. */
export function createOutboxDeliverer(options: OutboxDelivererOptions): OutboxDeliverer {
  const { clock, outbox, logger } = options;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const leaseMs = options.leaseMs ?? 60_000;
  // Leave the ack/fail a margin inside the lease: at most 3/4 of it, at least 1 s less.
  const deadlineCap = Math.max(1, Math.min(Math.floor(leaseMs * 0.75), leaseMs - 1_000));
  const deliveryTimeoutMs = Math.max(1, Math.min(options.deliveryTimeoutMs ?? 45_000, deadlineCap));
  const idleMs = options.idleMs ?? 250;
  const inFlight = new Set<Promise<void>>();
  /** No claims before this time (the CRM's circuit is open). */
  let pausedUntil = 0;
  /** After a pause: one delivery at a time until one gets through. */
  let probing = false;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const wakeUp = (): void => {
    const current = wake;
    wake = undefined;
    current?.();
  };

  /** Runs the CRM call under the delivery deadline; settles by the deadline even if the gateway ignores the signal. */
  const execute = async (entry: OutboxEntry): Promise<CrmExecuteResult> => {
    const controller = new AbortController();
    const deadline = new EnterpriseHubError({
      code: 'TIMEOUT',
      message: `The CRM action did not finish within its ${deliveryTimeoutMs} ms delivery deadline.`,
      details: { deliveryTimeoutMs },
    });
    let timer: { cancel(): void } | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = clock.setTimer(() => {
        controller.abort(deadline);
        reject(deadline);
      }, deliveryTimeoutMs);
    });
    try {
      const call = options
        .crmFor(entry.tenantId)
        .execute({ tenantId: entry.tenantId, action: entry.action, signal: controller.signal });
      // A late answer after the deadline is dropped (the gateway's idempotency key makes the retry safe).
      call.catch(() => undefined);
      return await Promise.race([call, expired]);
    } catch (error) {
      throw controller.signal.aborted ? deadline : error;
    } finally {
      timer?.cancel();
    }
  };

  const deliver = async (entry: OutboxEntry): Promise<void> => {
    const { tenantId, id } = entry;
    const leaseToken = entry.leaseToken ?? '';
    let result: CrmExecuteResult;
    try {
      result = await execute(entry);
    } catch (error) {
      const failure = toEnterpriseHubError(error);
      const retryAfterMs = retryAfterOf(failure);
      if (failure.code === 'CIRCUIT_OPEN') {
        pausedUntil = Math.max(
          pausedUntil,
          clock.now() + (retryAfterMs ?? DEFAULT_CIRCUIT_WAIT_MS),
        );
        probing = true;
      } else if (failure.code !== 'TIMEOUT' && !failure.code.endsWith('_UNAVAILABLE')) {
        // The CRM answered (even with an error): the circuit is not what stops deliveries.
        probing = false;
      }
      const updated = await outbox.fail({
        tenantId,
        id,
        leaseToken,
        error: {
          code: failure.code,
          message: failure.message,
          retryable: failure.retryable,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        },
      });
      options.events.emit('crm.action.failed', {
        tenantId,
        at: clock.now(),
        actionType: entry.action.type,
        errorCode: failure.code,
        attempts: updated?.attempts ?? entry.attempts,
      });
      logger.warn(
        {
          tenantId,
          outboxId: id,
          code: failure.code,
          dead: updated?.status === 'dead',
          ...(updated ? {} : { leaseLost: true }),
        },
        'CRM action failed',
      );
      return;
    }
    probing = false;
    // Remember our message's GHL id before completing the entry, so an echo webhook arriving right after the send is
    // already recognised as a duplicate (the worker also never answers a message that is not from the contact).
    if (entry.action.type === 'sendMessage' && result.kind === 'done' && result.externalId) {
      await options.inbox
        ?.markSeen({ tenantId, id: `message:${result.externalId}`, ttlMs: ECHO_TTL_MS })
        .catch(() => undefined);
    }
    const acked = await outbox.ack({
      tenantId,
      id,
      leaseToken,
      ...(result.kind === 'done' && result.externalId ? { externalId: result.externalId } : {}),
      ...(result.kind === 'skipped' ? { skipReason: result.reason } : {}),
    });
    if (!acked) logger.warn({ tenantId, outboxId: id }, 'outbox lease lost before the ack');
    options.events.emit('crm.action.delivered', {
      tenantId,
      at: clock.now(),
      actionType: entry.action.type,
    });
  };

  const launch = (entry: OutboxEntry): void => {
    const task = deliver(entry)
      .catch((error: unknown) => {
        // The ack or fail itself failed (store down): the lease expires and the entry is claimed again.
        logger.error(
          { error: toEnterpriseHubError(error).code, outboxId: entry.id },
          'outbox delivery bookkeeping failed',
        );
      })
      .finally(() => {
        inFlight.delete(task);
        wakeUp();
      });
    inFlight.add(task);
  };

  /** Claims into the free slots; returns how many entries were started. */
  const fill = async (): Promise<number> => {
    if (clock.now() < pausedUntil) return 0;
    const slots = (probing ? 1 : concurrency) - inFlight.size;
    if (slots <= 0) return 0;
    const entries = await outbox.claim({ tenantIds: 'all', limit: slots, leaseMs });
    for (const entry of entries) launch(entry);
    return entries.length;
  };

  /** Waits for a delivery to finish, a wake-up, or `ms`. */
  const pause = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = clock.setTimer(
        () => {
          wake = undefined;
          resolve();
        },
        Math.max(1, ms),
      );
      wake = () => {
        timer.cancel();
        resolve();
      };
    });

  const deliverDue = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const started = await fill();
      total += started;
      if (started > 0) continue;
      // Nothing due (or the circuit is open): done once the deliveries in flight have settled.
      if (inFlight.size === 0) return total;
      await Promise.race(inFlight);
    }
  };

  return {
    deliverDue,
    start: () => {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let started = 0;
          try {
            started = await fill();
          } catch (error) {
            logger.error({ error }, 'outbox claim failed');
          }
          if (!running) break;
          if (started > 0) continue;
          const full = inFlight.size >= (probing ? 1 : concurrency);
          const paused = pausedUntil - clock.now();
          // Full: wait for a slot; paused: until the circuit may half-open; else poll after idleMs.
          await pause(full ? deliveryTimeoutMs : paused > 0 ? paused : idleMs);
        }
        await Promise.allSettled(inFlight);
      })();
    },
    stop: async () => {
      running = false;
      wakeUp();
      await loop;
    },
  };
}
