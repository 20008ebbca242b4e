/**
 * The worker role: runs webhook jobs (inbound messages go to the bots' orchestrator), the orchestrator's own jobs
 * (nurture follow-ups, dormancy checks, deferred sends), delivers the outbox and evaluates alert rules on a timer.
 */
import type { Runtime } from '../runtime';
import { WEBHOOK_JOB } from '../routes/webhook-ingest';
import { createOutboxDeliverer } from './outbox-deliverer';
import { createWebhookJobHandler, type InboundMessageHandler } from './webhook-job';

/** A started worker. */
export interface Worker {
  stop(): Promise<void>;
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
 * @param onInbound - replaces the bots for inbound messages (tests); defaults to {@link botsInboundHandler}.
 */
export function startWorker(runtime: Runtime, onInbound?: InboundMessageHandler): Worker {
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
  runtime.observability.alerts.start();
  return {
    stop: async () => {
      runtime.observability.alerts.stop();
      await deliverer.stop();
    },
  };
}
