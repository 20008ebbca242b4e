import { randomUUID } from 'node:crypto';
import type { AuditLog, EventBus, JsonObject } from '@enterprisehub/core';
import type { ComplianceCheckInput, ComplianceResult } from './compliance-types';

const EVENT_FOR = {
  block: 'compliance.blocked',
  rewrite: 'compliance.rewritten',
  defer: 'compliance.deferred',
} as const;

/**
 * Records a block, rewrite or deferral: one audit event (rule ids, matched rule count, channel, lengths — never the
 * text) and, when the contact is known, the matching bus event. `allow` outcomes are not recorded.
 *
 * @internal
 */
export async function recordComplianceOutcome(options: {
  result: ComplianceResult;
  input: ComplianceCheckInput;
  tenantId: string;
  at: number;
  audit?: AuditLog | undefined;
  events?: EventBus | undefined;
}): Promise<void> {
  const { result, input, tenantId, at } = options;
  if (result.kind === 'allow') return;
  const type = EVENT_FOR[result.kind];
  const contactId = input.contact?.id;
  if (options.audit) {
    const data: JsonObject = {
      rules: result.rules,
      channel: input.channel ?? 'SMS',
      findings: result.findings.map((finding) => finding.ruleId),
      originalLength: input.text.length,
    };
    if (result.kind === 'block') data['escalate'] = result.escalate;
    if (result.kind === 'defer') data['until'] = result.until;
    if (result.kind !== 'block') data['sentLength'] = result.text.length;
    await options.audit.append({
      tenantId,
      event: {
        id: randomUUID(),
        tenantId,
        ...(contactId !== undefined ? { contactId } : {}),
        type,
        actor: { kind: 'system', id: 'compliance-guard' },
        at,
        ...(input.correlationId !== undefined ? { correlationId: input.correlationId } : {}),
        data,
      },
    });
  }
  if (options.events && contactId !== undefined) {
    options.events.emit(type, { tenantId, at, contactId, rules: result.rules });
  }
}
