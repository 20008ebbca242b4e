/**
 * Delivers the outbox: claims due CRM actions, runs each through the tenant's CrmGateway, and acknowledges it or
 * records the failure (the outbox applies backoff and dead-letters after the last attempt).
 */
import {
  toEnterpriseHubError,
  type Clock,
  type CrmGateway,
  type EventBus,
  type Inbox,
  type Outbox,
} from '@enterprisehub/core';
import type { Logger } from '../logger';

const ECHO_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
  /** Entries claimed per round. @defaultValue 50 */
  batchSize?: number;
  /** Lease per claimed entry. @defaultValue 60000 */
  leaseMs?: number;
  /** Pause between empty rounds. @defaultValue 250 */
  idleMs?: number;
}

/** A running deliverer. */
export interface OutboxDeliverer {
  /** Delivers until the outbox has nothing due; returns how many entries were handled. */
  deliverDue(): Promise<number>;
  /** Starts the background loop. */
  start(): void;
  /** Stops the loop after the current round. */
  stop(): Promise<void>;
}

/** Creates the outbox deliverer. */
export function createOutboxDeliverer(options: OutboxDelivererOptions): OutboxDeliverer {
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 250;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const round = async (): Promise<number> => {
    const entries = await options.outbox.claim({ tenantIds: 'all', limit: batchSize, leaseMs });
    await Promise.all(
      entries.map(async (entry) => {
        const { tenantId, id } = entry;
        const leaseToken = entry.leaseToken ?? '';
        try {
          const result = await options.crmFor(tenantId).execute({ tenantId, action: entry.action });
          await options.outbox.ack({
            tenantId,
            id,
            leaseToken,
            ...(result.kind === 'done' && result.externalId
              ? { externalId: result.externalId }
              : {}),
            ...(result.kind === 'skipped' ? { skipReason: result.reason } : {}),
          });
          if (entry.action.type === 'sendMessage' && result.kind === 'done' && result.externalId) {
            await options.inbox
              ?.markSeen({ tenantId, id: `message:${result.externalId}`, ttlMs: ECHO_TTL_MS })
              .catch(() => undefined);
          }
          options.events.emit('crm.action.delivered', {
            tenantId,
            at: options.clock.now(),
            actionType: entry.action.type,
          });
        } catch (error) {
          const failure = toEnterpriseHubError(error);
          const updated = await options.outbox.fail({
            tenantId,
            id,
            leaseToken,
            error: { code: failure.code, message: failure.message, retryable: failure.retryable },
          });
          options.events.emit('crm.action.failed', {
            tenantId,
            at: options.clock.now(),
            actionType: entry.action.type,
            errorCode: failure.code,
            attempts: updated?.attempts ?? entry.attempts + 1,
          });
          options.logger.warn(
            { tenantId, outboxId: id, code: failure.code, dead: updated?.status === 'dead' },
            'CRM action failed',
          );
        }
      }),
    );
    return entries.length;
  };

  const deliverDue = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const handled = await round();
      total += handled;
      if (handled < batchSize) return total;
    }
  };

  return {
    deliverDue,
    start: () => {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await deliverDue();
          } catch (error) {
            options.logger.error({ error }, 'outbox round failed');
          }
          if (!running) break;
          await new Promise<void>((resolve) => {
            const timer = options.clock.setTimer(resolve, idleMs);
            wake = () => {
              timer.cancel();
              resolve();
            };
          });
        }
      })();
    },
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
