import { randomUUID } from 'node:crypto';
import { WEBHOOK_SAMPLES, type WebhookSampleType } from './fixtures/webhook-samples';

/** The `timestamp` stamped on {@link webhookFixtures} (verify them with a clock set to this instant). */
export const WEBHOOK_FIXTURE_TIMESTAMP = '2026-01-15T12:00:00.000Z';

/** A stamped official sample: event type, the doc heading it came from, and the payload. */
export interface WebhookFixture {
  /** Event type (the doc file), e.g. `InboundMessage`. */
  eventType: WebhookSampleType;
  /** Heading in GHL's doc, e.g. `Example(Call)`. */
  name: string;
  /** The official payload plus `timestamp` and `webhookId`, as real deliveries carry them. */
  payload: Record<string, unknown>;
}

function stamp(payload: Record<string, unknown>, webhookId: string, timestamp: string): Record<string, unknown> {
  return { ...structuredClone(payload), timestamp, webhookId };
}

/**
 * Every official sample of every covered event type (several for messages: SMS, call, voicemail, email),
 * stamped with {@link WEBHOOK_FIXTURE_TIMESTAMP} and a deterministic `webhookId`.
 */
export const allWebhookFixtures: readonly WebhookFixture[] = (
  Object.entries(WEBHOOK_SAMPLES) as [WebhookSampleType, readonly { name: string; payload: Record<string, unknown> }[]][]
).flatMap(([eventType, samples]) =>
  samples.map((sample, index) => ({
    eventType,
    name: sample.name,
    payload: stamp(sample.payload, `wh-${eventType}-${index + 1}`, WEBHOOK_FIXTURE_TIMESTAMP),
  })),
);

/** The first official sample of each event type, stamped like {@link allWebhookFixtures}. */
export const webhookFixtures = Object.fromEntries(
  (Object.keys(WEBHOOK_SAMPLES) as WebhookSampleType[]).map((eventType) => [
    eventType,
    allWebhookFixtures.find((fixture) => fixture.eventType === eventType)?.payload ?? {},
  ]),
) as Readonly<Record<WebhookSampleType, Readonly<Record<string, unknown>>>>;

/** Options of {@link buildWebhookEvent}. */
export interface BuildWebhookEventOptions {
  /** Instant for `timestamp`, epoch ms. @defaultValue `Date.now()` */
  now?: number;
  /** `webhookId` to use. @defaultValue a random UUID */
  webhookId?: string;
}

/**
 * A fresh webhook body of the given type: the first official sample with `overrides` applied, a current
 * `timestamp` and a unique `webhookId` — ready for `signWebhookPayload`.
 *
 * @example
 * ```ts
 * const body = buildWebhookEvent('InboundMessage', { locationId: 'loc-1', body: 'Looking for a 3 bed in Austin' });
 * ```
 */
export function buildWebhookEvent(
  eventType: WebhookSampleType,
  overrides: Record<string, unknown> = {},
  options: BuildWebhookEventOptions = {},
): Record<string, unknown> {
  const sample = WEBHOOK_SAMPLES[eventType][0];
  return {
    ...stamp(sample.payload, options.webhookId ?? randomUUID(), new Date(options.now ?? Date.now()).toISOString()),
    ...overrides,
  };
}
