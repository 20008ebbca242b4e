/**
 * Compiled snippet for docs/bots.md: checking an outgoing reply at the send boundary, scoring a lead, and deciding a
 * handoff with its context.
 */
import type { ConversationState, MemoryPorts, Tenant } from '@enterprisehub/core';
import {
  buildHandoffContext,
  createComplianceGuard,
  createHandoffGovernor,
  scoreLead,
  toLeadScore,
  type ComplianceResult,
  type HandoffContext,
} from '@enterprisehub/bots';

/** Runs the inbound checks, then the outgoing compliance check, for one reply. */
export async function guardReply(options: {
  tenant: Tenant;
  inbound: string;
  reply: string;
  firstContact: boolean;
}): Promise<ComplianceResult | { kind: 'opt_out' | 'help' | 'escalate'; text?: string }> {
  const guard = createComplianceGuard({ tenant: options.tenant });
  const inbound = guard.classifyInbound(options.inbound);
  if (inbound.kind === 'opt_out') return { kind: 'opt_out', text: inbound.confirmation }; // set DND, silence bots
  if (inbound.kind === 'help') return { kind: 'help', text: inbound.reply };
  if (inbound.kind === 'escalate') return { kind: 'escalate' }; // tag, notify an agent, pause the bots
  return guard.check({ text: options.reply, channel: 'SMS', firstContact: options.firstContact });
}

/** Scores the conversation and, when intent moved to another bot, decides the handoff. */
export async function scoreAndRoute(options: {
  ports: MemoryPorts;
  tenant: Tenant;
  state: ConversationState;
  intent: { to: 'buyer' | 'seller'; confidence: number };
}): Promise<{ state: ConversationState; context?: HandoffContext }> {
  const { ports, tenant, intent } = options;
  let state = options.state;
  const scored = scoreLead({ facts: state.facts, market: tenant.market, now: ports.clock.now() });
  state = { ...state, score: toLeadScore(scored, ports.clock.now()) };
  if (state.activeBot === intent.to) return { state };

  const governor = createHandoffGovernor({
    limiter: ports.rateLimiter,
    locks: ports.locks,
    clock: ports.clock,
  });
  const decision = await governor.decide({
    tenantId: tenant.id,
    contactId: state.contactId,
    from: state.activeBot,
    to: intent.to,
    confidence: intent.confidence,
    history: state.handoffs,
    enabledBots: tenant.enabledBots,
    reason: `intent:${intent.to}`,
  });
  if (decision.kind === 'blocked') return { state }; // the current bot keeps the lead; the refusal is recorded
  const context = buildHandoffContext({
    from: state.activeBot,
    to: intent.to,
    facts: state.facts,
    score: scored,
  });
  state = { ...state, activeBot: intent.to, handoffs: [...state.handoffs, decision.record] };
  return { state, context };
}
