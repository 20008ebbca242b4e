import {
  EnterpriseHubError,
  type HandoffBlockReason,
  type HandoffRecord,
} from '@enterprisehub/core';
import { HandoffLedger } from './handoff-ledger';
import { reportHandoffDecision } from './handoff-report';
import {
  DEFAULT_HANDOFF_GUARDRAILS,
  type HandoffDecision,
  type HandoffGovernor,
  type HandoffGovernorOptions,
  type HandoffGuardrails,
  type HandoffRequest,
} from './handoff-types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function latest(records: readonly HandoffRecord[]): HandoffRecord | undefined {
  let newest: HandoffRecord | undefined;
  for (const record of records) if (!newest || record.at >= newest.at) newest = record;
  return newest;
}

function validate(request: HandoffRequest): void {
  if (request.from === request.to) {
    throw new EnterpriseHubError({
      code: 'VALIDATION_FAILED',
      message: 'A handoff needs two different bots.',
      details: { bot: request.from },
    });
  }
  if (!Number.isFinite(request.confidence) || request.confidence < 0 || request.confidence > 1) {
    throw new EnterpriseHubError({
      code: 'VALIDATION_FAILED',
      message: 'Handoff confidence must be between 0 and 1.',
      details: { confidence: String(request.confidence) },
    });
  }
}

/**
 * Creates the handoff governor with the seed guardrails: confidence ≥ 0.7, at most 3 handoffs per contact per
 * hour and 10 per day, no return to the bot just left within 30 minutes, and a per-contact lock (30 s TTL) so two
 * messages cannot hand off twice.
 *
 * Race-freedom: the hourly and daily counters live in the shared `RateLimiter` and are only touched while the
 * governor holds the contact's handoff lock from the shared `LockManager` (key `handoff:<contactId>`). Under the
 * lock it first `peek`s both counters (nothing is counted for a refused handoff), then `consume`s both — so no
 * other decision for the same contact, on any instance, can slip in between the check and the commit. The lock is
 * re-checked for expiry before consuming, and released afterwards. A concurrent decision for the same contact gets
 * `lock_busy` (or waits `lockWaitMs`).
 *
 * @example
 * ```ts
 * const governor = createHandoffGovernor({ limiter: ports.rateLimiter, locks: ports.locks, clock });
 * const decision = await governor.decide({ tenantId, contactId, from: 'lead', to: 'seller', confidence: 0.86, history: state.handoffs });
 * if (decision.kind === 'allowed') state = { ...state, activeBot: 'seller', handoffs: [...state.handoffs, decision.record] };
 * ```
 */
