/**
 * Test kit for EnterpriseHub: manual clock, scripted LLM client, builders of valid domain objects, in-memory ports
 * and the port contract suites. Framework-agnostic (no vitest import).
 *
 * @module
 */
export {
  buildContact,
  buildConversationState,
  buildFact,
  buildLeadScore,
  buildMessage,
  buildTenant,
  nextTestId,
} from './builders';
export { flushMicrotasks, MANUAL_CLOCK_EPOCH, ManualClock } from './manual-clock';
export {
  buildAlertNotification,
  buildAlertRecord,
  buildAuditEvent,
  buildBotDecision,
  buildCrmAction,
  buildListing,
  buildMetricSample,
} from './record-builders';
export {
  ScriptedLlmClient,
  type ScriptedLlmClientOptions,
  type ScriptedLlmReply,
  type ScriptedLlmStep,
} from './scripted-llm-client';
export {
  createMemoryPorts,
  type MemoryPorts,
  type MemoryPortsOptions,
} from '../memory/create-memory-ports';
export {
  adminStoreContract,
  advanceTime,
  auditLogContract,
  cacheContract,
  contactStoreContract,
  conversationStoreContract,
  inboxContract,
  inboxReplayContract,
  type ReplayableInbox,
  jobQueueContract,
  listingSourceContract,
  lockManagerContract,
  metricsRepositoryContract,
  outboxContract,
  rateLimiterContract,
  rejectsWithCode,
  runContractCase,
  schedulerContract,
  uniqueTenantId,
  unitOfWorkContract,
  type ContractCase,
  type ContractHarness,
  type ContractSuite,
  type ListingSourceFixture,
  type UnitOfWorkFixture,
} from './contracts/index';
