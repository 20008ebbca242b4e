/**
 * Compiled snippet for docs/README.md: the smallest useful embedding — decode a lead's message with the bots'
 * rules engine and verify a GHL webhook, no model or database needed.
 */
import { createIntentDecoder } from '@enterprisehub/bots';
import { parseWebhookEvent, verifyWebhookSignature } from '@enterprisehub/ghl';

// #region quick-start
export async function onGhlWebhook(
  rawBody: Buffer,
  headers: Record<string, string>,
): Promise<string> {
  const verified = await verifyWebhookSignature(rawBody, headers); // GHL's published keys
  if (!verified.ok) return `rejected: ${verified.code}`; // e.g. WEBHOOK_SIGNATURE_INVALID → HTTP 401
  const event = parseWebhookEvent(verified.payload);
  if (event.type !== 'InboundMessage') return 'ignored';
  const intent = await createIntentDecoder().decode(event.body ?? '');
  return `${intent.intent} (${intent.confidence.toFixed(2)})`; // buyer, seller, both, browsing, unknown
}
// #endregion quick-start