export function createHandoffGovernor(options: HandoffGovernorOptions): HandoffGovernor {
  const { limiter, locks, clock } = options;
  const settings = options.options ?? {};
  const guardrails: HandoffGuardrails = {
    minConfidence: settings.minConfidence ?? DEFAULT_HANDOFF_GUARDRAILS.minConfidence,
    hourlyLimit: settings.hourlyLimit ?? DEFAULT_HANDOFF_GUARDRAILS.hourlyLimit,
    dailyLimit: settings.dailyLimit ?? DEFAULT_HANDOFF_GUARDRAILS.dailyLimit,
    circularWindowMs: settings.circularWindowMs ?? DEFAULT_HANDOFF_GUARDRAILS.circularWindowMs,
    lockTtlMs: settings.lockTtlMs ?? DEFAULT_HANDOFF_GUARDRAILS.lockTtlMs,
    lockWaitMs: settings.lockWaitMs ?? DEFAULT_HANDOFF_GUARDRAILS.lockWaitMs,
  };
  const ledger = new HandoffLedger({
    historyLimit: settings.historyLimit ?? 50,
    maxContacts: settings.maxContacts ?? 10_000,
  });

  function circularRetryMs(request: HandoffRequest, now: number): number | undefined {
    const fromCaller = latest(request.history);
    const fromLedger = latest(ledger.allowedRecords(request.tenantId, request.contactId));
    // The caller's history is authoritative; this process's own record wins only when strictly newer (stale state).
    const last =
      fromLedger && (!fromCaller || fromLedger.at > fromCaller.at) ? fromLedger : fromCaller;
    if (!last || last.from !== request.to) return undefined;
    const remaining = last.at + guardrails.circularWindowMs - now;
    return remaining > 0 ? remaining : undefined;
  }

  async function decideUnderLock(
    request: HandoffRequest,
    started: number,
  ): Promise<HandoffDecision> {
    const { tenantId, contactId, signal } = request;
    const blocked = (reason: HandoffBlockReason, retryAfterMs?: number): HandoffDecision => ({
      kind: 'blocked',
      reason,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      durationMs: clock.now() - started,
    });
    const lock = await locks.acquire({
      tenantId,
      key: `handoff:${contactId}`,
      ttlMs: guardrails.lockTtlMs,
      waitMs: guardrails.lockWaitMs,
      ...(signal ? { signal } : {}),
    });
    if (!lock) return blocked('lock_busy', guardrails.lockTtlMs);
    try {
      const circular = circularRetryMs(request, clock.now());
      if (circular !== undefined) return blocked('circular', circular);
      const hour = {
        tenantId,
        key: `handoff:hour:${contactId}`,
        limit: guardrails.hourlyLimit,
        windowMs: HOUR_MS,
        ...(signal ? { signal } : {}),
      };
      const day = {
        tenantId,
        key: `handoff:day:${contactId}`,
        limit: guardrails.dailyLimit,
        windowMs: DAY_MS,
        ...(signal ? { signal } : {}),
      };
      const [dayCheck, hourCheck] = await Promise.all([limiter.peek(day), limiter.peek(hour)]);
      if (!dayCheck.allowed) return blocked('daily_limit', dayCheck.retryAfterMs);
      if (!hourCheck.allowed) return blocked('hourly_limit', hourCheck.retryAfterMs);
      if (lock.expiresAt <= clock.now()) return blocked('lock_busy', 0);
      const dayCount = await limiter.consume(day);
      if (!dayCount.allowed) return blocked('daily_limit', dayCount.retryAfterMs);
      const hourCount = await limiter.consume(hour);
      if (!hourCount.allowed) return blocked('hourly_limit', hourCount.retryAfterMs);
      const record: HandoffRecord = {
        from: request.from,
        to: request.to,
        confidence: request.confidence,
        at: clock.now(),
        ...(request.reason !== undefined ? { reason: request.reason } : {}),
      };
      const { from, to, confidence, at } = record;
      ledger.record(tenantId, contactId, { from, to, confidence, at, outcome: 'allowed' });
      return {
        kind: 'allowed',
        record,
        remaining: { hour: hourCount.remaining, day: dayCount.remaining },
        durationMs: clock.now() - started,
      };
    } finally {
      await locks.release({ tenantId, lock });
    }
  }

  async function decide(request: HandoffRequest): Promise<HandoffDecision> {
    validate(request);
    const started = clock.now();
    const quick = (reason: HandoffBlockReason, retryAfterMs?: number): HandoffDecision => ({
      kind: 'blocked',
      reason,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      durationMs: clock.now() - started,
    });
    let decision: HandoffDecision;
    if (
      settings.enabled === false ||
      (request.enabledBots && !request.enabledBots.includes(request.to))
    ) {
      decision = quick('disabled');
    } else if (request.confidence < guardrails.minConfidence) {
      decision = quick('low_confidence');
    } else {
      const circular = circularRetryMs(request, started);
      decision =
        circular !== undefined
          ? quick('circular', circular)
          : await decideUnderLock(request, started);
    }
    const at = clock.now();
    if (decision.kind === 'blocked') {
      ledger.record(request.tenantId, request.contactId, {
        from: request.from,
        to: request.to,
        confidence: request.confidence,
        at,
        outcome: 'blocked',
        reason: decision.reason,
      });
    }
    await reportHandoffDecision({
      request,
      decision,
      at,
      events: settings.events,
      audit: settings.audit,
    });
    return decision;
  }

  return {
    guardrails,
    decide,
    analytics: ({ tenantId }) => ledger.analytics(tenantId),
    history: ({ tenantId, contactId }) => ledger.history(tenantId, contactId),
  };
}
