/**
 * `@enterprisehub/ghl/testing`: an in-memory fake of GHL with real wire formats and rate-limit behaviour,
 * msw handlers serving it, webhook signing with test keys, and official webhook fixtures. Framework-agnostic
 * (no vitest import).
 *
 * @module
 */
export { WEBHOOK_SAMPLES, type WebhookSample, type WebhookSampleType } from './fixtures/webhook-samples';
export { signWebhookPayload, type SignedWebhook, type WebhookSigningKeys } from './sign-webhook-payload';
export {
  allWebhookFixtures,
  buildWebhookEvent,
  webhookFixtures,
  WEBHOOK_FIXTURE_TIMESTAMP,
  type BuildWebhookEventOptions,
  type WebhookFixture,
} from './webhook-fixtures';
export { webhookTestKeys } from './webhook-test-keys';
export { createGhlHandlers, type CreateGhlHandlersOptions } from './create-ghl-handlers';
export { createFakeGhl, type CreateFakeGhlOptions, type FakeGhl } from './fake/create-fake-ghl';
export { FAKE_OAUTH_CLIENT, FakeAuth, type FakeTokenSubject } from './fake/fake-auth';
export type { FakeGhlCall } from './fake/fake-ghl-call';
export { FakeGhlState, type FakeCalendar, type FakeRecord } from './fake/fake-ghl-state';
export type { FakeGhlLimits } from './fake/fake-rate-limit';
export type { FakeGhlScenarios, FakeScenarioTarget } from './fake/fake-scenarios';
export type { FakeInboundMessageType, SimulatedInbound, SimulateInboundOptions } from './fake/simulate-inbound';
