export { createHandoffGovernor } from './handoff-governor';
export {
  BOT_KEY_FACTS,
  buildHandoffContext,
  type HandoffContext,
  type HandoffContextInput,
  type HandoffFacts,
} from './handoff-context';
export {
  DEFAULT_HANDOFF_GUARDRAILS,
  type HandoffAllowed,
  type HandoffAnalytics,
  type HandoffBlocked,
  type HandoffDecision,
  type HandoffGovernor,
  type HandoffGovernorOptions,
  type HandoffGovernorSettings,
  type HandoffGuardrails,
  type HandoffHistoryEntry,
  type HandoffRequest,
} from './handoff-types';
