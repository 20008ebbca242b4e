import type {
  AuditLog,
  BotName,
  Clock,
  EventBus,
  HandoffBlockReason,
  HandoffRecord,
  LockManager,
  RateLimiter,
} from '@enterprisehub/core';

/** The seed guardrails for bot-to-bot handoffs; every one can be tuned per deployment. */
export interface HandoffGuardrails {
  /** Minimum intent confidence for a handoff; default 0.7. */
  minConfidence: number;
  /** Handoffs allowed per contact in any sliding hour; default 3. */
  hourlyLimit: number;
  /** Handoffs allowed per contact in any sliding 24 hours; default 10. */
  dailyLimit: number;
  /** How long a return to the bot the contact just left is refused, ms; default 30 minutes. */
  circularWindowMs: number;
  /** TTL of the per-contact handoff lock, ms; default 30 seconds. */
  lockTtlMs: number;
  /** How long to wait for a busy handoff lock, ms; default 0 (a concurrent decision is refused at once). */
  lockWaitMs: number;
}

/** The seed values: 0.7 confidence, 3 per hour, 10 per day, 30 min circular window, 30 s lock. */
export const DEFAULT_HANDOFF_GUARDRAILS: Readonly<HandoffGuardrails> = {
  minConfidence: 0.7,
  hourlyLimit: 3,
  dailyLimit: 10,
  circularWindowMs: 30 * 60 * 1000,
  lockTtlMs: 30 * 1000,
  lockWaitMs: 0,
};

/** Optional settings of {@link createHandoffGovernor}: guardrail overrides plus observers. */
export interface HandoffGovernorSettings extends Partial<HandoffGuardrails> {
  /** `false` refuses every handoff with reason `disabled` (e.g. a tenant that runs the Lead bot only). */
  enabled?: boolean;
  /** Receives `handoff.completed`, `handoff.blocked` and (for limits) `rate_limit.hit`. */
  events?: EventBus;
  /** Receives one `handoff.completed` / `handoff.blocked` audit record per decision. */
  audit?: AuditLog;
  /** History entries kept per contact for {@link HandoffGovernor.history}; default 50. */
  historyLimit?: number;
  /** Contacts whose history is kept in memory (oldest evicted first); default 10,000. */
  maxContacts?: number;
}

/** Options of {@link createHandoffGovernor}. */
export interface HandoffGovernorOptions {
  /** Shared sliding-window counters (per-contact hourly and daily handoff counts). */
  limiter: RateLimiter;
  /** Shared locks (one handoff decision per contact at a time). */
  locks: LockManager;
  /** Time source (a `ManualClock` in tests). */
  clock: Clock;
  /** Guardrail overrides and observers. */
  options?: HandoffGovernorSettings;
}

/** One handoff request from the current bot to another. */
export interface HandoffRequest {
  /** Tenant of the contact. */
  tenantId: string;
  /** CRM contact id. */
  contactId: string;
  /** Bot currently in charge. */
  from: BotName;
  /** Bot the contact should move to (must differ from `from`). */
  to: BotName;
  /** Intent confidence behind the request, 0–1. */
  confidence: number;
  /** The conversation's handoff history (`ConversationState.handoffs`), oldest first. */
  history: readonly HandoffRecord[];
  /** Bots enabled for the tenant; a target outside the list is refused with `disabled`. */
  enabledBots?: readonly BotName[];
  /** Short reason recorded with the handoff (no PII), e.g. `intent:seller`. */
  reason?: string;
  /** Correlates the audit record with the inbound message. */
  correlationId?: string;
  /** Aborts the port calls. */
  signal?: AbortSignal;
}

/** The handoff may proceed: append `record` to the conversation's handoffs and switch `activeBot` to `to`. */
export interface HandoffAllowed {
  kind: 'allowed';
  /** The handoff to persist. */
  record: HandoffRecord;
  /** Handoffs left for the contact in the current hour and day. */
  remaining: { hour: number; day: number };
  /** Time the decision took, ms. */
  durationMs: number;
}

/** The handoff is refused: the current bot keeps the conversation; nothing the lead said is lost. */
export interface HandoffBlocked {
  kind: 'blocked';
  /** Why. */
  reason: HandoffBlockReason;
  /** When retrying could succeed (limits, circular window, busy lock), ms from now. */
  retryAfterMs?: number;
  /** Time the decision took, ms. */
  durationMs: number;
}

/** Outcome of {@link HandoffGovernor.decide}. */
export type HandoffDecision = HandoffAllowed | HandoffBlocked;

/** One decision in a contact's history. */
export interface HandoffHistoryEntry {
  /** Bot the contact was with. */
  from: BotName;
  /** Bot requested. */
  to: BotName;
  /** Intent confidence. */
  confidence: number;
  /** When decided, epoch ms. */
  at: number;
  /** `allowed` or `blocked`. */
  outcome: 'allowed' | 'blocked';
  /** Block reason, for blocked decisions. */
  reason?: HandoffBlockReason;
}

/** Handoff analytics of one tenant since the governor started (this process). */
export interface HandoffAnalytics {
  /** Decisions taken. */
  total: number;
  /** Handoffs allowed. */
  successful: number;
  /** Handoffs refused. */
  blocked: number;
  /** Refusals per reason (every reason present, zero when none). */
  blockedByReason: Record<HandoffBlockReason, number>;
  /** `successful / total`; 1 when there were no decisions (nothing failed). */
  successRate: number;
  /** Allowed handoffs per route, e.g. `{ 'lead->buyer': 12 }`. */
  byRoute: Record<string, number>;
}

/** Decides bot-to-bot handoffs under the seed guardrails and keeps their analytics. */
export interface HandoffGovernor {
  /** The effective guardrails. */
  readonly guardrails: Readonly<HandoffGuardrails>;
  /**
   * Decides one handoff: confidence, enabled target, circular return, per-contact lock, hourly and daily limits.
   * Counters are consumed only when the handoff is allowed.
   *
   * @throws `EnterpriseHubError` `VALIDATION_FAILED` when `from === to` or the confidence is outside 0–1;
   *   port errors (limiter, locks, audit) propagate.
   */
  decide(request: HandoffRequest): Promise<HandoffDecision>;
  /** Totals, successes, refusals by reason and success rate for a tenant. */
  analytics(options: { tenantId: string }): HandoffAnalytics;
  /** A contact's recent decisions, oldest first. */
  history(options: { tenantId: string; contactId: string }): HandoffHistoryEntry[];
}
