import type {
  AuditEvent,
  BotName,
  Contact,
  ConversationState,
  CrmAction,
  EventMap,
  EventName,
  JsonObject,
  MessageChannel,
  MetricSample,
  Tenant,
} from '@enterprisehub/core';
import type { ComplianceCheckInput, ComplianceResult } from '../compliance/compliance-types';
import type { CrmActionDraft } from '../engines/bot-engine';
import type { PlannedJob } from '../scheduling/job-scheduler';
import type { TemplateUse } from '../templates/template-renderer';
import type { TurnDecision, TurnReply } from './turn-result';

/** A bus event to emit once the turn is committed. */
export interface PendingEvent {
  /** Event name. */
  name: EventName;
  /** Payload. */
  payload: EventMap[EventName];
}

/**
 * Everything one turn decides, accumulated step by step and committed at the end in one unit of work (state,
 * contact, audit, compliance records, outbox), then followed by jobs and events. `state` is the copy the store
 * returned and is changed in place.
 *
 * @internal
 */
export interface TurnDraft {
  tenant: Tenant;
  contactId: string;
  /** `msg:<messageId>` or `job:<jobId>`: prefixes audit ids and idempotency keys. */
  correlationId: string;
  /** Message or job id reported on the result. */
  sourceId: string;
  now: number;
  started: number;
  /** When the inbound message was received (reply latency), epoch ms. */
  receivedAt: number;
  state: ConversationState;
  expectedVersion: number;
  contact: Contact | undefined;
  contactDirty: boolean;
  actions: CrmAction[];
  /** Actions to deliver later (quiet hours without a scheduler), with their due time. */
  delayed: { action: CrmAction; availableAt: number }[];
  audits: AuditEvent[];
  compliance: { result: ComplianceResult; input: ComplianceCheckInput }[];
  events: PendingEvent[];
  decisions: TurnDecision[];
  jobs: PlannedJob[];
  cancelJobs: string[];
  /** Templates used by this turn's reply. */
  templates: TemplateUse[];
  /** Templates of the previous outbound message (their outcome is recorded this turn). */
  previousTemplates: TemplateUse[];
  /** Metric samples written after the commit. */
  samples: MetricSample[];
  reply: TurnReply;
}

/** Creates an empty draft for a turn. @internal */
export function createDraft(options: {
  tenant: Tenant;
  state: ConversationState;
  contact: Contact | undefined;
  correlationId: string;
  sourceId: string;
  now: number;
  receivedAt?: number;
}): TurnDraft {
  return {
    ...options,
    receivedAt: options.receivedAt ?? options.now,
    contactId: options.state.contactId,
    started: options.now,
    expectedVersion: options.state.version,
    contactDirty: false,
    actions: [],
    delayed: [],
    audits: [],
    compliance: [],
    events: [],
    decisions: [],
    jobs: [],
    cancelJobs: [],
    templates: [],
    previousTemplates: [],
    samples: [],
    reply: { kind: 'none', reason: 'nothing_to_say' },
  };
}

/** Completes a planned action with the contact id and a deterministic idempotency key. @internal */
export function toAction(draft: TurnDraft, planned: CrmActionDraft): CrmAction {
  const index = draft.actions.length + draft.delayed.length;
  return {
    ...planned,
    contactId: draft.contactId,
    idempotencyKey: `${draft.tenant.id}:${draft.contactId}:${draft.correlationId}:${index}:${planned.type}`,
  };
}

/** Adds CRM actions to the draft. @internal */
export function addActions(draft: TurnDraft, ...planned: CrmActionDraft[]): void {
  for (const action of planned) draft.actions.push(toAction(draft, action));
}

/** Adds an audit record (deterministic id, so a retried turn cannot record twice). @internal */
export function addAudit(
  draft: TurnDraft,
  record: {
    type: string;
    data: JsonObject;
    bot?: BotName | undefined;
    actor?: AuditEvent['actor'];
  },
): void {
  draft.audits.push({
    id: `${draft.tenant.id}:${draft.correlationId}:${draft.audits.length}:${record.type}`,
    tenantId: draft.tenant.id,
    contactId: draft.contactId,
    type: record.type,
    actor:
      record.actor ??
      (record.bot ? { kind: 'bot', id: record.bot } : { kind: 'system', id: 'bot-orchestrator' }),
    ...(record.bot ? { bot: record.bot } : {}),
    at: draft.now,
    correlationId: draft.correlationId,
    data: record.data,
  });
}

/** Queues a bus event for after the commit. @internal */
export function addEvent<K extends EventName>(
  draft: TurnDraft,
  name: K,
  payload: Omit<EventMap[K], 'tenantId' | 'at'>,
): void {
  draft.events.push({
    name,
    payload: { ...payload, tenantId: draft.tenant.id, at: draft.now } as EventMap[K],
  });
}

/** Records an outbound message in the conversation; returns its id. @internal */
export function recordOutbound(
  draft: TurnDraft,
  message: { text: string; channel: MessageChannel; bot?: BotName | undefined },
): string {
  const outbound = draft.state.messages.filter((entry) =>
    entry.id.startsWith(`out:${draft.correlationId}`),
  ).length;
  const id = `out:${draft.correlationId}${outbound > 0 ? `:${outbound}` : ''}`;
  draft.state.messages.push({
    id,
    contactId: draft.contactId,
    direction: 'outbound',
    channel: message.channel,
    author: message.bot ? 'bot' : 'system',
    ...(message.bot ? { bot: message.bot } : {}),
    body: message.text,
    createdAt: draft.now,
    attachments: [],
  });
  draft.state.lastOutboundAt = draft.now;
  return id;
}
