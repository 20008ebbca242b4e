import type { AlertSeverity } from '../domain/alert-notification';
import type { BotName } from '../domain/bot-name';
import type { IntentKind } from '../domain/bot-decision';
import type { CrmActionType } from '../domain/crm-action';
import type { Temperature } from '../domain/lead-score';
import type { MessageChannel } from '../domain/message';
import type { LlmUsage } from '../ports/llm-client';

/** Fields every event payload carries. */
export interface EventBase {
  /** Tenant concerned (`GLOBAL_TENANT_ID` for deployment-wide events). */
  tenantId: string;
  /** When it happened, epoch ms. */
  at: number;
}

/** Bot operations measured against SLA targets. */
export type BotOperation = 'process' | 'full_qualification' | 'handoff';

/** Why a handoff was refused. */
export type HandoffBlockReason =
  'low_confidence' | 'hourly_limit' | 'daily_limit' | 'circular' | 'lock_busy' | 'disabled';

/** Payload of the compliance events. */
export interface ComplianceEvent extends EventBase {
  /** Contact the outgoing message was for. */
  contactId: string;
  /** Rule ids that fired, e.g. `fair_housing.steering`, `quiet_hours`. */
  rules: string[];
}

/** Every event on the bus and its payload (no PII: ids, codes, numbers only). */
export interface EventMap {
  /** An inbound message was accepted for processing. */
  'message.received': EventBase & {
    /** Contact who wrote. */
    contactId: string;
    /** Message id. */
    messageId: string;
    /** Channel it came on. */
    channel: MessageChannel;
  };
  /** The intent decoder classified a message. */
  'intent.decoded': EventBase & {
    /** Contact concerned. */
    contactId: string;
    /** Decoded intent. */
    intent: IntentKind;
    /** Confidence, 0–1. */
    confidence: number;
  };
  /** A bot sent a reply. */
  'bot.replied': EventBase & {
    /** Contact replied to. */
    contactId: string;
    /** Bot that replied. */
    bot: BotName;
    /** Time from inbound message to reply, ms. */
    durationMs: number;
  };
  /** A bot operation finished (feeds the SLA trackers). */
  'bot.turn.completed': EventBase & {
    /** Contact concerned. */
    contactId: string;
    /** Bot that ran. */
    bot: BotName;
    /** Operation measured. */
    operation: BotOperation;
    /** Duration, ms. */
    durationMs: number;
    /** Whether it succeeded. */
    success: boolean;
    /** Error code on failure. */
    errorCode?: string;
  };
  /** A contact moved from one bot to another. */
  'handoff.completed': EventBase & {
    /** Contact handed off. */
    contactId: string;
    /** Bot left. */
    from: BotName;
    /** Bot now in charge. */
    to: BotName;
    /** Intent confidence that triggered it, 0–1. */
    confidence: number;
    /** Handoff duration, ms. */
    durationMs: number;
  };
  /** A handoff was refused by a guardrail. */
  'handoff.blocked': EventBase & {
    /** Contact concerned. */
    contactId: string;
    /** Current bot. */
    from: BotName;
    /** Bot the handoff would have gone to. */
    to: BotName;
    /** Guardrail that refused it. */
    reason: HandoffBlockReason;
  };
  /** The compliance guard blocked an outgoing message. */
  'compliance.blocked': ComplianceEvent;
  /** The compliance guard rewrote an outgoing message. */
  'compliance.rewritten': ComplianceEvent;
  /** The compliance guard deferred an outgoing message (quiet hours). */
  'compliance.deferred': ComplianceEvent;
  /** A lead was (re)scored. */
  'lead.scored': EventBase & {
    /** Contact scored. */
    contactId: string;
    /** Score, 1–10. */
    score: number;
    /** Temperature band. */
    temperature: Temperature;
  };
  /** A CRM action failed an attempt (or was dead-lettered). */
  'crm.action.failed': EventBase & {
    /** Action kind. */
    actionType: CrmActionType;
    /** Error code. */
    errorCode: string;
    /** Attempts made so far. */
    attempts: number;
  };
  /** A CRM action was delivered. */
  'crm.action.delivered': EventBase & {
    /** Action kind. */
    actionType: CrmActionType;
  };
  /** A cache tier was read (feeds the hit-rate alert). */
  'cache.accessed': EventBase & {
    /** Tier read. */
    tier: 'l1' | 'l2';
    /** Whether it was a hit. */
    hit: boolean;
  };
  /** A rate limit was hit. */
  'rate_limit.hit': EventBase & {
    /** Which limit. */
    source: 'ghl' | 'llm' | 'api' | 'handoff';
    /** How long the caller waits or was told to wait, ms. */
    waitMs?: number;
  };
  /** A model call finished. */
  'llm.called': EventBase & {
    /** Model that answered. */
    model: string;
    /** Bot or component that called. */
    bot?: string;
    /** Token usage. */
    usage: LlmUsage;
    /** Call latency, ms. */
    latencyMs: number;
    /** Cost of the call, USD. */
    costUsd?: number;
    /** Whether the call succeeded. */
    outcome: 'ok' | 'error';
  };
  /** An error was raised somewhere worth counting (feeds the error-rate alert). */
  'error.raised': EventBase & {
    /** Error code. */
    code: string;
    /** Bot involved, if any. */
    bot?: string;
  };
  /** An alert fired (or escalated). */
  'alert.fired': EventBase & {
    /** Rule id. */
    ruleId: string;
    /** Severity. */
    severity: AlertSeverity;
    /** Alert instance fingerprint. */
    fingerprint: string;
  };
  /** An alert resolved. */
  'alert.resolved': EventBase & {
    /** Rule id. */
    ruleId: string;
    /** Alert instance fingerprint. */
    fingerprint: string;
  };
}

/** Name of an event on the bus. */
export type EventName = keyof EventMap;

/** A listener for one event; may be async (a rejection is caught like a throw). */
export type EventListener<K extends EventName> = (payload: EventMap[K]) => void | Promise<void>;
