/**
 * The worker role: runs webhook jobs, delivers the outbox and evaluates alert rules on a timer.
 */
import type { Runtime } from '../runtime';
import { WEBHOOK_JOB } from '../routes/webhook-ingest';
import { createOutboxDeliverer } from './outbox-deliverer';
import { createWebhookJobHandler, type InboundMessageHandler } from './webhook-job';

/** A started worker. */
export interface Worker {
  stop(): Promise<void>;
}

/** Starts the worker loops on a runtime. */
export function startWorker(runtime: Runtime, onInbound: InboundMessageHandler): Worker {
  runtime.queue.registerHandler(WEBHOOK_JOB, createWebhookJobHandler(runtime, onInbound));
  const deliverer = createOutboxDeliverer({
    outbox: runtime.stores.outbox,
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
