import { randomUUID } from 'node:crypto';
import type { AuditLog, EventBus, JsonObject } from '@enterprisehub/core';
import type { HandoffDecision, HandoffRequest } from './handoff-types';

/**
 * Publishes one handoff decision: `handoff.completed` or `handoff.blocked` on the bus (plus `rate_limit.hit` for
 * hourly/daily refusals) and one audit record with ids, bots, confidence and reason only.
 *
 * @internal
 */
export async function reportHandoffDecision(options: {
  request: HandoffRequest;
  decision: HandoffDecision;
  at: number;
  events?: EventBus | undefined;
  audit?: AuditLog | undefined;
}): Promise<void> {
  const { request, decision, at, events, audit } = options;
  const { tenantId, contactId, from, to, confidence } = request;
  if (events) {
    if (decision.kind === 'allowed') {
      events.emit('handoff.completed', {
        tenantId,
        at,
        contactId,
        from,
        to,
        confidence,
        durationMs: decision.durationMs,
      });
    } else {
      events.emit('handoff.blocked', {
        tenantId,
        at,
        contactId,
        from,
        to,
        reason: decision.reason,
      });
      if (decision.reason === 'hourly_limit' || decision.reason === 'daily_limit') {
        events.emit('rate_limit.hit', {
          tenantId,
          at,
          source: 'handoff',
          ...(decision.retryAfterMs !== undefined ? { waitMs: decision.retryAfterMs } : {}),
        });
      }
    }
  }
  if (audit) {
    const data: JsonObject = { from, to, confidence, durationMs: decision.durationMs };
    if (decision.kind === 'blocked') data['reason'] = decision.reason;
    if (decision.kind === 'blocked' && decision.retryAfterMs !== undefined)
      data['retryAfterMs'] = decision.retryAfterMs;
    if (request.reason !== undefined) data['trigger'] = request.reason;
    await audit.append({
      tenantId,
      event: {
        id: randomUUID(),
        tenantId,
        contactId,
        type: decision.kind === 'allowed' ? 'handoff.completed' : 'handoff.blocked',
        actor: { kind: 'bot', id: from },
        bot: from,
        at,
        ...(request.correlationId !== undefined ? { correlationId: request.correlationId } : {}),
        data,
      },
    });
  }
}
