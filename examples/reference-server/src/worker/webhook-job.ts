/**
 * Handles one accepted GHL webhook: inbound messages go to the bots; contact events update the contact store;
 * our own outbound messages echoed back by GHL are recognised and never answered.
 */
import type { Job, JsonValue } from '@enterprisehub/core';
import { parseWebhookEvent } from '@enterprisehub/ghl';
import type { Runtime } from '../runtime';
import type { WebhookJobPayload } from '../routes/webhook-ingest';

/** Where inbound messages from contacts go (the bots' orchestrator, wired in `worker/index.ts`). */
export type InboundMessageHandler = (input: {
  tenantId: string;
  contactId: string;
  messageId: string;
  body: string;
  channel: string;
  receivedAt: number;
  conversationId?: string;
}) => Promise<void>;

/**
 * Creates the webhook job handler. After the event is handled it marks the inbox entry processed (see
 * `worker/inbox-replay.ts`).
 */
export function createWebhookJobHandler(runtime: Runtime, onInbound: InboundMessageHandler) {
  const handle = handleWebhookEvent(runtime, onInbound);
  const inbox = runtime.stores.inbox;
  return async (job: Job<JsonValue>): Promise<void> => {
    // The job id is the inbox id the ingest stored the event under. Once the job has ended (handled, or failed its
    // last attempt: a failed job stays visible in the queue's failed count), the inbox replay leaves it alone.
    const scope = { tenantId: job.tenantId, id: job.id };
    try {
      await handle(job);
    } catch (error) {
      if (job.attempt >= job.maxAttempts) await inbox.markProcessed?.(scope);
      throw error;
    }
    await inbox.markProcessed?.(scope);
  };
}

function handleWebhookEvent(runtime: Runtime, onInbound: InboundMessageHandler) {
  return async (job: Job<JsonValue>): Promise<void> => {
    const payload = job.payload as WebhookJobPayload;
    const event = parseWebhookEvent(payload.event);
    const tenantId = job.tenantId;
    switch (event.type) {
      case 'InboundMessage':
      case 'OutboundMessage': {
        if (!event.fromContact) return; // our own (or an agent's) outbound message echoed back: never answered
        await onInbound({
          tenantId,
          contactId: event.contactId,
          messageId: event.messageId ?? `${event.contactId}:${payload.receivedAt}`,
          body: event.body ?? '',
          channel: event.channel ?? 'SMS',
          receivedAt: payload.receivedAt,
          ...(event.conversationId ? { conversationId: event.conversationId } : {}),
        });
        return;
      }
      case 'ContactDndUpdate': {
        if (event.dnd === true) {
          await runtime.stores.contacts.setDnd({ tenantId, contactId: event.id, enabled: true });
        }
        return;
      }
      case 'ContactDelete':
        runtime.logger.info({ tenantId, eventType: event.type }, 'contact deleted in GHL');
        return;
      default:
        runtime.logger.debug({ tenantId, eventType: event.type }, 'webhook event recorded');
    }
  };
}
