/**
 * The worker role: runs webhook jobs (inbound messages go to the bots' orchestrator), the orchestrator's own jobs
 * (nurture follow-ups, dormancy checks, deferred sends), delivers the outbox and evaluates alert rules on a timer.
 */
import type { Runtime } from '../runtime';
import { WEBHOOK_JOB } from '../routes/webhook-ingest';
import { startAlertLeader, type AlertLeader } from './alert-leader';
import { createInboxReplay, type InboxReplay, type InboxReplaySettings } from './inbox-replay';
import { createOutboxDeliverer } from './outbox-deliverer';
import { createWebhookJobHandler, type InboundMessageHandler } from './webhook-job';

/** A started worker. */
export interface Worker {
  /** Production mode: the alert leader election this worker takes part in. */
  alertLeader?: AlertLeader;
  /** Re-enqueues accepted webhooks whose job was lost (see `worker/inbox-replay.ts`). */
  inboxReplay: InboxReplay;
  stop(): Promise<void>;
}

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** Alert leader lease timing (production mode); defaults: 30 s ticks, 90 s lease. */
  alertLeader?: { intervalMs?: number; ttlMs?: number };
  /** Inbox replay settings; grace and interval default to `INBOX_REPLAY_GRACE_MS` / `INBOX_REPLAY_INTERVAL_MS`. */
  inboxReplay?: InboxReplaySettings;
}

/** The default inbound handler: one bot turn through `runtime.bots`, logged without PII. */
export function botsInboundHandler(runtime: Runtime): InboundMessageHandler {
  return async (message) => {
    const result = await runtime.bots.handleInbound(message);
    runtime.logger.info(
      {
        tenantId: result.tenantId,
        bot: result.bot,
        reply: result.reply.kind,
        durationMs: result.durationMs,
      },
      'inbound message handled',
    );
  };
}

/**
 * Starts the worker loops on a runtime.
 *
 * In the embedded mode (one process) the alert engine runs on its own timer; in production only the worker holding
 * the alert leader lease evaluates and delivers alerts, so N workers never page N times.
 *
 * @param onInbound - replaces the bots for inbound messages (tests); defaults to {@link botsInboundHandler}.
 */
export function startWorker(
  runtime: Runtime,
  onInbound?: InboundMessageHandler,
  options: WorkerOptions = {},
): Worker {
  runtime.bots.registerJobHandlers(runtime.queue);
  runtime.queue.registerHandler(
    WEBHOOK_JOB,
    createWebhookJobHandler(runtime, onInbound ?? botsInboundHandler(runtime)),
  );
  const deliverer = createOutboxDeliverer({
    outbox: runtime.stores.outbox,
    inbox: runtime.stores.inbox,
    crmFor: runtime.crmFor,
    clock: runtime.clock,
    events: runtime.events,
    logger: runtime.logger,
  });
  deliverer.start();
  const inboxReplay = createInboxReplay({
    inbox: runtime.stores.inbox,
    queue: runtime.queue,
    clock: runtime.clock,
    logger: runtime.logger,
    tenantIds: () => runtime.tenants.list().map((tenant) => tenant.id),
    graceMs: runtime.config.INBOX_REPLAY_GRACE_MS,
    intervalMs: runtime.config.INBOX_REPLAY_INTERVAL_MS,
    ...options.inboxReplay,
  });
  inboxReplay.start();
  const alerts = runtime.observability.alerts;
  const alertLeader =
    runtime.config.mode === 'production'
      ? startAlertLeader({
          engine: alerts,
          locks: runtime.locks,
          clock: runtime.clock,
          logger: runtime.logger,
          ...options.alertLeader,
        })
      : undefined;
  if (!alertLeader) alerts.start();
  return {
    ...(alertLeader ? { alertLeader } : {}),
    inboxReplay,
    stop: async () => {
      await inboxReplay.stop();
      if (alertLeader) await alertLeader.stop();
      else alerts.stop();
      await deliverer.stop();
    },
  };
}
