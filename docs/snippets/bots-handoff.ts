/** Compiled snippet for docs/bots.md, "Handoffs": ask the governor, then build the context the next bot gets. */
import type {
  AuditLog,
  Clock,
  ConversationState,
  EventBus,
  LockManager,
  RateLimiter,
} from '@enterprisehub/core';

declare const limiter: RateLimiter;
declare const locks: LockManager;
declare const clock: Clock;
declare const events: EventBus;
declare const audit: AuditLog;
declare const tenantId: string;
declare const contactId: string;
declare const state: ConversationState;

// #region handoff
import { buildHandoffContext, createHandoffGovernor } from '@enterprisehub/bots';

const governor = createHandoffGovernor({ limiter, locks, clock, options: { events, audit } });
const decision = await governor.decide({
  tenantId,
  contactId,
  from: 'lead',
  to: 'seller',
  confidence: 0.86,
  history: state.handoffs,
});
// { kind: 'allowed', record, remaining: { hour, day }, durationMs }
// { kind: 'blocked', reason: 'low_confidence' | 'hourly_limit' | 'daily_limit' | 'circular' | 'lock_busy'
//   | 'disabled', retryAfterMs?, durationMs }
if (decision.kind === 'allowed') {
  const context = buildHandoffContext({
    from: 'lead',
    to: 'seller',
    facts: state.facts,
    score: state.score,
  });
  // context.summary: 'Handed from the lead bot to the seller bot. Known: … Still to ask: …' (no PII)
  void context;
}
governor.analytics({ tenantId }); // { total, successful, blocked, blockedByReason, successRate, byRoute }
governor.history({ tenantId, contactId }); // recent decisions, oldest first
// #endregion handoff
